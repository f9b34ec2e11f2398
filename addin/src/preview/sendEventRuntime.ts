/**
 * Outlook's event runtime for the preview: on Send, the send-event bundle runs in a hidden frame on fake
 * Office (`/preview/send-event.html`, the draft read from this page as the pane reads it), and its
 * OnMessageSend handler decides whether the email goes, as Outlook would ask it.
 */
export interface SendEventOutcome {
  allowEvent: boolean;
  errorMessage?: string;
}

type EventFrameWindow = Window & { fakeOffice?: { actions: Record<string, (event: { completed(options: SendEventOutcome): void }) => void> } };

/** Outlook gives an event handler minutes; the preview waits less, then sends anyway (as SoftBlock does when the add-in is unavailable). */
const previewPatienceMs = 10_000;

export async function runOnMessageSend(url: string, functionName = 'onMessageSendHandler'): Promise<SendEventOutcome> {
  const frame = document.createElement('iframe');
  frame.hidden = true;
  frame.title = 'send event';
  frame.src = url;
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  document.body.append(frame);
  try {
    await loaded;
    const handler = (frame.contentWindow as EventFrameWindow | null)?.fakeOffice?.actions[functionName];
    if (!handler) return { allowEvent: true, errorMessage: 'unavailable' };
    return await new Promise<SendEventOutcome>((resolve) => {
      const timer = setTimeout(() => resolve({ allowEvent: true, errorMessage: 'timed out' }), previewPatienceMs);
      handler({
        completed(options) {
          clearTimeout(timer);
          resolve(options);
        },
      });
    });
  } finally {
    frame.remove();
  }
}

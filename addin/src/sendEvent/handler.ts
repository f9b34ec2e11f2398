/**
 * Outlook's OnMessageSend for save on send. It never stops or delays a send for long: whatever happens
 * (no choice, no network, the service down or slow, Office errors) it lets the email go within
 * `budgetMs`, calling `event.completed({ allowEvent: true })` exactly once. Saving itself happens on the
 * service once the message is in Sent Items (POST /api/send-saves/resolve), so a report lost here only
 * means the pane's next resolve does the work.
 */
import type { SendEventLike } from '../office/sendOnSend';

export interface SendEventDeps {
  readSendKey(): Promise<string | null>;
  stampSendKey(key: string): Promise<void>;
  recipients(): Promise<string[]>;
  /** The user's "save emails to known clients when sent", as the pane last stored it. */
  saveOnSendDefault(): boolean;
  newKey(): string;
  report(key: string, recipients: string[], signal: AbortSignal): Promise<unknown>;
}

/** Outlook lets an event handler run much longer; a person pressing Send should not wait more than this. */
export const sendBudgetMs = 3000;

export function handleMessageSend(event: SendEventLike, deps: SendEventDeps, budgetMs = sendBudgetMs): Promise<void> {
  let completed = false;
  const complete = () => {
    if (completed) return;
    completed = true;
    try {
      event.completed({ allowEvent: true });
    } catch {
      // Nothing more to do: Outlook owns the send from here.
    }
  };
  const abort = new AbortController();
  const timer = setTimeout(() => {
    abort.abort();
    complete();
  }, budgetMs);

  const work = async () => {
    let key = await deps.readSendKey();
    if (!key) {
      // No choice in the pane: only the user's default saves this email.
      if (!deps.saveOnSendDefault()) return;
      key = deps.newKey();
      await deps.stampSendKey(key);
    }
    const recipients = await deps.recipients().catch(() => []);
    await deps.report(key, recipients, abort.signal);
  };
  return work()
    .catch(() => undefined)
    .finally(() => {
      clearTimeout(timer);
      complete();
    });
}

import { previewUser, sampleMessages, type SampleMessage } from './sampleMessages';

export type PreviewTheme = 'light' | 'dark';

/** What fake-office.js reads from its parent page (see public/fake-office.js). */
export interface OutlookPreviewHost {
  getItem(): SampleMessage | null;
  subscribe(listener: () => void): () => void;
  subscribeTheme(listener: (theme: PreviewTheme) => void): () => void;
  userProfile: { emailAddress: string; displayName: string };
  displayLanguage: string;
  /** The highest Mailbox requirement set fake Office supports; ?mailboxVersion=1.7 is an Outlook without shared-mailbox support. */
  mailboxVersion: string;
  theme: PreviewTheme;
  getAsyncDelayMs: number;
  /** With ?holdReads=1, compose reads answer only after releaseReads(): tests decide what happens first. */
  readsHeld: Promise<void> | null;
  releaseReads(): void;
  displayedMessages: string[];
  /** What each send's OnMessageSend handler answered (event.completed's options), for tests. */
  sendEvents: { allowEvent: boolean; errorMessage?: string }[];
  onDisplayMessageForm(itemId: string): void;
  /** For tests and the preview UI: select a message by id, or null for "no message selected". */
  select(id: string | null): void;
  setTheme(theme: PreviewTheme): void;
}

declare global {
  interface Window {
    outlookPreview: OutlookPreviewHost;
  }
}

export function installPreviewHost(query: URLSearchParams): OutlookPreviewHost {
  const itemListeners = new Set<() => void>();
  const themeListeners = new Set<(theme: PreviewTheme) => void>();
  const requested = query.get('message');
  let selectedId: string | null = requested === 'none' ? null : requested ?? sampleMessages[0].id;
  let releaseReads = () => {};
  const readsHeld = query.get('holdReads') === '1' ? new Promise<void>((resolve) => (releaseReads = resolve)) : null;

  const host: OutlookPreviewHost = {
    getItem: () => sampleMessages.find((m) => m.id === selectedId) ?? null,
    subscribe(listener) {
      itemListeners.add(listener);
      return () => itemListeners.delete(listener);
    },
    subscribeTheme(listener) {
      themeListeners.add(listener);
      return () => themeListeners.delete(listener);
    },
    userProfile: { ...previewUser },
    displayLanguage: query.get('lang') === 'pt-BR' ? 'pt-BR' : 'en-US',
    mailboxVersion: /^1\.\d+$/.test(query.get('mailboxVersion') ?? '') ? query.get('mailboxVersion')! : '1.14',
    theme: query.get('theme') === 'dark' ? 'dark' : 'light',
    getAsyncDelayMs: Number(query.get('delay') ?? 0) || 0,
    readsHeld,
    releaseReads: () => releaseReads(),
    displayedMessages: [],
    sendEvents: [],
    onDisplayMessageForm(itemId) {
      host.displayedMessages.push(itemId);
      host.select(itemId);
    },
    select(id) {
      if (id === selectedId) return;
      selectedId = id;
      itemListeners.forEach((listener) => listener());
    },
    setTheme(theme) {
      host.theme = theme;
      themeListeners.forEach((listener) => listener(theme));
    },
  };
  window.outlookPreview = host;
  return host;
}

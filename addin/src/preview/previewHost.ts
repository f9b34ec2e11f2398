import { previewUser, sampleMessages, type SampleMessage } from './sampleMessages';

export type PreviewTheme = 'light' | 'dark';

/** What fake-office.js reads from its parent page (see public/fake-office.js). */
export interface OutlookPreviewHost {
  getItem(): SampleMessage | null;
  subscribe(listener: () => void): () => void;
  subscribeTheme(listener: (theme: PreviewTheme) => void): () => void;
  userProfile: PreviewAccount;
  /** The work accounts in this Outlook: the preview user's, and a second with ?account2= (another practice). */
  accounts: PreviewAccount[];
  /** Shows the mailbox of another account, as selecting a message in that account's folders does (ItemChanged). */
  switchAccount(emailAddress: string): void;
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
  getMessage(id: string): SampleMessage | null;
  /** The messages selected at once (item multi-select, Mailbox 1.13): empty or one for a single selection. */
  getSelectedIds(): string[];
  /** Selects several messages at once; the first stays the one the reading pane (and Office's item) shows. */
  selectMany(ids: string[]): void;
  /** fake-office.js listens for SelectedItemsChanged here. */
  subscribeSelection(listener: () => void): () => void;
  /** For tests and the preview UI: select a message by id, or null for "no message selected". */
  select(id: string | null): void;
  setTheme(theme: PreviewTheme): void;
}

declare global {
  interface Window {
    outlookPreview: OutlookPreviewHost;
  }
}

export interface PreviewAccount {
  emailAddress: string;
  displayName: string;
  /** The tenant fake Office's auth context reports (development: the pane's ?tenant / ?tenant2). */
  tenantId?: string;
}

const plausibleAddress = (value: string | null): value is string => !!value && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/**
 * ?account2=<address> adds a second work account (its tenant and user: ?tenant2, ?user2, which the pane's
 * development sign-in uses for that login hint); ?startIn=account2 opens its mailbox first.
 */
export function previewAccounts(query: URLSearchParams): PreviewAccount[] {
  const first: PreviewAccount = { ...previewUser, tenantId: query.get('tenant') ?? undefined };
  const second = query.get('account2');
  if (!plausibleAddress(second)) return [first];
  return [first, { emailAddress: second, displayName: previewUser.displayName, tenantId: query.get('tenant2') ?? undefined }];
}

export function installPreviewHost(query: URLSearchParams): OutlookPreviewHost {
  const itemListeners = new Set<() => void>();
  const themeListeners = new Set<(theme: PreviewTheme) => void>();
  const requested = query.get('message');
  let selectedId: string | null = requested === 'none' ? null : requested ?? sampleMessages[0].id;
  let releaseReads = () => {};
  const readsHeld = query.get('holdReads') === '1' ? new Promise<void>((resolve) => (releaseReads = resolve)) : null;

  const accounts = previewAccounts(query);
  const selectionListeners = new Set<() => void>();
  const known = (id: string) => sampleMessages.some((m) => m.id === id);
  let selectedIds = (query.get('selected') ?? '').split(',').filter(known);
  if (selectedIds.length > 1) selectedId = selectedIds[0];
  else selectedIds = selectedId ? [selectedId] : [];
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
    userProfile: { ...(query.get('startIn') === 'account2' && accounts[1] ? accounts[1] : accounts[0]) },
    accounts,
    switchAccount(emailAddress) {
      const account = accounts.find((a) => a.emailAddress === emailAddress);
      if (!account || account.emailAddress === host.userProfile.emailAddress) return;
      host.userProfile = { ...account };
      itemListeners.forEach((listener) => listener());
    },
    displayLanguage: query.get('lang') === 'pt-BR' ? 'pt-BR' : 'en-US',
    mailboxVersion: /^1\.\d+$/.test(query.get('mailboxVersion') ?? '') ? query.get('mailboxVersion')! : '1.15',
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
    getSelectedIds: () => [...selectedIds],
    getMessage: (id) => sampleMessages.find((m) => m.id === id) ?? null,
    subscribeSelection(listener) {
      selectionListeners.add(listener);
      return () => selectionListeners.delete(listener);
    },
    selectMany(ids) {
      const next = ids.filter(known);
      const wasSeveral = selectedIds.length > 1;
      selectedIds = next;
      if (next.length > 0 && next[0] !== selectedId) {
        selectedId = next[0];
        itemListeners.forEach((listener) => listener());
      }
      if (wasSeveral || next.length > 1) selectionListeners.forEach((listener) => listener());
    },
    select(id) {
      const wasSeveral = selectedIds.length > 1;
      selectedIds = id ? [id] : [];
      if (wasSeveral) selectionListeners.forEach((listener) => listener());
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

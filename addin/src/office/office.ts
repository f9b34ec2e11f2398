import { readMailboxAccount, type MailboxAccount } from './account';
import { cleanParticipants, type EmailParticipant, type ItemParticipants } from './participants';
import { readSelectedItems, type SelectedItem } from './selectedItems';
import { readMailboxOwner, sharedAddressOf, type MailboxOwner } from './sharedMailbox';

/**
 * The only module that touches the Office.js global. Everything else talks to an OfficeGateway,
 * so components and hooks can be driven by tests without Office.
 */
export interface OfficeThemeInfo {
  isDark: boolean;
}

/** The current mailbox item as Office hands it over; opaque outside this module. */
export type MailItem = { readonly __mailItem: unique symbol };

export interface DialogResult {
  message: string;
}

/** What "Save to record" keeps of the open message: metadata and a short plain-text preview, never the body. */
export interface MessageDetails {
  internetMessageId: string;
  itemId: string | null;
  /** Outlook's conversation id (opaque): later emails of a saved conversation offer to be saved too. */
  conversationId: string | null;
  subject: string;
  sentAt: string;
  from: EmailParticipant | null;
  to: EmailParticipant[];
  cc: EmailParticipant[];
  preview: string;
}

export const previewLength = 200;

/** The first ~200 characters of a plain-text body, whitespace collapsed. */
export function previewOf(body: string, length = previewLength): string {
  const text = body.replace(/\s+/g, ' ').trim();
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > length * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

export interface OfficeGateway {
  ready(): Promise<void>;
  currentItem(): MailItem | null;
  readParticipants(item: MailItem): Promise<ItemParticipants>;
  /** A draft (compose) has no Message-ID yet, so it cannot be saved to a record. */
  isReadMode(item: MailItem): boolean;
  /** Read mode only: null for a draft (it has no internetMessageId yet). */
  readMessage(item: MailItem): Promise<MessageDetails | null>;
  /** The message's Message-ID without reading its body; null for a draft. */
  messageId(item: MailItem): string | null;
  /** The message's Outlook conversation id; null when Outlook gives none. */
  conversationId(item: MailItem): string | null;
  /** Returns a function that stops the handler from being called. */
  onItemChanged(handler: () => void): () => void;
  onThemeChanged(handler: () => void): () => void;
  displayLanguage(): string;
  theme(): OfficeThemeInfo;
  userEmail(): string | null;
  userName(): string | null;
  /** The work account of the mailbox shown: sign-in uses it as login hint and keeps its token apart. */
  account(): Promise<MailboxAccount>;
  /** Whose mailbox the item is in: the user's own, a shared or delegate mailbox, or unknown (no Mailbox 1.8). */
  mailboxOwner(item: MailItem): Promise<MailboxOwner>;
  openMessage(itemId: string): void;
  /** The messages selected at once (item multi-select, Mailbox 1.13); [] where Outlook cannot say. */
  selectedItems(): Promise<SelectedItem[]>;
  /** SelectedItemsChanged; returns a function that stops the handler from being called. */
  onSelectionChanged(handler: () => void): () => void;
  /** Reads one selected message (Mailbox 1.15), loaded only when several are saved at once. */
  readSelectedMessage(itemId: string): Promise<MessageDetails | null>;
  /** Opens an Office dialog at `url` and resolves with the first message it sends back. */
  openDialog(url: string): Promise<DialogResult>;
}

type OfficeGlobal = typeof Office;

interface AsyncResultLike<T> {
  status: string;
  value: T;
  error?: { message?: string; name?: string };
}

interface RecipientsReader {
  getAsync(callback: (result: AsyncResultLike<EmailAddressLike[]>) => void): void;
}
interface FromReader {
  getAsync(callback: (result: AsyncResultLike<EmailAddressLike>) => void): void;
}
interface EmailAddressLike {
  displayName?: string;
  emailAddress?: string;
}

interface LooseItem {
  itemId?: string | null;
  internetMessageId?: string | null;
  conversationId?: string | null;
  subject?: string | { getAsync: unknown };
  dateTimeCreated?: Date | string | null;
  body?: { getAsync?: (coercionType: unknown, callback: (result: AsyncResultLike<string>) => void) => void };
  from?: EmailAddressLike | FromReader | null;
  to?: EmailAddressLike[] | RecipientsReader;
  cc?: EmailAddressLike[] | RecipientsReader;
}

export class OfficeCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OfficeCallError';
  }
}

const toParticipant = (a: EmailAddressLike | null | undefined): EmailParticipant | null =>
  a && a.emailAddress ? { displayName: a.displayName ?? '', emailAddress: a.emailAddress } : null;

function hasGetAsync(value: unknown): value is { getAsync: (cb: (r: AsyncResultLike<unknown>) => void) => void } {
  return !!value && typeof (value as { getAsync?: unknown }).getAsync === 'function';
}

/** Promisifies an Office getter; never throws inside the Office callback, it rejects instead. */
function getAsyncValue<T>(reader: { getAsync: (cb: (r: AsyncResultLike<T>) => void) => void }): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      reader.getAsync((result) => {
        if (result && result.status === 'succeeded') resolve(result.value);
        else reject(new OfficeCallError(result?.error?.message ?? 'Office could not read the item.'));
      });
    } catch (error) {
      reject(error instanceof Error ? error : new OfficeCallError(String(error)));
    }
  });
}

async function readRecipients(field: LooseItem['to']): Promise<EmailParticipant[]> {
  if (!field) return [];
  const list = Array.isArray(field) ? field : hasGetAsync(field) ? await getAsyncValue<EmailAddressLike[]>(field) : [];
  return (list ?? []).map(toParticipant).filter((p): p is EmailParticipant => p !== null);
}

async function readFrom(field: LooseItem['from']): Promise<EmailParticipant | null> {
  if (!field) return null;
  if (hasGetAsync(field)) return toParticipant(await getAsyncValue<EmailAddressLike>(field));
  return toParticipant(field as EmailAddressLike);
}

/** Reads From/To/Cc in read mode (plain properties) and compose mode (async getters). */
export async function readParticipants(item: MailItem, ownAddress: string | null | readonly (string | null)[]): Promise<ItemParticipants> {
  const loose = item as unknown as LooseItem;
  const [from, to, cc] = await Promise.all([readFrom(loose.from), readRecipients(loose.to), readRecipients(loose.cc)]);
  return cleanParticipants({ from, to, cc }, ownAddress);
}

function readBodyText(item: LooseItem, office: OfficeGlobal): Promise<string> {
  const body = item.body;
  if (!body?.getAsync) return Promise.resolve('');
  const getAsync = body.getAsync.bind(body);
  return getAsyncValue<string>({ getAsync: (cb) => getAsync(office.CoercionType?.Text ?? 'text', cb) }).catch(() => '');
}

export async function readMessage(item: MailItem, office: OfficeGlobal): Promise<MessageDetails | null> {
  const loose = item as unknown as LooseItem;
  if (!loose.internetMessageId || typeof loose.subject !== 'string') return null;
  const [{ from, to, cc }, body] = await Promise.all([readParticipants(item, null), readBodyText(loose, office)]);
  const created = loose.dateTimeCreated ? new Date(loose.dateTimeCreated) : new Date();
  return {
    internetMessageId: loose.internetMessageId,
    itemId: loose.itemId ?? null,
    conversationId: loose.conversationId || null,
    subject: loose.subject,
    sentAt: (Number.isNaN(created.getTime()) ? new Date() : created).toISOString(),
    from,
    to,
    cc,
    preview: previewOf(body),
  };
}

function isDarkColor(color: string | undefined): boolean {
  const match = /^#?([0-9a-f]{6})$/i.exec(color ?? '');
  if (!match) return false;
  const n = parseInt(match[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5;
}

export function createOfficeGateway(office: OfficeGlobal = globalThis.Office): OfficeGateway {
  let readyPromise: Promise<void> | null = null;
  const itemHandlers = new Set<() => void>();
  const themeHandlers = new Set<() => void>();
  const selectionHandlers = new Set<() => void>();
  let itemHandlerRegistered = false;
  let selectionHandlerRegistered = false;
  let themeHandlerRegistered = false;

  const mailbox = () => office.context?.mailbox;
  // Read once per mailbox address: with several accounts, another mailbox is another account.
  let accountRead: { address: string | null; account: Promise<MailboxAccount> } | null = null;

  const registerOnce = (eventType: Office.EventType, handlers: Set<() => void>) => {
    try {
      mailbox()?.addHandlerAsync(eventType, () => handlers.forEach((h) => h()), () => undefined);
    } catch {
      // Hosts without this event (older Outlook) simply never call the handler.
    }
  };

  return {
    ready() {
      readyPromise ??= new Promise<void>((resolve) => {
        office.onReady(() => resolve());
      });
      return readyPromise;
    },
    currentItem() {
      return (mailbox()?.item ?? null) as MailItem | null;
    },
    async readParticipants(item) {
      // In a shared or delegate mailbox its owner is "us" too: neither address is a participant to look up.
      const owner = sharedAddressOf(await this.mailboxOwner(item));
      return readParticipants(item, owner ? [owner, this.userEmail()] : this.userEmail());
    },
    mailboxOwner(item) {
      return readMailboxOwner(item, office, this.userEmail());
    },
    isReadMode(item) {
      return typeof (item as unknown as LooseItem).subject === 'string';
    },
    readMessage(item) {
      return readMessage(item, office);
    },
    messageId(item) {
      return (item as unknown as LooseItem).internetMessageId || null;
    },
    conversationId(item) {
      return (item as unknown as LooseItem).conversationId || null;
    },
    onItemChanged(handler) {
      itemHandlers.add(handler);
      if (!itemHandlerRegistered) {
        itemHandlerRegistered = true;
        registerOnce(office.EventType.ItemChanged, itemHandlers);
      }
      return () => itemHandlers.delete(handler);
    },
    onThemeChanged(handler) {
      themeHandlers.add(handler);
      if (!themeHandlerRegistered && office.EventType.OfficeThemeChanged) {
        themeHandlerRegistered = true;
        registerOnce(office.EventType.OfficeThemeChanged, themeHandlers);
      }
      return () => themeHandlers.delete(handler);
    },
    displayLanguage() {
      return office.context?.displayLanguage ?? 'en-US';
    },
    theme() {
      const theme = office.context?.officeTheme as (Office.OfficeTheme & { isDarkTheme?: boolean }) | undefined;
      if (!theme) return { isDark: false };
      if (typeof theme.isDarkTheme === 'boolean') return { isDark: theme.isDarkTheme };
      return { isDark: isDarkColor(theme.bodyBackgroundColor) };
    },
    userEmail() {
      return mailbox()?.userProfile?.emailAddress ?? null;
    },
    userName() {
      return mailbox()?.userProfile?.displayName ?? null;
    },
    account() {
      const address = this.userEmail();
      if (accountRead?.address !== address) accountRead = { address, account: readMailboxAccount(office, address) };
      return accountRead.account;
    },
    openMessage(itemId) {
      mailbox()?.displayMessageForm(itemId);
    },
    selectedItems() {
      return readSelectedItems(office);
    },
    onSelectionChanged(handler) {
      selectionHandlers.add(handler);
      const eventType = (office.EventType as { SelectedItemsChanged?: Office.EventType }).SelectedItemsChanged;
      if (!selectionHandlerRegistered && eventType) {
        selectionHandlerRegistered = true;
        registerOnce(eventType, selectionHandlers);
      }
      return () => selectionHandlers.delete(handler);
    },
    async readSelectedMessage(itemId) {
      return (await import('./loadSelected')).loadSelectedMessage(office, itemId);
    },
    openDialog(url) {
      return new Promise<DialogResult>((resolve, reject) => {
        try {
          office.context.ui.displayDialogAsync(url, { height: 60, width: 30 }, (result) => {
            if (result.status !== office.AsyncResultStatus.Succeeded) {
              reject(new OfficeCallError(result.error?.message ?? 'The sign-in window could not open.'));
              return;
            }
            const dialog = result.value;
            dialog.addEventHandler(office.EventType.DialogMessageReceived, (arg) => {
              dialog.close();
              if ('message' in arg) resolve({ message: String(arg.message) });
              else reject(new OfficeCallError('The sign-in window closed.'));
            });
            dialog.addEventHandler(office.EventType.DialogEventReceived, () => {
              reject(new OfficeCallError('The sign-in window closed.'));
            });
          });
        } catch (error) {
          reject(error instanceof Error ? error : new OfficeCallError(String(error)));
        }
      });
    },
  };
}

/** Used by the sign-in dialog page to hand its result to the pane that opened it. */
export function sendToDialogParent(message: string, office: OfficeGlobal = globalThis.Office): void {
  office.context.ui.messageParent(message);
}

/**
 * Office.js for save on send: the draft's send key (an Internet header, Mailbox 1.8), its recipients,
 * and the two roaming settings the send event reads when the pane is not open (the user's default and
 * the service's origin, which classic Outlook's JavaScript-only runtime cannot tell from a page URL).
 * Used by the pane in compose mode and by the send-event bundle; nothing else here touches Office.
 */

/** The header the service looks for in Sent Items (service/SendSaves/SendSaveRules.cs). */
export const sendKeyHeader = 'x-outlookcrm-send-key';

/** A new draft's send key: random, 32 hex characters (the service's key format). */
export const newSendKey = () => crypto.randomUUID().replaceAll('-', '');
const defaultSetting = 'outlookcrm.saveOnSendDefault';
const originSetting = 'outlookcrm.serviceOrigin';

interface AsyncResultLike<T> {
  status: string;
  value: T;
  error?: { message?: string };
}
type Callback<T> = (result: AsyncResultLike<T>) => void;
interface HeadersLike {
  getAsync(names: string[], callback: Callback<Record<string, string>>): void;
  setAsync(headers: Record<string, string>, callback: Callback<void>): void;
}
interface RecipientsLike {
  getAsync(callback: Callback<{ emailAddress?: string }[]>): void;
}
interface ComposeItemLike {
  internetHeaders?: HeadersLike;
  to?: RecipientsLike;
  cc?: RecipientsLike;
  bcc?: RecipientsLike;
}
interface RoamingLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: Callback<void>): void;
}
interface OfficeLike {
  context?: {
    mailbox?: { item?: ComposeItemLike | null };
    roamingSettings?: RoamingLike;
    requirements?: { isSetSupported(name: string, version: string): boolean };
  };
  actions?: { associate(name: string, handler: (event: SendEventLike) => void): void };
  auth?: { getAccessToken(options: Record<string, boolean>): Promise<string> };
}

/** What Outlook passes the OnMessageSend handler. */
export interface SendEventLike {
  completed(options: { allowEvent: boolean; errorMessage?: string }): void;
}

const office = (): OfficeLike | undefined => (globalThis as unknown as { Office?: OfficeLike }).Office;
const item = (): ComposeItemLike | null | undefined => office()?.context?.mailbox?.item;

function call<T>(start: (callback: Callback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      start((result) => (result?.status === 'succeeded' ? resolve(result.value) : reject(new Error(result?.error?.message ?? 'Office call failed'))));
    } catch (error) {
      reject(error);
    }
  });
}

/** Internet headers on a draft need Mailbox 1.8; without them the pane cannot offer save on send. */
export function canStampSendKey(): boolean {
  return !!item()?.internetHeaders && office()?.context?.requirements?.isSetSupported('Mailbox', '1.8') !== false;
}

export async function readSendKey(): Promise<string | null> {
  const headers = item()?.internetHeaders;
  if (!headers) return null;
  const values = await call<Record<string, string>>((cb) => headers.getAsync([sendKeyHeader], cb));
  const value = values?.[sendKeyHeader] ?? Object.entries(values ?? {}).find(([name]) => name.toLowerCase() === sendKeyHeader)?.[1];
  return value?.trim() || null;
}

export async function stampSendKey(key: string): Promise<void> {
  const headers = item()?.internetHeaders;
  if (!headers) throw new Error('This Outlook cannot set Internet headers (Mailbox 1.8).');
  await call<void>((cb) => headers.setAsync({ [sendKeyHeader]: key }, cb));
}

/** To, Cc and Bcc addresses of the draft. */
export async function draftRecipients(): Promise<string[]> {
  const draft = item();
  const lists = await Promise.all(
    [draft?.to, draft?.cc, draft?.bcc].map((field) => (field ? call<{ emailAddress?: string }[]>((cb) => field.getAsync(cb)).catch(() => []) : Promise.resolve([]))),
  );
  return lists.flat().map((r) => r.emailAddress ?? '').filter(Boolean);
}

export interface SendSettings {
  saveOnSendDefault: boolean;
  serviceOrigin: string | null;
}

export function readSendSettings(): SendSettings {
  const roaming = office()?.context?.roamingSettings;
  const origin = roaming?.get(originSetting);
  return { saveOnSendDefault: roaming?.get(defaultSetting) === true, serviceOrigin: typeof origin === 'string' ? origin : null };
}

/** The pane keeps the event's copy of the default and of its origin (roaming settings follow the user to every Outlook). */
export async function rememberSendSettings(settings: SendSettings): Promise<void> {
  const roaming = office()?.context?.roamingSettings;
  if (!roaming) return;
  const current = readSendSettings();
  if (current.saveOnSendDefault === settings.saveOnSendDefault && current.serviceOrigin === settings.serviceOrigin) return;
  roaming.set(defaultSetting, settings.saveOnSendDefault);
  if (settings.serviceOrigin) roaming.set(originSetting, settings.serviceOrigin);
  await call<void>((cb) => roaming.saveAsync(cb));
}

/** Registers the manifest's FunctionName with Outlook. */
export function associateSendHandler(name: string, handler: (event: SendEventLike) => void): void {
  office()?.actions?.associate(name, handler);
}

/** Office single sign-on, which event-based add-ins may use without a prompt (the pane uses nested app authentication). */
export function officeAccessToken(): Promise<string> {
  const auth = office()?.auth;
  if (!auth) return Promise.reject(new Error('Office SSO is not available.'));
  return auth.getAccessToken({ allowSignInPrompt: false, allowConsentPrompt: false, forMSGraphAccess: false });
}

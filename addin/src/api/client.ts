import { ApiError, errorFromResponse } from './errors';
import type {
  ClientPage,
  ClientRecord,
  CreateClientBody,
  FieldDefinition,
  FieldType,
  HistoryPage,
  Intake,
  IntakeTemplate,
  LinkEmailBody,
  LookupResponse,
  Me,
  SavedEmail,
  SaveEmailBody,
  SaveSettings,
  ConversationClient,
  SendSave,
  SendSaveResolution,
  SuggestionsResponse,
  UpdateClientBody,
} from './types';

export interface TokenProvider {
  getToken(options?: { forceRefresh?: boolean }): Promise<string>;
}

export interface ApiClientOptions {
  tokens: TokenProvider;
  baseUrl?: string;
  fetch?: typeof fetch;
}

interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApiClient {
  me(signal?: AbortSignal): Promise<Me>;
  lookup(addresses: string[], signal?: AbortSignal): Promise<LookupResponse>;
  /** After the lookup: colleagues, never-tracked senders, and likely clients for unknown addresses. */
  suggest(participants: { address: string; displayName: string }[], signal?: AbortSignal): Promise<SuggestionsResponse>;
  searchClients(query: { search?: string; limit?: number; cursor?: string }, signal?: AbortSignal): Promise<ClientPage>;
  getClient(id: string, signal?: AbortSignal): Promise<ClientRecord>;
  /** The caller owns the idempotency key so a retried or double-clicked submission reuses it. */
  createClient(body: CreateClientBody, idempotencyKey: string): Promise<ClientRecord>;
  updateClient(id: string, changes: UpdateClientBody, version: string): Promise<ClientRecord>;
  linkEmail(id: string, body: LinkEmailBody): Promise<ClientRecord>;
  unlinkEmail(id: string, address: string): Promise<ClientRecord>;
  listFields(signal?: AbortSignal): Promise<FieldDefinition[]>;
  createField(label: string, type: FieldType): Promise<FieldDefinition>;
  setFieldValue(clientId: string, fieldId: string, value: string | number | null): Promise<ClientRecord>;
  /** `mailbox`: the owner of the shared or delegate mailbox the open item is in (absent: the user's own). */
  getHistory(clientId: string, query: { cursor?: string | null; limit?: number; mailbox?: string | null }, signal?: AbortSignal): Promise<HistoryPage>;
  /** 201 (saved now) and 200 (already saved) both resolve with the saved email. */
  saveEmail(clientId: string, body: SaveEmailBody, mailbox?: string | null): Promise<SavedEmail>;
  unsaveEmail(clientId: string, savedEmailId: string): Promise<void>;
  /** A stored attachment's bytes (always served as application/octet-stream). */
  downloadAttachment(clientId: string, savedEmailId: string, attachmentId: string): Promise<Blob>;
  /** The saved copy of one message on the client's record: empty when it is not saved. */
  findSavedEmail(clientId: string, internetMessageId: string, signal?: AbortSignal): Promise<SavedEmail[]>;
  /**
   * With `language`, the built-in template comes as it would be sent in that language (custom ones as
   * written), and a workspace's first template starts in it.
   */
  listIntakeTemplates(language?: string, signal?: AbortSignal): Promise<IntakeTemplate[]>;
  sendIntake(clientId: string, body: { templateId?: string; language?: string }): Promise<Intake>;
  listIntakes(clientId: string, signal?: AbortSignal): Promise<Intake[]>;
  getIntake(clientId: string, intakeId: string, signal?: AbortSignal): Promise<Intake>;
  resendIntake(clientId: string, intakeId: string): Promise<Intake>;
  revokeIntake(clientId: string, intakeId: string): Promise<Intake>;
  /** Save on send: which clients' records the draft with this send key goes to when sent (an empty list clears it). */
  setSendSave(key: string, clientIds: string[]): Promise<SendSave>;
  /** The send event: this email is being sent (the recipients let the user's default pick known clients). */
  reportSend(key: string, recipients: string[], signal?: AbortSignal): Promise<SendSave>;
  /** Saves what has reached Sent Items; reports the saves that expired. */
  resolveSendSaves(signal?: AbortSignal): Promise<SendSaveResolution>;
  getSaveSettings(signal?: AbortSignal): Promise<SaveSettings>;
  /** A setting left out keeps its value. */
  setSaveSettings(settings: Partial<SaveSettings>): Promise<SaveSettings>;
  /** The clients whose record holds an email of the conversation, and whether the email `internetMessageId` is saved to each. */
  conversationSaves(conversationId: string, internetMessageId: string, signal?: AbortSignal): Promise<ConversationClient[]>;
}

export function createApiClient({ tokens, baseUrl = '', fetch: fetchImpl = globalThis.fetch.bind(globalThis) }: ApiClientOptions): ApiClient {
  async function send(path: string, options: RequestOptions, forceRefresh: boolean): Promise<Response> {
    let token: string;
    try {
      token = await tokens.getToken({ forceRefresh });
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError(401, 'sign-in-failed');
    }
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${token}`, ...options.headers };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      return await fetchImpl(`${baseUrl}${path}`, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw ApiError.network();
    }
  }

  async function respond(path: string, options: RequestOptions): Promise<Response> {
    let response = await send(path, options, false);
    // A token can expire or be revoked between caching and use: get a fresh one once.
    if (response.status === 401) response = await send(path, options, true);
    if (!response.ok) throw await errorFromResponse(response);
    return response;
  }

  async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const response = await respond(path, options);
    if (response.status === 204) return undefined as T;
    try {
      return (await response.json()) as T;
    } catch {
      throw new ApiError(response.status, 'unexpected-response');
    }
  }

  const clientPath = (id: string) => `/api/clients/${encodeURIComponent(id)}`;

  return {
    me: (signal) => request<Me>('/api/me', { signal }),
    lookup: (addresses, signal) => request<LookupResponse>('/api/lookup', { method: 'POST', body: { addresses }, signal }),
    suggest: (participants, signal) => request<SuggestionsResponse>('/api/suggestions', { method: 'POST', body: { participants }, signal }),
    searchClients: ({ search, limit, cursor }, signal) => {
      const query = new URLSearchParams();
      if (search) query.set('search', search);
      if (limit) query.set('limit', String(limit));
      if (cursor) query.set('cursor', cursor);
      const qs = query.toString();
      return request<ClientPage>(`/api/clients${qs ? `?${qs}` : ''}`, { signal });
    },
    getClient: (id, signal) => request<ClientRecord>(clientPath(id), { signal }),
    createClient: (body, idempotencyKey) =>
      request<ClientRecord>('/api/clients', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } }),
    updateClient: (id, changes, version) =>
      request<ClientRecord>(clientPath(id), { method: 'PATCH', body: changes, headers: { 'If-Match': version } }),
    linkEmail: (id, body) => request<ClientRecord>(`${clientPath(id)}/emails`, { method: 'POST', body }),
    unlinkEmail: (id, address) =>
      request<ClientRecord>(`${clientPath(id)}/emails/${encodeURIComponent(address)}`, { method: 'DELETE' }),
    listFields: async (signal) => (await request<{ items: FieldDefinition[] }>('/api/fields', { signal })).items,
    createField: (label, type) => request<FieldDefinition>('/api/fields', { method: 'POST', body: { label, type } }),
    setFieldValue: (clientId, fieldId, value) =>
      request<ClientRecord>(`${clientPath(clientId)}/fields/${encodeURIComponent(fieldId)}`, { method: 'PUT', body: { value } }),
    getHistory: (clientId, { cursor, limit, mailbox }, signal) => {
      const query = new URLSearchParams();
      if (limit) query.set('limit', String(limit));
      if (cursor) query.set('cursor', cursor);
      if (mailbox) query.set('mailbox', mailbox);
      const qs = query.toString();
      return request<HistoryPage>(`${clientPath(clientId)}/history${qs ? `?${qs}` : ''}`, { signal });
    },
    saveEmail: (clientId, body, mailbox) =>
      request<SavedEmail>(`${clientPath(clientId)}/saved-emails${mailbox ? `?mailbox=${encodeURIComponent(mailbox)}` : ''}`, { method: 'POST', body }),
    findSavedEmail: async (clientId, internetMessageId, signal) =>
      (await request<{ items: SavedEmail[] }>(`${clientPath(clientId)}/saved-emails?internetMessageId=${encodeURIComponent(internetMessageId)}`, { signal })).items,
    downloadAttachment: async (clientId, savedEmailId, attachmentId) => {
      const path = `${clientPath(clientId)}/saved-emails/${encodeURIComponent(savedEmailId)}/attachments/${encodeURIComponent(attachmentId)}`;
      const response = await respond(path, { headers: { Accept: 'application/octet-stream, application/problem+json' } });
      return response.blob();
    },
    unsaveEmail: (clientId, savedEmailId) =>
      request<void>(`${clientPath(clientId)}/saved-emails/${encodeURIComponent(savedEmailId)}`, { method: 'DELETE' }),
    listIntakeTemplates: async (language, signal) =>
      (await request<{ items: IntakeTemplate[] }>(`/api/intake/templates${language ? `?language=${encodeURIComponent(language)}` : ''}`, { signal })).items,
    sendIntake: (clientId, body) => request<Intake>(`${clientPath(clientId)}/intakes`, { method: 'POST', body }),
    listIntakes: async (clientId, signal) => (await request<{ items: Intake[] }>(`${clientPath(clientId)}/intakes`, { signal })).items,
    getIntake: (clientId, intakeId, signal) => request<Intake>(`${clientPath(clientId)}/intakes/${encodeURIComponent(intakeId)}`, { signal }),
    resendIntake: (clientId, intakeId) =>
      request<Intake>(`${clientPath(clientId)}/intakes/${encodeURIComponent(intakeId)}/resend`, { method: 'POST' }),
    revokeIntake: (clientId, intakeId) =>
      request<Intake>(`${clientPath(clientId)}/intakes/${encodeURIComponent(intakeId)}/revoke`, { method: 'POST' }),
    setSendSave: (key, clientIds) => request<SendSave>(`/api/send-saves/${encodeURIComponent(key)}`, { method: 'PUT', body: { clientIds } }),
    reportSend: (key, recipients, signal) =>
      request<SendSave>(`/api/send-saves/${encodeURIComponent(key)}/sent`, { method: 'POST', body: { recipients }, signal }),
    resolveSendSaves: (signal) => request<SendSaveResolution>('/api/send-saves/resolve', { method: 'POST', signal }),
    getSaveSettings: (signal) => request<SaveSettings>('/api/me/save-settings', { signal }),
    setSaveSettings: (settings) => request<SaveSettings>('/api/me/save-settings', { method: 'PUT', body: settings }),
    conversationSaves: async (conversationId, internetMessageId, signal) => {
      const query = new URLSearchParams({ conversationId, internetMessageId });
      return (await request<{ clients: ConversationClient[] }>(`/api/conversations/saved?${query}`, { signal })).clients;
    },
  };
}

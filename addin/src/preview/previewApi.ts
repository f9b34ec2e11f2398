import { createApiClient, type ApiClient } from '../api/client';
import { ApiError, errorFromResponse } from '../api/errors';
import type { DevToken } from '../api/types';
import { devIdentityFrom } from '../auth/devIdentity';
import { previewUser, type SampleMessage } from './sampleMessages';
import { sendKeyHeader } from '../office/sendOnSend';

/** An email the Development service "sent" for the caller's workspace (GET /api/dev/outbox). */
export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  body: string;
  link: string;
  sentAt: string;
}

/**
 * The preview page's own connection to the service: a development token for the workspace the
 * page's `tenant` and `user` name (as the pane gets), then the typed API client with it.
 */
export interface PreviewApi {
  api: ApiClient;
  /** The development outbox of the preview's workspace, newest first. */
  outbox(): Promise<OutboxMessage[]>;
  /** Outlook's Send for a draft: into the Development service's Sent Items, with the draft's save-on-send key. */
  sendDraft(draft: SampleMessage): Promise<void>;
}

async function previewToken(search: string): Promise<string> {
  const identity = devIdentityFrom(search, { name: previewUser.displayName, email: previewUser.emailAddress });
  let response: Response;
  try {
    response = await fetch('/dev/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(identity),
    });
  } catch {
    throw ApiError.network();
  }
  if (!response.ok) throw await errorFromResponse(response);
  return ((await response.json()) as DevToken).accessToken;
}

export function connectPreview(search: string): PreviewApi {
  // One token per connection: signing in again only when the service refuses it.
  let token: Promise<string> | null = null;
  const tokens = {
    getToken({ forceRefresh = false } = {}) {
      if (forceRefresh || !token) {
        const pending = previewToken(search);
        token = pending;
        pending.catch(() => {
          if (token === pending) token = null;
        });
      }
      return token;
    },
  };
  const api = createApiClient({ tokens });

  const devCall = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const send = async (forceRefresh: boolean) => {
      const accessToken = await tokens.getToken({ forceRefresh });
      const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${accessToken}` };
      if (init.body !== undefined) headers['Content-Type'] = 'application/json';
      try {
        return await fetch(path, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
      } catch {
        throw ApiError.network();
      }
    };
    let response = await send(false);
    if (response.status === 401) response = await send(true);
    if (!response.ok) throw await errorFromResponse(response);
    return response;
  };
  const person = (p: { displayName: string; emailAddress: string }) => ({ name: p.displayName || null, address: p.emailAddress });

  return {
    api,
    async outbox() {
      return ((await (await devCall('/api/dev/outbox')).json()) as { items: OutboxMessage[] }).items;
    },
    async sendDraft(draft) {
      await devCall('/api/dev/sent-items', {
        method: 'POST',
        body: {
          sendKey: draft.headers?.[sendKeyHeader] ?? null,
          subject: draft.subject,
          to: draft.to.map(person),
          cc: draft.cc.map(person),
          preview: draft.body.slice(0, 200),
        },
      });
    },
  };
}

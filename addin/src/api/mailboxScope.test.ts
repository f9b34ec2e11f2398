import { describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../test/fixtures';
import { createApiClient } from './client';
import { inMailboxOf } from './mailboxScope';

const emptyPage = { items: [], nextCursor: null, sources: { mailbox: 'ok' }, mailboxChallenge: null };

function apiRecording() {
  const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => jsonResponse(200, emptyPage));
  const api = createApiClient({ tokens: { getToken: async () => 't' }, fetch: fetch as unknown as typeof globalThis.fetch });
  return { api, urls: () => fetch.mock.calls.map(([url]) => String(url)) };
}

const body = { internetMessageId: '<m@x>', itemId: null, subject: 's', sentAt: '2025-01-01T00:00:00Z', from: { name: null, address: 'a@example.com' }, to: [], cc: [], preview: '' };

describe('inMailboxOf', () => {
  it('names the shared mailbox on history and save, and nothing else', async () => {
    const { api, urls } = apiRecording();
    const scoped = inMailboxOf(api, async () => 'recepcao@example.com');
    await scoped.getHistory('c1', { limit: 25 });
    await scoped.saveEmail('c1', body);
    await scoped.listIntakes('c1');
    expect(urls()).toEqual([
      '/api/clients/c1/history?limit=25&mailbox=recepcao%40example.com',
      '/api/clients/c1/saved-emails?mailbox=recepcao%40example.com',
      '/api/clients/c1/intakes',
    ]);
  });

  it("reads the user's own mailbox when the item is not in a shared one", async () => {
    const { api, urls } = apiRecording();
    const scoped = inMailboxOf(api, async () => null);
    await scoped.getHistory('c1', { limit: 25 });
    await scoped.saveEmail('c1', body);
    expect(urls()).toEqual(['/api/clients/c1/history?limit=25', '/api/clients/c1/saved-emails']);
  });
});

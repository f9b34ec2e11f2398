import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, clientRecord } from '../test/fixtures';
import { createApiClient } from './client';
import { ApiError } from './errors';
import { IdempotencyKeys } from './idempotency';

function setup(responses: Response[]) {
  const fetch = vi.fn(async (..._args: Parameters<typeof globalThis.fetch>) => responses.shift() ?? jsonResponse(200, {}));
  const getToken = vi.fn(async ({ forceRefresh = false } = {}) => (forceRefresh ? 'fresh-token' : 'token-1'));
  const api = createApiClient({ tokens: { getToken }, fetch: fetch as unknown as typeof globalThis.fetch });
  const request = (index: number) => {
    const [url, init] = fetch.mock.calls[index];
    return { url: String(url), init: init!, headers: init!.headers as Record<string, string>, body: init!.body ? JSON.parse(String(init!.body)) : undefined };
  };
  return { api, fetch, getToken, request };
}

describe('api client', () => {
  it('sends the bearer token and posts every address in one lookup', async () => {
    const { api, request } = setup([jsonResponse(200, { results: [] })]);

    await api.lookup(['a@example.com', 'b@example.com']);

    const { url, init, headers, body } = request(0);
    expect(url).toBe('/api/lookup');
    expect(init.method).toBe('POST');
    expect(headers.Authorization).toBe('Bearer token-1');
    expect(headers['Content-Type']).toBe('application/json');
    expect(body).toEqual({ addresses: ['a@example.com', 'b@example.com'] });
  });

  it('downloads an attachment as bytes with the token, and translates a refusal by its code', async () => {
    const { api, request } = setup([
      new Response(new Uint8Array([37, 80, 68, 70]), { status: 200, headers: { 'Content-Type': 'application/octet-stream' } }),
      jsonResponse(404, { status: 404, code: 'attachment-not-found' }),
    ]);

    const blob = await api.downloadAttachment('c 1', 's1', 'a1');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array([37, 80, 68, 70]));
    expect(request(0).url).toBe('/api/clients/c%201/saved-emails/s1/attachments/a1');
    expect(request(0).headers.Authorization).toBe('Bearer token-1');
    await expect(api.downloadAttachment('c1', 's1', 'gone')).rejects.toMatchObject({ status: 404, code: 'attachment-not-found' });
  });

  it('asks for intake templates in the chosen language', async () => {
    const { api, request } = setup([jsonResponse(200, { items: [] })]);

    await api.listIntakeTemplates('pt-BR');

    expect(request(0).url).toBe('/api/intake/templates?language=pt-BR');
  });

  it('parses problem details into an ApiError with status, code and the problem', async () => {
    const problem = { title: 'Conflict', status: 409, code: 'email-in-use', existingClientIds: ['c1', 'c2'] };
    const { api } = setup([jsonResponse(409, problem)]);

    const error = await api.createClient({ firstName: 'Ana', email: 'ana@example.com' }, 'key-1').catch((e) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'email-in-use' });
    expect(error.problem.existingClientIds).toEqual(['c1', 'c2']);
  });

  it('derives a code from the status when the body is not problem+json', async () => {
    const { api } = setup([new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } })]);

    await expect(api.getClient('c1')).rejects.toMatchObject({ status: 502, code: 'server-error' });
  });

  it('derives too-many-requests from a bare 429 (a proxy in front of the service)', async () => {
    const { api } = setup([new Response('slow down', { status: 429, headers: { 'Content-Type': 'text/plain', 'Retry-After': '2' } })]);

    await expect(api.getClient('c1')).rejects.toMatchObject({ status: 429, code: 'too-many-requests' });
  });

  it('turns a failed fetch into a network error', async () => {
    const { api, fetch } = setup([]);
    fetch.mockRejectedValueOnce(new TypeError('Failed to fetch'));

    await expect(api.listFields()).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('sends the Idempotency-Key it is given on create', async () => {
    const { api, request } = setup([jsonResponse(201, clientRecord())]);

    await api.createClient({ firstName: 'Ana' }, 'the-key');

    expect(request(0).headers['Idempotency-Key']).toBe('the-key');
  });

  it('sends If-Match with the version on PATCH and only the changes', async () => {
    const { api, request } = setup([jsonResponse(200, clientRecord())]);

    await api.updateClient('c-ana', { phone: null }, '"v7"');

    const { url, init, headers, body } = request(0);
    expect(url).toBe('/api/clients/c-ana');
    expect(init.method).toBe('PATCH');
    expect(headers['If-Match']).toBe('"v7"');
    expect(body).toEqual({ phone: null });
  });

  it('retries once with a fresh token after a 401', async () => {
    const { api, request, getToken } = setup([jsonResponse(401, { code: 'unauthorized' }), jsonResponse(200, { items: [] })]);

    await api.listFields();

    expect(getToken).toHaveBeenLastCalledWith({ forceRefresh: true });
    expect(request(1).headers.Authorization).toBe('Bearer fresh-token');
  });

  it('builds the other endpoints from the contract', async () => {
    const { api, request } = setup([]);
    await api.searchClients({ search: 'ana souza', limit: 20 });
    await api.linkEmail('c 1', { address: 'x@example.com', as: 'secondary', label: 'Secondary email' });
    await api.unlinkEmail('c1', 'x+tag@example.com');
    await api.createField('Insurer', 'text');
    await api.setFieldValue('c1', 'f1', 'Acme');
    await api.me();

    expect(request(0).url).toBe('/api/clients?search=ana+souza&limit=20');
    expect(request(1)).toMatchObject({ url: '/api/clients/c%201/emails', body: { address: 'x@example.com', as: 'secondary', label: 'Secondary email' } });
    expect(request(2)).toMatchObject({ url: '/api/clients/c1/emails/x%2Btag%40example.com', init: { method: 'DELETE' } });
    expect(request(3)).toMatchObject({ url: '/api/fields', body: { label: 'Insurer', type: 'text' } });
    expect(request(4)).toMatchObject({ url: '/api/clients/c1/fields/f1', init: { method: 'PUT' }, body: { value: 'Acme' } });
    expect(request(5).url).toBe('/api/me');
  });
});

describe('idempotency keys', () => {
  it('keeps one key for the same body and makes a new one when the body changes', () => {
    let n = 0;
    const keys = new IdempotencyKeys(() => `key-${++n}`);

    const first = keys.keyFor({ firstName: 'Ana' });
    const again = keys.keyFor({ firstName: 'Ana' });
    const changed = keys.keyFor({ firstName: 'Ana', allowSharedEmail: true });

    expect(first).toBe('key-1');
    expect(again).toBe('key-1');
    expect(changed).toBe('key-2');
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { OfficeGateway } from '../office/office';
import { jsonResponse } from '../test/fixtures';
import { createAuthService } from './authService';
import { defaultDevTenantId, defaultDevUserId } from './devIdentity';

const office = { userName: () => 'Dr. Lee', userEmail: () => 'lee@example.org' } as unknown as OfficeGateway;

function devServer(expiresInMs = 3_600_000) {
  let issued = 0;
  return vi.fn(async (url: string | URL | Request, _init?: RequestInit) => {
    if (String(url).endsWith('/api/auth/config')) return jsonResponse(200, { mode: 'development', clientId: null, scope: null });
    issued++;
    return jsonResponse(200, { accessToken: `dev-token-${issued}`, expiresAt: new Date(Date.now() + expiresInMs).toISOString() });
  });
}

describe('auth service in development mode', () => {
  it('gets a token from /dev/token with the default dev tenant and user and the Office profile', async () => {
    const fetch = devServer();
    const tokens = createAuthService({ office, fetch: fetch as unknown as typeof globalThis.fetch, search: '' });

    expect(await tokens.getToken()).toBe('dev-token-1');

    const [url, init] = fetch.mock.calls[1];
    expect(url).toBe('/dev/token');
    expect(JSON.parse(String(init!.body))).toEqual({ tenantId: defaultDevTenantId, userId: defaultDevUserId, name: 'Dr. Lee', email: 'lee@example.org' });
  });

  it('takes tenant and user from the query string', async () => {
    const fetch = devServer();
    const tenant = '11111111-2222-4333-8444-555555555555';
    const user = '66666666-7777-4888-8999-000000000000';
    const tokens = createAuthService({ office, fetch: fetch as unknown as typeof globalThis.fetch, search: `?tenant=${tenant}&user=${user}` });

    await tokens.getToken();

    expect(JSON.parse(String(fetch.mock.calls[1][1]!.body))).toMatchObject({ tenantId: tenant, userId: user });
  });

  it('keeps the token in memory until shortly before it expires', async () => {
    const fetch = devServer();
    const tokens = createAuthService({ office, fetch: fetch as unknown as typeof globalThis.fetch, search: '' });

    await tokens.getToken();
    await tokens.getToken();
    expect(await tokens.getToken({ forceRefresh: true })).toBe('dev-token-2');
    expect(fetch.mock.calls.filter(([url]) => String(url) === '/dev/token')).toHaveLength(2);
    expect(localStorage.length + sessionStorage.length).toBe(0);
  });

  it('gets a new token when the cached one is within a minute of expiry', async () => {
    const fetch = devServer(30_000);
    const tokens = createAuthService({ office, fetch: fetch as unknown as typeof globalThis.fetch, search: '' });

    await tokens.getToken();
    expect(await tokens.getToken()).toBe('dev-token-2');
  });
});

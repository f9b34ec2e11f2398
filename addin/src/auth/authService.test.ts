import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OfficeGateway } from '../office/office';
import { jsonResponse } from '../test/fixtures';
import { authConfigFromPage, createAuthService } from './authService';
import { defaultDevTenantId, defaultDevUserId } from './devIdentity';

// Entra mode's sign-in, mocked: each call answers a token named after the login hint it was asked for.
const acquireNestedAppToken = vi.fn(async (options: { loginHint?: string | null }) => ({
  accessToken: `naa:${options.loginHint}:${acquireNestedAppToken.mock.calls.length}`,
  expiresAt: Date.now() + 3_600_000,
}));
vi.mock('./nestedAppAuth', () => ({ acquireNestedAppToken, requestConsentInteractively: vi.fn(async () => true) }));

const office = {
  userName: () => 'Dr. Lee',
  userEmail: () => 'lee@example.org',
  account: async () => ({ loginHint: 'lee@example.org', tenantId: null }),
} as unknown as OfficeGateway;

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

describe('several accounts in one Outlook (development mode)', () => {
  const tenantA = '11111111-2222-4333-8444-555555555555';
  const tenantB = '22222222-3333-4444-8555-666666666666';
  const userB = '33333333-4444-4555-8666-777777777777';

  /** Office showing a mailbox of one account or the other, as the test switches. */
  function twoAccountOffice() {
    let current = 'lee@practice-a.example';
    const gateway = {
      userName: () => 'Dr. Lee',
      userEmail: () => current,
      account: async () => ({ loginHint: current, tenantId: null }),
    } as unknown as OfficeGateway;
    return { gateway, show: (address: string) => (current = address) };
  }

  /** A dev issuer that names each token after the tenant it was issued for, so a cross-use shows. */
  function issuerByTenant() {
    const issued: Record<string, number> = {};
    return vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
      const { tenantId, email } = JSON.parse(String(init!.body)) as { tenantId: string; email: string };
      issued[tenantId] = (issued[tenantId] ?? 0) + 1;
      return jsonResponse(200, { accessToken: `${tenantId}/${email}/${issued[tenantId]}`, expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    });
  }

  it('signs each account in to its own tenant and never hands one account the other\'s token, back and forth', async () => {
    document.head.innerHTML = '<meta name="outlookcrm-auth-config" content="{&quot;mode&quot;:&quot;development&quot;,&quot;clientId&quot;:null,&quot;scope&quot;:null}">';
    const fetch = issuerByTenant();
    const { gateway, show } = twoAccountOffice();
    const tokens = createAuthService({
      office: gateway,
      fetch: fetch as unknown as typeof globalThis.fetch,
      search: `?tenant=${tenantA}&account2=LEE@practice-b.example&tenant2=${tenantB}&user2=${userB}`,
    });

    const a = await tokens.getToken();
    show('lee@practice-b.example');
    const b = await tokens.getToken();
    show('lee@practice-a.example');
    const a2 = await tokens.getToken();
    show('lee@practice-b.example');
    const b2 = await tokens.getToken();

    expect(a).toBe(`${tenantA}/lee@practice-a.example/1`);
    expect(b).toBe(`${tenantB}/lee@practice-b.example/1`);
    // Each account's token is reused for that account only: one sign-in each.
    expect([a2, b2]).toEqual([a, b]);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(JSON.parse(String(fetch.mock.calls[1][1]!.body))).toMatchObject({ tenantId: tenantB, userId: userB, email: 'lee@practice-b.example' });
    document.head.innerHTML = '';
  });

  it('a refresh for one account leaves the other account\'s token alone', async () => {
    document.head.innerHTML = '<meta name="outlookcrm-auth-config" content="{&quot;mode&quot;:&quot;development&quot;,&quot;clientId&quot;:null,&quot;scope&quot;:null}">';
    const fetch = issuerByTenant();
    const { gateway, show } = twoAccountOffice();
    const tokens = createAuthService({ office: gateway, fetch: fetch as unknown as typeof globalThis.fetch, search: `?tenant=${tenantA}&account2=lee@practice-b.example&tenant2=${tenantB}` });

    const a = await tokens.getToken();
    show('lee@practice-b.example');
    expect(await tokens.getToken({ forceRefresh: true })).toBe(`${tenantB}/lee@practice-b.example/1`);
    expect(await tokens.getToken({ forceRefresh: true })).toBe(`${tenantB}/lee@practice-b.example/2`);
    show('lee@practice-a.example');
    expect(await tokens.getToken()).toBe(a);
    document.head.innerHTML = '';
  });
});

describe('several accounts in one Outlook (Entra mode)', () => {
  it('asks nested app authentication for the mailbox\'s account each time, and keeps each account\'s token apart', async () => {
    document.head.innerHTML = '<meta name="outlookcrm-auth-config" content="{&quot;mode&quot;:&quot;entra&quot;,&quot;clientId&quot;:&quot;abc&quot;,&quot;scope&quot;:&quot;api://abc/access_as_user&quot;}">';
    let current = 'lee@practice-a.example';
    const gateway = { userName: () => 'Dr. Lee', userEmail: () => current, account: async () => ({ loginHint: current, tenantId: null }) } as unknown as OfficeGateway;
    const tokens = createAuthService({ office: gateway, fetch: vi.fn() as unknown as typeof globalThis.fetch, search: '' });

    const a = await tokens.getToken();
    current = 'lee@practice-b.example';
    const b = await tokens.getToken();
    current = 'lee@practice-a.example';
    const a2 = await tokens.getToken();

    expect([a, b, a2]).toEqual(['naa:lee@practice-a.example:1', 'naa:lee@practice-b.example:2', 'naa:lee@practice-a.example:1']);
    expect(acquireNestedAppToken.mock.calls.map(([options]) => options.loginHint)).toEqual(['lee@practice-a.example', 'lee@practice-b.example']);
    document.head.innerHTML = '';
  });
});

describe('sign-in configuration from the page', () => {
  afterEach(() => {
    document.head.innerHTML = '';
  });

  // As the service writes it: HTML-encoded JSON right after <head>.
  const servedMeta = '<meta name="outlookcrm-auth-config" content="{&quot;mode&quot;:&quot;development&quot;,&quot;clientId&quot;:null,&quot;scope&quot;:null}">';

  it('uses the meta element the service wrote and does not fetch /api/auth/config', async () => {
    document.head.innerHTML = servedMeta;
    const fetch = devServer();
    const tokens = createAuthService({ office, fetch: fetch as unknown as typeof globalThis.fetch, search: '' });

    tokens.prefetchConfig();
    expect(await tokens.getToken()).toBe('dev-token-1');

    expect(fetch.mock.calls.map(([url]) => String(url))).toEqual(['/dev/token']);
  });

  it('reads an Entra configuration with its client id and scope', () => {
    const page = new DOMParser().parseFromString(
      '<html><head><meta name="outlookcrm-auth-config" content="{&quot;mode&quot;:&quot;entra&quot;,&quot;clientId&quot;:&quot;abc&quot;,&quot;scope&quot;:&quot;api://abc/access_as_user&quot;}"></head></html>',
      'text/html',
    );
    expect(authConfigFromPage(page)).toEqual({ mode: 'entra', clientId: 'abc', scope: 'api://abc/access_as_user' });
  });

  it.each([
    ['absent', ''],
    ['empty', '<meta name="outlookcrm-auth-config" content="">'],
    ['not JSON', '<meta name="outlookcrm-auth-config" content="{mode: development">'],
    ['JSON of another shape', '<meta name="outlookcrm-auth-config" content="[&quot;development&quot;]">'],
    ['an unknown mode', '<meta name="outlookcrm-auth-config" content="{&quot;mode&quot;:&quot;magic&quot;,&quot;clientId&quot;:null,&quot;scope&quot;:null}">'],
    ['a client id of the wrong type', '<meta name="outlookcrm-auth-config" content="{&quot;mode&quot;:&quot;entra&quot;,&quot;clientId&quot;:42,&quot;scope&quot;:null}">'],
  ])('falls back to GET /api/auth/config when the meta element is %s', async (_, html) => {
    document.head.innerHTML = html;
    const fetch = devServer();
    const tokens = createAuthService({ office, fetch: fetch as unknown as typeof globalThis.fetch, search: '' });

    expect(await tokens.getToken()).toBe('dev-token-1');

    expect(fetch.mock.calls.map(([url]) => String(url))).toEqual(['/api/auth/config', '/dev/token']);
  });

  it('survives a page without a document', () => {
    expect(authConfigFromPage(undefined)).toBeNull();
  });
});

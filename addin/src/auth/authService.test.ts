import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OfficeGateway } from '../office/office';
import { jsonResponse } from '../test/fixtures';
import { authConfigFromPage, createAuthService } from './authService';
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

import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OfficeGateway } from '../office/office';

// MSAL's nested app, mocked: it holds one signed-in account per login hint and answers silently for it.
const accounts = new Map<string, { username: string; tenantId: string }>();
const pca = {
  getAccount: vi.fn((filter: { loginHint?: string; username?: string }) => {
    const hint = (filter.loginHint ?? filter.username ?? '').toLowerCase();
    return accounts.get(hint) ?? null;
  }),
  acquireTokenSilent: vi.fn(async (request: { account?: { username: string; tenantId: string } }) => {
    if (!request.account) throw new Error('no account given');
    return { accessToken: `silent:${request.account.tenantId}:${request.account.username}`, expiresOn: new Date(Date.now() + 3_600_000) };
  }),
  ssoSilent: vi.fn(async (request: { loginHint?: string }) => ({ accessToken: `sso:${request.loginHint}`, expiresOn: new Date(Date.now() + 3_600_000) })),
  acquireTokenPopup: vi.fn(async (request: { loginHint?: string }) => ({ accessToken: `popup:${request.loginHint ?? ''}`, expiresOn: null })),
};
vi.mock('@azure/msal-browser', () => ({ createNestablePublicClientApplication: vi.fn(async () => pca) }));

const { acquireNestedAppToken } = await import('./nestedAppAuth');
const office = { openDialog: vi.fn() } as unknown as OfficeGateway;
const request = (loginHint: string | null) => ({ clientId: 'client', scope: 'api://client/access_as_user', office, forceRefresh: false, loginHint });

describe('nested app authentication with several accounts (Entra mode)', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    accounts.clear();
    accounts.set('lee@practice-a.example', { username: 'lee@practice-a.example', tenantId: 'tenant-a' });
    accounts.set('lee@practice-b.example', { username: 'lee@practice-b.example', tenantId: 'tenant-b' });
  });

  it('asks MSAL for the account of the login hint and gets that account\'s token silently', async () => {
    const b = await acquireNestedAppToken(request('lee@practice-b.example'));
    const a = await acquireNestedAppToken(request('lee@practice-a.example'));

    expect(b.accessToken).toBe('silent:tenant-b:lee@practice-b.example');
    expect(a.accessToken).toBe('silent:tenant-a:lee@practice-a.example');
    expect(pca.getAccount).toHaveBeenCalledWith({ loginHint: 'lee@practice-b.example' });
    expect(pca.acquireTokenSilent.mock.calls.map(([r]) => (r as { account: { username: string } }).account.username)).toEqual([
      'lee@practice-b.example',
      'lee@practice-a.example',
    ]);
  });

  it('an account MSAL has not seen yet signs in silently with the login hint, never as another account', async () => {
    const token = await acquireNestedAppToken(request('dr.new@practice-c.example'));

    expect(token.accessToken).toBe('sso:dr.new@practice-c.example');
    expect(pca.acquireTokenSilent).not.toHaveBeenCalled();
  });

  it('when single sign-on with the hint fails, the host\'s account is used only if it is the mailbox\'s', async () => {
    accounts.clear(); // MSAL has seen no account yet
    const hostAccount = async () =>
      ({ accessToken: 'host-default:a', expiresOn: new Date(Date.now() + 3_600_000), account: { username: 'Lee@Practice-A.example', tenantId: 'tenant-a' } }) as never;
    pca.ssoSilent.mockRejectedValueOnce(new Error('not supported')).mockRejectedValueOnce(new Error('not supported'));
    pca.acquireTokenSilent.mockImplementationOnce(hostAccount).mockImplementationOnce(hostAccount);

    const same = await acquireNestedAppToken(request('lee@practice-a.example'));
    const other = await acquireNestedAppToken(request('dr.new@practice-c.example'));

    expect(same.accessToken).toBe('host-default:a');
    // The host's account is practice A's: practice C's mailbox gets its own sign-in, never A's token.
    expect(other.accessToken).toBe('popup:dr.new@practice-c.example');
  });

  it('when silent sign-in fails, the popup is for the same account', async () => {
    pca.acquireTokenSilent.mockRejectedValueOnce(new Error('interaction required'));

    const token = await acquireNestedAppToken(request('lee@practice-b.example'));

    expect(token.accessToken).toBe('popup:lee@practice-b.example');
    expect(pca.acquireTokenPopup).toHaveBeenCalledWith(expect.objectContaining({ loginHint: 'lee@practice-b.example' }));
  });

  it('without a login hint it keeps the host\'s default account', async () => {
    pca.acquireTokenSilent.mockResolvedValueOnce({ accessToken: 'default', expiresOn: new Date(Date.now() + 3_600_000) });
    expect((await acquireNestedAppToken(request(null))).accessToken).toBe('default');
    expect(pca.getAccount).not.toHaveBeenCalled();
  });
});

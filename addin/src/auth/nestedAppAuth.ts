import { createNestablePublicClientApplication, type AccountInfo, type IPublicClientApplication } from '@azure/msal-browser';
import { ApiError } from '../api/errors';
import type { OfficeGateway } from '../office/office';
import type { AccessToken } from './tokenCache';

let application: Promise<IPublicClientApplication> | null = null;

const applicationFor = (clientId: string) =>
  (application ??= createNestablePublicClientApplication({
    auth: { clientId, authority: 'https://login.microsoftonline.com/common' },
    // Tokens stay in memory: nothing of the user's session is written to browser storage.
    cache: { cacheLocation: 'memoryStorage' },
  }));

const toAccessToken = (result: { accessToken: string; expiresOn: Date | null }): AccessToken => ({
  accessToken: result.accessToken,
  expiresAt: result.expiresOn?.getTime() ?? Date.now() + 5 * 60_000,
});

/** MSAL's account for the mailbox's login hint (several accounts in one Outlook), or null when it has none yet. */
function accountFor(pca: IPublicClientApplication, loginHint: string | null): AccountInfo | null {
  if (!loginHint) return null;
  return pca.getAccount({ loginHint }) ?? pca.getAccount({ username: loginHint });
}

type TokenResult = { accessToken: string; expiresOn: Date | null; account?: { username?: string } | null };

/** A token MSAL says is another account's is never used for this mailbox; one that names no account is taken. */
const isFor = (result: TokenResult, loginHint: string | null) =>
  !loginHint || !result.account?.username || result.account.username.toLowerCase() === loginHint.toLowerCase();

/** Without interaction: MSAL's account for the hint, else single sign-on with the hint, else the host's account if it is the same. */
async function acquireSilently(pca: IPublicClientApplication, scopes: string[], loginHint: string | null, forceRefresh: boolean): Promise<TokenResult> {
  const account = accountFor(pca, loginHint);
  if (account) return pca.acquireTokenSilent({ scopes, account, forceRefresh });
  if (!loginHint) return pca.acquireTokenSilent({ scopes, forceRefresh });
  try {
    return await pca.ssoSilent({ scopes, loginHint });
  } catch {
    return pca.acquireTokenSilent({ scopes, forceRefresh });
  }
}

/**
 * Silent first, then a popup, then the Office dialog fallback for hosts that block popups. With a login
 * hint (the mailbox's account), every step asks for that account, so another account's token never answers.
 */
export async function acquireNestedAppToken(options: {
  clientId: string;
  scope: string;
  office: OfficeGateway;
  forceRefresh: boolean;
  loginHint?: string | null;
}): Promise<AccessToken> {
  const scopes = [options.scope];
  const loginHint = options.loginHint ?? null;
  try {
    const pca = await applicationFor(options.clientId);
    try {
      const result = await acquireSilently(pca, scopes, loginHint, options.forceRefresh);
      if (!isFor(result, loginHint)) throw new Error('The signed-in account is not the mailbox\'s.');
      return toAccessToken(result);
    } catch {
      return toAccessToken(await pca.acquireTokenPopup({ scopes, ...(loginHint ? { loginHint } : {}) }));
    }
  } catch {
    return acquireThroughDialog(options.office, loginHint);
  }
}

async function acquireThroughDialog(office: OfficeGateway, loginHint: string | null): Promise<AccessToken> {
  // The dialog page reads the client id and scope from /api/auth/config itself; the account travels in the URL.
  const url = new URL('/auth-dialog.html', globalThis.location.origin);
  if (loginHint) url.searchParams.set('loginHint', loginHint);
  const { message } = await office.openDialog(url.toString());
  try {
    const parsed = JSON.parse(message) as { accessToken?: string; expiresAt?: number };
    if (parsed.accessToken && parsed.expiresAt) return { accessToken: parsed.accessToken, expiresAt: parsed.expiresAt };
  } catch {
    // Falls through to the sign-in error below.
  }
  throw new ApiError(401, 'sign-in-failed');
}

/**
 * The mailbox history needs consent (or a fresh MFA) the service cannot get on its own: ask the user
 * in a popup for exactly the scopes and claims the service returned. The token itself is not kept;
 * the service's on-behalf-of exchange succeeds once consent is recorded.
 */
export async function requestConsentInteractively(options: {
  clientId: string;
  scopes: string[];
  claims: string | null;
  loginHint?: string | null;
}): Promise<boolean> {
  try {
    const pca = await applicationFor(options.clientId);
    await pca.acquireTokenPopup({
      scopes: options.scopes,
      ...(options.claims ? { claims: options.claims } : {}),
      ...(options.loginHint ? { loginHint: options.loginHint } : {}),
    });
    return true;
  } catch {
    return false;
  }
}

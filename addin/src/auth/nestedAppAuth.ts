import { createNestablePublicClientApplication, type IPublicClientApplication } from '@azure/msal-browser';
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

/** Silent first, then a popup, then the Office dialog fallback for hosts that block popups. */
export async function acquireNestedAppToken(options: {
  clientId: string;
  scope: string;
  office: OfficeGateway;
  forceRefresh: boolean;
}): Promise<AccessToken> {
  const request = { scopes: [options.scope], forceRefresh: options.forceRefresh };
  try {
    const pca = await applicationFor(options.clientId);
    try {
      return toAccessToken(await pca.acquireTokenSilent(request));
    } catch {
      return toAccessToken(await pca.acquireTokenPopup({ scopes: request.scopes }));
    }
  } catch {
    return acquireThroughDialog(options);
  }
}

async function acquireThroughDialog(options: { office: OfficeGateway }): Promise<AccessToken> {
  // The dialog page reads the client id and scope from /api/auth/config itself.
  const { message } = await options.office.openDialog(new URL('/auth-dialog.html', globalThis.location.origin).toString());
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
export async function requestConsentInteractively(options: { clientId: string; scopes: string[]; claims: string | null }): Promise<boolean> {
  try {
    const pca = await applicationFor(options.clientId);
    await pca.acquireTokenPopup({ scopes: options.scopes, ...(options.claims ? { claims: options.claims } : {}) });
    return true;
  } catch {
    return false;
  }
}

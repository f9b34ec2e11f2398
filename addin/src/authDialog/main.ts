import { PublicClientApplication } from '@azure/msal-browser';
import type { AuthConfig } from '../api/types';
import { createOfficeGateway, sendToDialogParent } from '../office/office';

/**
 * The last sign-in fallback: opened in an Office dialog when nested app authentication is not
 * available, it signs in with a redirect and hands the token to the pane through messageParent.
 */
async function signIn() {
  await createOfficeGateway().ready();
  try {
    const config = (await (await fetch('/api/auth/config')).json()) as AuthConfig;
    if (!config.clientId || !config.scope) throw new Error('Sign-in is not configured.');
    const pca = new PublicClientApplication({
      auth: {
        clientId: config.clientId,
        authority: 'https://login.microsoftonline.com/common',
        redirectUri: `${location.origin}/auth-dialog.html`,
      },
      cache: { cacheLocation: 'memoryStorage' },
    });
    await pca.initialize();
    const result = await pca.handleRedirectPromise();
    if (result) {
      sendToDialogParent(JSON.stringify({ accessToken: result.accessToken, expiresAt: result.expiresOn?.getTime() }));
      return;
    }
    // The pane names the mailbox's account: with several accounts in one Outlook, sign in as that one.
    const loginHint = new URLSearchParams(location.search).get('loginHint');
    await pca.acquireTokenRedirect({ scopes: [config.scope], ...(loginHint ? { loginHint } : {}) });
  } catch {
    sendToDialogParent(JSON.stringify({ error: 'sign-in-failed' }));
  }
}

void signIn();

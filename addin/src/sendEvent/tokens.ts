import type { TokenProvider } from '../api/client';
import type { AuthConfig, DevToken } from '../api/types';
import { devIdentityFrom } from '../auth/devIdentity';

/**
 * Tokens for the send event, which runs without the pane: the service's sign-in mode from
 * /api/auth/config, then Office single sign-on (Entra; no prompt: a send never waits on a sign-in)
 * or the development issuer. MSAL is not loaded here, keeping the event bundle small.
 */
export function sendEventTokens(options: {
  baseUrl: string;
  fetch: typeof fetch;
  officeToken: () => Promise<string>;
  profile: { name: string | null; email: string | null };
  /** Development only: the page's query may name the dev tenant and user (the preview's event runtime). */
  search?: string;
}): TokenProvider {
  let token: Promise<string> | null = null;
  const acquire = async () => {
    const config = (await (await options.fetch(`${options.baseUrl}/api/auth/config`)).json()) as AuthConfig;
    if (config.mode === 'entra') return options.officeToken();
    const response = await options.fetch(`${options.baseUrl}/dev/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(devIdentityFrom(options.search ?? '', options.profile)),
    });
    if (!response.ok) throw new Error('No development token.');
    return ((await response.json()) as DevToken).accessToken;
  };
  return {
    getToken: ({ forceRefresh } = {}) => {
      if (!token || forceRefresh) token = acquire();
      return token;
    },
  };
}

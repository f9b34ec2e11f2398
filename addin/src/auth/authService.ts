import { ApiError, errorFromResponse } from '../api/errors';
import type { TokenProvider } from '../api/client';
import type { AuthConfig, DevToken, MailboxChallenge } from '../api/types';
import { accountKey, type MailboxAccount } from '../office/account';
import type { OfficeGateway } from '../office/office';
import { devIdentityFrom } from './devIdentity';
import { TokenCache, type AccessToken } from './tokenCache';

export interface AuthServiceOptions {
  office: OfficeGateway;
  fetch?: typeof fetch;
  baseUrl?: string;
  search?: string;
  /** The page the pane runs in; its sign-in configuration meta element saves a round trip. */
  document?: Pick<Document, 'querySelector'>;
}

/** The meta element the service writes into the pane's page: the same JSON as GET /api/auth/config. */
export const authConfigMetaName = 'outlookcrm-auth-config';

const isNullableString = (value: unknown) => value === null || typeof value === 'string';

/**
 * The sign-in configuration the service put into the page, or null when it is absent (e.g. `vite dev`)
 * or not what we expect, in which case the pane asks /api/auth/config instead.
 */
export function authConfigFromPage(page: Pick<Document, 'querySelector'> | undefined): AuthConfig | null {
  let content: string | null | undefined;
  try {
    content = page?.querySelector(`meta[name="${authConfigMetaName}"]`)?.getAttribute('content');
  } catch {
    return null;
  }
  if (!content) return null;
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { mode, clientId, scope } = value as Record<string, unknown>;
  if ((mode !== 'development' && mode !== 'entra') || !isNullableString(clientId) || !isNullableString(scope)) return null;
  return { mode, clientId: clientId as string | null, scope: scope as string | null };
}

async function fetchJson<T>(fetchImpl: typeof fetch, url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetchImpl(url, init);
  } catch {
    throw ApiError.network();
  }
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as T;
}

export interface AuthService extends TokenProvider {
  /**
   * Asks the user interactively for what the service's mailbox challenge names (scopes, claims).
   * Resolves false where that is not possible (Development has no Microsoft 365 sign-in).
   */
  requestConsent(challenge: MailboxChallenge): Promise<boolean>;
  /**
   * Reads the sign-in configuration now (it needs no Office), so the first token comes sooner: from the
   * page's meta element when the service wrote one, else by fetching /api/auth/config.
   */
  prefetchConfig(): void;
}

/**
 * Decides between the development token endpoint and nested app authentication, as the service's
 * /api/auth/config says. MSAL is loaded only in Entra mode, so the development bundle stays small.
 */
export function createAuthService({
  office,
  fetch: fetchImpl = globalThis.fetch.bind(globalThis),
  baseUrl = '',
  search = globalThis.location?.search ?? '',
  document: page = globalThis.document,
}: AuthServiceOptions): AuthService {
  const cache = new TokenCache();
  let config: Promise<AuthConfig> | null = null;

  const loadConfig = () => {
    if (config) return config;
    const embedded = authConfigFromPage(page);
    if (embedded) return (config = Promise.resolve(embedded));
    config = fetchJson<AuthConfig>(fetchImpl, `${baseUrl}/api/auth/config`).catch((error) => {
      config = null;
      throw error;
    });
    return config;
  };

  async function acquireDevToken(account: MailboxAccount): Promise<AccessToken> {
    const identity = devIdentityFrom(search, { name: office.userName(), email: office.userEmail(), loginHint: account.loginHint });
    const token = await fetchJson<DevToken>(fetchImpl, `${baseUrl}/dev/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(identity),
    });
    return { accessToken: token.accessToken, expiresAt: Date.parse(token.expiresAt) };
  }

  async function acquireEntraToken(settings: AuthConfig, account: MailboxAccount, forceRefresh: boolean): Promise<AccessToken> {
    if (!settings.clientId || !settings.scope) throw new ApiError(401, 'sign-in-failed');
    const { acquireNestedAppToken } = await import('./nestedAppAuth');
    return acquireNestedAppToken({ clientId: settings.clientId, scope: settings.scope, office, forceRefresh, loginHint: account.loginHint });
  }

  return {
    prefetchConfig() {
      loadConfig().catch(() => undefined);
    },
    async requestConsent(challenge) {
      const [settings, account] = await Promise.all([loadConfig(), office.account()]);
      if (settings.mode !== 'entra' || !settings.clientId) return false;
      const { requestConsentInteractively } = await import('./nestedAppAuth');
      return requestConsentInteractively({ clientId: settings.clientId, scopes: challenge.scopes, claims: challenge.claims, loginHint: account.loginHint });
    },
    async getToken({ forceRefresh = false } = {}) {
      // The account of the mailbox shown now: with two accounts in one Outlook, each has its own token.
      const [settings, account] = await Promise.all([loadConfig(), office.account()]);
      return cache.get(
        accountKey(account),
        () => (settings.mode === 'development' ? acquireDevToken(account) : acquireEntraToken(settings, account, forceRefresh)),
        forceRefresh,
      );
    },
  };
}

export interface AccessToken {
  accessToken: string;
  expiresAt: number; // epoch ms
}

const refreshMarginMs = 60_000;

interface Entry {
  token: AccessToken | null;
  pending: Promise<AccessToken> | null;
}

/**
 * Keeps tokens in memory only, one per account (several work accounts in one Outlook), each until about a
 * minute before it expires. A token is only ever handed out under the key it was acquired for.
 */
export class TokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(account: string, acquire: () => Promise<AccessToken>, forceRefresh = false): Promise<string> {
    const entry = this.entries.get(account) ?? { token: null, pending: null };
    this.entries.set(account, entry);
    const { token } = entry;
    if (!forceRefresh && token && token.expiresAt - refreshMarginMs > this.now()) return token.accessToken;
    // Concurrent callers for the same account share one acquisition instead of each signing in.
    const pending = (entry.pending ??= acquire().finally(() => {
      if (entry.pending === pending) entry.pending = null;
    }));
    const acquired = await pending;
    entry.token = acquired;
    return acquired.accessToken;
  }

  clear(): void {
    this.entries.clear();
  }
}

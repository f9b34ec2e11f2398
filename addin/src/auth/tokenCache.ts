export interface AccessToken {
  accessToken: string;
  expiresAt: number; // epoch ms
}

const refreshMarginMs = 60_000;

/** Keeps a token in memory only, until about a minute before it expires. */
export class TokenCache {
  private token: AccessToken | null = null;
  private pending: Promise<AccessToken> | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  async get(acquire: () => Promise<AccessToken>, forceRefresh = false): Promise<string> {
    if (!forceRefresh && this.token && this.token.expiresAt - refreshMarginMs > this.now()) return this.token.accessToken;
    // Concurrent callers share one acquisition instead of each signing in.
    this.pending ??= acquire().finally(() => {
      this.pending = null;
    });
    this.token = await this.pending;
    return this.token.accessToken;
  }

  clear(): void {
    this.token = null;
  }
}

import { describe, expect, it, vi } from 'vitest';
import { TokenCache, type AccessToken } from './tokenCache';

const token = (accessToken: string, expiresAt: number): AccessToken => ({ accessToken, expiresAt });

describe('token cache, one entry per account', () => {
  it('keeps two accounts\' tokens apart while switching back and forth', async () => {
    const cache = new TokenCache(() => 0);
    const acquireA = vi.fn(async () => token('token-a', 3_600_000));
    const acquireB = vi.fn(async () => token('token-b', 3_600_000));

    const answers = [];
    for (const account of ['a@one.example', 'b@two.example', 'a@one.example', 'b@two.example', 'a@one.example']) {
      answers.push(await cache.get(account, account.startsWith('a') ? acquireA : acquireB));
    }

    expect(answers).toEqual(['token-a', 'token-b', 'token-a', 'token-b', 'token-a']);
    expect(acquireA).toHaveBeenCalledTimes(1);
    expect(acquireB).toHaveBeenCalledTimes(1);
  });

  it('a sign-in in flight for one account is never shared with the other', async () => {
    const cache = new TokenCache(() => 0);
    let finishA: (t: AccessToken) => void = () => undefined;
    const pendingA = new Promise<AccessToken>((resolve) => (finishA = resolve));

    const a = cache.get('a@one.example', () => pendingA);
    const b = cache.get('b@two.example', async () => token('token-b', 3_600_000));
    const a2 = cache.get('a@one.example', async () => token('never', 3_600_000));
    finishA(token('token-a', 3_600_000));

    expect(await Promise.all([a, b, a2])).toEqual(['token-a', 'token-b', 'token-a']);
  });

  it('an account whose token is near expiry signs in again; the other keeps its token', async () => {
    let now = 0;
    const cache = new TokenCache(() => now);
    await cache.get('a', async () => token('a-1', 100_000));
    await cache.get('b', async () => token('b-1', 10_000_000));
    now = 50_000; // a's token is within a minute of expiry
    expect(await cache.get('a', async () => token('a-2', 10_000_000))).toBe('a-2');
    expect(await cache.get('b', async () => token('b-2', 10_000_000))).toBe('b-1');
  });

  it('a failed sign-in is not kept: the next call tries again', async () => {
    const cache = new TokenCache(() => 0);
    await expect(cache.get('a', async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await cache.get('a', async () => token('a-1', 3_600_000))).toBe('a-1');
  });
});

import { describe, expect, it } from 'vitest';
import { accountKey, readMailboxAccount } from './account';

describe('the mailbox\'s account', () => {
  it('comes from Office\'s auth context where Outlook has it', async () => {
    const office = { auth: { getAuthContext: async () => ({ userPrincipalName: 'lee@practice-b.example', tenantId: 'tenant-b' }) } };
    expect(await readMailboxAccount(office, 'shared@practice-a.example')).toEqual({ loginHint: 'lee@practice-b.example', tenantId: 'tenant-b' });
  });

  it.each([
    ['has no auth context', {}],
    ['fails to answer', { auth: { getAuthContext: async () => Promise.reject(new Error('not supported')) } }],
    ['answers without a name', { auth: { getAuthContext: async () => ({ userPrincipalName: ' ', tenantId: 't' }) } }],
  ])('falls back to the mailbox\'s address when Office %s', async (_, office) => {
    expect(await readMailboxAccount(office, 'lee@practice-a.example')).toEqual({ loginHint: 'lee@practice-a.example', tenantId: null });
  });

  it('keys tokens by account, whatever the case', () => {
    expect(accountKey({ loginHint: 'Lee@Practice-A.example', tenantId: null })).toBe(accountKey({ loginHint: 'lee@practice-a.example', tenantId: 'x' }));
    expect(accountKey({ loginHint: 'lee@practice-a.example', tenantId: null })).not.toBe(accountKey({ loginHint: 'lee@practice-b.example', tenantId: null }));
  });
});

export const defaultDevTenantId = '7d1c1a9e-0000-4000-8000-000000000001';
export const defaultDevUserId = '7d1c1a9e-0000-4000-8000-0000000000a1';

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DevIdentity {
  tenantId: string;
  userId: string;
  name: string;
  email: string;
}

const guidOr = (value: string | null, fallback: string) => (value && guidPattern.test(value) ? value : fallback);

/**
 * Development sign-in: `tenant` and `user` from the page's query string let a preview or test pick a
 * workspace. It is also the fake broker for several accounts in one Outlook: the login hint named by
 * `account2` signs in to `tenant2` as `user2`, as Microsoft's broker signs each account in to its own tenant.
 */
export function devIdentityFrom(search: string, profile: { name: string | null; email: string | null; loginHint?: string | null }): DevIdentity {
  const query = new URLSearchParams(search);
  const second = query.get('account2');
  const hint = profile.loginHint ?? profile.email;
  const isSecond = !!second && !!hint && second.trim().toLowerCase() === hint.trim().toLowerCase();
  const tenantId = guidOr(query.get('tenant'), defaultDevTenantId);
  const userId = guidOr(query.get('user'), defaultDevUserId);
  return {
    tenantId: isSecond ? guidOr(query.get('tenant2'), tenantId) : tenantId,
    userId: isSecond ? guidOr(query.get('user2'), userId) : userId,
    name: profile.name || 'Preview User',
    email: hint || 'preview.user@example.com',
  };
}

export const defaultDevTenantId = '7d1c1a9e-0000-4000-8000-000000000001';
export const defaultDevUserId = '7d1c1a9e-0000-4000-8000-0000000000a1';

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DevIdentity {
  tenantId: string;
  userId: string;
  name: string;
  email: string;
}

/** Development sign-in: `tenant` and `user` from the page's query string let a preview or test pick a workspace. */
export function devIdentityFrom(search: string, profile: { name: string | null; email: string | null }): DevIdentity {
  const query = new URLSearchParams(search);
  const tenant = query.get('tenant');
  const user = query.get('user');
  return {
    tenantId: tenant && guidPattern.test(tenant) ? tenant : defaultDevTenantId,
    userId: user && guidPattern.test(user) ? user : defaultDevUserId,
    name: profile.name || 'Preview User',
    email: profile.email || 'preview.user@example.com',
  };
}

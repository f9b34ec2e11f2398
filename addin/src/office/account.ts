/**
 * Which work account the pane is showing a mailbox of. Part of the Office seam (office.ts calls it): with
 * several accounts in one Outlook, the pane signs in as this account and keeps its token apart.
 */
export interface MailboxAccount {
  /** The login hint for sign-in: the account's UPN from Office's auth context, else the mailbox's address. */
  loginHint: string | null;
  /** The account's Entra tenant, when Office's auth context says it. */
  tenantId: string | null;
}

interface AuthContextLike {
  userPrincipalName?: string;
  loginHint?: string;
  tenantId?: string;
}

interface OfficeWithAuthContext {
  auth?: { getAuthContext?: () => Promise<AuthContextLike> };
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

/**
 * `Office.auth.getAuthContext()` (NestedAppAuth 1.1) names the account Outlook signed the add-in in with;
 * where it is missing or fails, the mailbox's own address (userProfile) is the best hint there is.
 */
export async function readMailboxAccount(office: OfficeWithAuthContext, profileAddress: string | null): Promise<MailboxAccount> {
  const fallback: MailboxAccount = { loginHint: text(profileAddress), tenantId: null };
  const getAuthContext = office.auth?.getAuthContext;
  if (typeof getAuthContext !== 'function') return fallback;
  try {
    const context = await getAuthContext.call(office.auth);
    const loginHint = text(context?.userPrincipalName) ?? text(context?.loginHint);
    return loginHint ? { loginHint, tenantId: text(context?.tenantId) } : fallback;
  } catch {
    return fallback;
  }
}

/** The token cache's key: one per account, never shared; case does not make another account. */
export const accountKey = (account: MailboxAccount) => (account.loginHint ?? '').toLowerCase();

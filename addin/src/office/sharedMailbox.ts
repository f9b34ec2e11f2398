/**
 * Whose mailbox the open item is in. Part of the Office seam (office.ts calls it): a shared or delegate
 * mailbox's owner is the "own" address of that item, and history and saving read the owner's mailbox.
 */
export type MailboxOwner =
  /** Outlook says the item is in the signed-in person's own mailbox. */
  | { kind: 'own' }
  /** A shared mailbox or a folder the owner delegated (Mailbox 1.8 getSharedPropertiesAsync). */
  | { kind: 'shared'; address: string }
  /** This Outlook cannot tell (no Mailbox 1.8, or the call failed): the pane reads the user's own mailbox. */
  | { kind: 'unknown' };

interface SharedPropertiesLike {
  owner?: string;
}

interface ItemWithSharedProperties {
  getSharedPropertiesAsync?: (callback: (result: { status: string; value?: SharedPropertiesLike }) => void) => void;
}

interface RequirementsLike {
  context?: { requirements?: { isSetSupported?: (name: string, version?: string) => boolean } };
}

const sameAddress = (a: string, b: string | null) => !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/** Outlook defines getSharedPropertiesAsync only on items in shared folders and mailboxes (with Mailbox 1.8). */
export function readMailboxOwner(item: unknown, office: RequirementsLike, userEmail: string | null): Promise<MailboxOwner> {
  let supported = false;
  try {
    supported = !!office.context?.requirements?.isSetSupported?.('Mailbox', '1.8');
  } catch {
    supported = false;
  }
  if (!supported) return Promise.resolve({ kind: 'unknown' });
  const getShared = (item as ItemWithSharedProperties | null)?.getSharedPropertiesAsync;
  if (typeof getShared !== 'function') return Promise.resolve({ kind: 'own' });
  return new Promise<MailboxOwner>((resolve) => {
    try {
      getShared.call(item, (result) => {
        const owner = result?.status === 'succeeded' ? result.value?.owner?.trim() : undefined;
        if (!owner) resolve({ kind: 'unknown' });
        else resolve(sameAddress(owner, userEmail) ? { kind: 'own' } : { kind: 'shared', address: owner });
      });
    } catch {
      resolve({ kind: 'unknown' });
    }
  });
}

/** The address of the mailbox the item is in when it is someone else's; null for the user's own. */
export const sharedAddressOf = (owner: MailboxOwner): string | null => (owner.kind === 'shared' ? owner.address : null);

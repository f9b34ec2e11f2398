import { OfficeCallError, readMessage, type MailItem, type MessageDetails } from './office';
import type { AsyncResultLike, OfficeLike } from './selectedItems';

/** Reading a selected message other than the one shown (Mailbox 1.15): office.ts loads this module on first use. */
interface LoadedItemLike {
  unloadAsync?: (callback: (result: AsyncResultLike<void>) => void) => void;
}

interface MailboxWithLoad {
  loadItemByIdAsync?: (itemId: string, callback: (result: AsyncResultLike<LoadedItemLike>) => void) => void;
}

const mailboxOf = (office: OfficeLike) => office.context?.mailbox as MailboxWithLoad | undefined;

/**
 * One selected message's details, as "Save to record" keeps them. Outlook loads one item at a time: it is
 * unloaded before the promise settles, so the caller reads the selection one message after the other.
 */
export function loadSelectedMessage(office: OfficeLike, itemId: string): Promise<MessageDetails | null> {
  const mailbox = mailboxOf(office);
  const load = mailbox?.loadItemByIdAsync;
  if (typeof load !== 'function') return Promise.reject(new OfficeCallError('This Outlook cannot read selected messages.'));
  return new Promise<LoadedItemLike>((resolve, reject) => {
    try {
      load.call(mailbox, itemId, (result) =>
        result?.status === 'succeeded' ? resolve(result.value) : reject(new OfficeCallError(result?.error?.message ?? 'The message could not be read.')),
      );
    } catch (error) {
      reject(error instanceof Error ? error : new OfficeCallError(String(error)));
    }
  }).then(async (loaded) => {
    try {
      return await readMessage(loaded as unknown as MailItem, office as typeof Office);
    } finally {
      await new Promise<void>((done) => {
        try {
          if (loaded.unloadAsync) loaded.unloadAsync(() => done());
          else done();
        } catch {
          done();
        }
      });
    }
  });
}

/**
 * Several messages selected at once (item multi-select, Mailbox 1.13). Part of the Office seam: office.ts
 * lists the selection here; reading each message (loadSelected.ts, Mailbox 1.15 loadItemByIdAsync) is
 * loaded only when the pane saves several messages, so it does not weigh on the pane's first paint.
 */
export interface SelectedItem {
  itemId: string;
  subject: string;
  /** A draft in the selection cannot be saved (it has no Message-ID yet). */
  isRead: boolean;
}

export interface AsyncResultLike<T> {
  status: string;
  value: T;
  error?: { message?: string };
}

interface MailboxWithSelection {
  getSelectedItemsAsync?: (callback: (result: AsyncResultLike<{ itemId?: string; subject?: string; itemMode?: string }[]>) => void) => void;
}

export interface OfficeLike {
  context?: { mailbox?: unknown; requirements?: { isSetSupported?: (name: string, version?: string) => boolean } };
  CoercionType?: { Text?: unknown };
}

const mailboxOf = (office: OfficeLike) => office.context?.mailbox as MailboxWithSelection | undefined;

/** The selected messages, or [] where Outlook has no item multi-select (or the call fails). */
export function readSelectedItems(office: OfficeLike): Promise<SelectedItem[]> {
  const getSelected = mailboxOf(office)?.getSelectedItemsAsync;
  if (typeof getSelected !== 'function') return Promise.resolve([]);
  return new Promise((resolve) => {
    try {
      getSelected.call(mailboxOf(office), (result) => {
        if (result?.status !== 'succeeded' || !Array.isArray(result.value)) return resolve([]);
        resolve(
          result.value
            .filter((item) => typeof item?.itemId === 'string' && item.itemId)
            .map((item) => ({ itemId: item.itemId!, subject: item.subject ?? '', isRead: !/compose/i.test(item.itemMode ?? '') })),
        );
      });
    } catch {
      resolve([]);
    }
  });
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { MailItem, OfficeGateway } from '../office/office';
import { sharedAddressOf, type MailboxOwner } from '../office/sharedMailbox';

const unknownOwner: MailboxOwner = { kind: 'unknown' };

/**
 * Whose mailbox the selected item is in, read once per item: `owner` for the pane to say so (null while
 * reading), `sharedAddress()` for the calls that read that mailbox (they wait for the answer).
 */
export function useMailboxOwner(office: OfficeGateway, itemKey: number) {
  const read = useRef<{ item: MailItem | null; owner: Promise<MailboxOwner> } | null>(null);
  const ownerOfCurrentItem = useCallback(() => {
    const item = office.currentItem();
    if (!read.current || read.current.item !== item) {
      read.current = { item, owner: item ? office.mailboxOwner(item).catch(() => unknownOwner) : Promise.resolve<MailboxOwner>({ kind: 'own' }) };
    }
    return read.current.owner;
  }, [office]);
  const [owner, setOwner] = useState<MailboxOwner | null>(null);

  // Read again for every item (itemKey).
  useEffect(() => {
    let current = true;
    setOwner(null);
    void ownerOfCurrentItem().then((answer) => current && setOwner(answer));
    return () => {
      current = false;
    };
  }, [ownerOfCurrentItem, itemKey]);

  const sharedAddress = useCallback(async () => sharedAddressOf(await ownerOfCurrentItem()), [ownerOfCurrentItem]);
  return { owner, sharedAddress };
}

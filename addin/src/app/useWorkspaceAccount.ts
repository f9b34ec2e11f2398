import { useEffect, useState } from 'react';
import type { OfficeGateway } from '../office/office';

/** The account (login hint) the pane signs in as, read again when the selection moves (maybe to another account's mailbox). */
export function useWorkspaceAccount(office: OfficeGateway, itemKey: number): string | null {
  const [account, setAccount] = useState<string | null>(null);
  // Read again for every item (itemKey).
  useEffect(() => {
    let current = true;
    void office.account().then(
      (answer) => current && setAccount(answer.loginHint),
      () => current && setAccount(null),
    );
    return () => {
      current = false;
    };
  }, [office, itemKey]);
  return account;
}

import { useEffect, useState } from 'react';
import type { OfficeGateway } from '../office/office';

/** The account (login hint) the pane signs in as, read again when the selection moves (maybe to another account's mailbox). */
export function useWorkspaceAccount(office: OfficeGateway): string | null {
  const [account, setAccount] = useState<string | null>(null);
  useEffect(() => {
    let serial = 0;
    const read = () => {
      const current = ++serial;
      void office.account().then(
        (answer) => current === serial && setAccount(answer.loginHint),
        () => current === serial && setAccount(null),
      );
    };
    read();
    const stop = office.onItemChanged(read);
    return () => {
      serial = -1;
      stop();
    };
  }, [office]);
  return account;
}

import { useEffect, useState } from 'react';
import type { OfficeGateway } from '../office/office';

/**
 * The pane's one ItemChanged subscription: a number that changes with every selection. The pane keys its
 * per-message part with it (a new message mounts it afresh), and the hooks that outlive a message read
 * the new item when it changes.
 */
export function useItemKey(office: OfficeGateway): number {
  const [key, setKey] = useState(0);
  useEffect(() => office.onItemChanged(() => setKey((previous) => previous + 1)), [office]);
  return key;
}

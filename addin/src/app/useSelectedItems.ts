import { useEffect, useState } from 'react';
import type { OfficeGateway } from '../office/office';
import type { SelectedItem } from '../office/selectedItems';

const none: SelectedItem[] = [];

/** The messages selected at once, read again on SelectedItemsChanged and for every item (itemKey: ItemChanged can come alone). */
export function useSelectedItems(office: OfficeGateway, itemKey: number): SelectedItem[] {
  const [items, setItems] = useState(none);
  useEffect(() => {
    let serial = 0;
    const read = () => {
      const current = ++serial;
      void office.selectedItems().then((answer) => current === serial && setItems((previous) => (sameItems(previous, answer) ? previous : answer)));
    };
    read();
    const stopSelection = office.onSelectionChanged(read);
    return () => {
      serial = -1;
      stopSelection();
    };
  }, [office, itemKey]);
  return items;
}

const sameItems = (a: SelectedItem[], b: SelectedItem[]) => a.length === b.length && a.every((item, i) => item.itemId === b[i].itemId);

import { useEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import { errorMessageKey } from '../components/errorMessage';
import { MultiSavePanel, type MultiSaveState } from '../components/MultiSavePanel';
import { useI18n } from '../i18n/I18nContext';
import { multiSaveTranslator } from '../i18n/multiSave';
import type { OfficeGateway } from '../office/office';
import type { SelectedItem } from '../office/selectedItems';
import { clientsHolding, saveSeveral } from './multiSave';

export interface MultiSaveContainerProps {
  office: OfficeGateway;
  /** The API in the mailbox the items are in (history and saving name a shared mailbox). */
  api: ApiClient;
  items: SelectedItem[];
  /** The user's own address and a shared mailbox's: never participants to save for. */
  ownAddresses: readonly (string | null)[];
  /** An email is now on these clients' records: the open message's rows must say so. */
  onSaved: (internetMessageId: string, clientIds: string[]) => void;
}

/** Loaded only when several messages are selected: saves them all with the single save's endpoint. */
export function MultiSaveContainer({ office, api, items, ownAddresses, onSaved }: MultiSaveContainerProps) {
  const main = useI18n();
  const translator = useMemo(() => multiSaveTranslator(main.locale), [main.locale]);
  const [state, setState] = useState<MultiSaveState>({ kind: 'idle' });
  const run = useRef(0);

  // Another selection starts over; a save still running for the old one no longer shows.
  useEffect(() => {
    run.current++;
    setState({ kind: 'idle' });
  }, [items]);

  const save = async () => {
    const current = ++run.current;
    setState({ kind: 'saving', done: 0 });
    const outcomes = await saveSeveral(items, {
      readMessage: office.readSelectedMessage,
      lookup: api.lookup,
      findSavedEmail: api.findSavedEmail,
      saveEmail: (clientId, body) => api.saveEmail(clientId, body),
      ownAddresses,
      onProgress: (done) => current === run.current && setState({ kind: 'saving', done }),
    });
    for (const outcome of outcomes) if (outcome.kind === 'clients') onSaved(outcome.internetMessageId, clientsHolding(outcome));
    if (current === run.current) setState({ kind: 'done', outcomes });
  };

  return (
    <MultiSavePanel
      count={items.length}
      state={state}
      onSave={() => void save()}
      translator={translator}
      reasonOf={(error) => main.t(errorMessageKey(error, main.has))}
    />
  );
}

import { FluentProvider, makeStyles, Spinner, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ApiClient } from '../api/client';
import type { ClientRecord } from '../api/types';
import { PaneHeader } from '../components/PaneHeader';
import { ParticipantsList } from '../components/ParticipantsList';
import { I18nProvider } from '../i18n/I18nContext';
import { createTranslator, localeFor } from '../i18n/translator';
import type { OfficeGateway } from '../office/office';
import { useOfficeTheme } from './useOfficeTheme';
import { useParticipants } from './useParticipants';

// Dialogs and the record are loaded on first use, keeping the pane's first paint small.
const NewClientDialog = lazy(() => import('../components/NewClientDialog').then((m) => ({ default: m.NewClientDialog })));
const LinkClientDialog = lazy(() => import('../components/LinkClientDialog').then((m) => ({ default: m.LinkClientDialog })));
const RecordContainer = lazy(() => import('./RecordContainer').then((m) => ({ default: m.RecordContainer })));

const useStyles = makeStyles({
  loading: { padding: tokens.spacingHorizontalM },
  pane: { minHeight: '100vh', minWidth: '280px', backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
});

export interface AppProps {
  office: OfficeGateway;
  api: ApiClient;
  /** Called after a client is created from the pane; the intake step plugs in here. */
  onClientCreated?: (record: ClientRecord) => void;
  /** The history feature renders the record's communication timeline here. */
  renderTimeline?: (record: ClientRecord) => ReactNode;
}

type View = { kind: 'participants' } | { kind: 'record'; clientId: string };
type DialogRequest = ({ kind: 'newClient'; initialAddress?: string } | { kind: 'link'; address: string }) & { serial: number; open: boolean };
type DialogChoice = { kind: 'newClient'; initialAddress?: string } | { kind: 'link'; address: string };

export function App({ office, api, onClientCreated, renderTimeline }: AppProps) {
  const styles = useStyles();
  const translator = useMemo(() => createTranslator(localeFor(office.displayLanguage())), [office]);
  const isDark = useOfficeTheme(office);
  const participants = useParticipants(office, api);
  const [view, setView] = useState<View>({ kind: 'participants' });
  // A dialog stays mounted after closing (until the next one opens) so Fluent can finish closing it.
  const [dialog, setDialog] = useState<DialogRequest | null>(null);
  const openDialog = (choice: DialogChoice) => setDialog((previous) => ({ ...choice, serial: (previous?.serial ?? 0) + 1, open: true }));
  const closeDialog = useCallback(() => setDialog((previous) => (previous ? { ...previous, open: false } : previous)), []);

  // A pinned pane follows the selection: a new message brings back its people.
  useEffect(
    () =>
      office.onItemChanged(() => {
        setView({ kind: 'participants' });
        closeDialog();
      }),
    [office, closeDialog],
  );

  const openClient = useCallback(
    (clientId: string) => {
      closeDialog();
      setView({ kind: 'record', clientId });
    },
    [closeDialog],
  );

  const searchClients = useCallback(
    async (search: string, signal: AbortSignal) => (await api.searchClients({ search, limit: 20 }, signal)).items,
    [api],
  );

  const handleCreated = (record: ClientRecord) => {
    if (record.email) participants.markAsClient(record.email, { clientId: record.id, displayName: record.displayName, matchedAs: 'primary' });
    openClient(record.id);
    onClientCreated?.(record);
  };

  const handleLinked = (record: ClientRecord, address: string) => {
    const linked = record.emails.find((e) => e.address.toLowerCase() === address.toLowerCase());
    participants.markAsClient(address, {
      clientId: record.id,
      displayName: record.displayName,
      matchedAs: linked?.kind === 'field' && linked.label ? linked.label : 'primary',
    });
    closeDialog();
  };

  const participantList = participants.state.kind === 'ready' ? participants.state.participants : [];

  return (
    <I18nProvider translator={translator}>
      <FluentProvider theme={isDark ? webDarkTheme : webLightTheme} lang={translator.locale} className={styles.pane}>
        <PaneHeader
          onBack={view.kind === 'record' ? () => setView({ kind: 'participants' }) : undefined}
          onNewClient={() => openDialog({ kind: 'newClient' })}
        />
        <main>
          {view.kind === 'participants' ? (
            <ParticipantsList
              state={participants.state}
              onRetry={() => void participants.reload()}
              onOpenClient={openClient}
              onNewClient={(p) => openDialog({ kind: 'newClient', initialAddress: p.emailAddress })}
              onLinkExisting={(p) => openDialog({ kind: 'link', address: p.emailAddress })}
            />
          ) : (
            <Suspense fallback={<Spinner className={styles.loading} label={translator.t('app.loading')} />}>
              <RecordContainer key={view.clientId} api={api} clientId={view.clientId} renderTimeline={renderTimeline} />
            </Suspense>
          )}
        </main>
        <Suspense fallback={null}>
        {dialog?.kind === 'newClient' && (
          <NewClientDialog
            key={dialog.serial}
            open={dialog.open}
            participants={participantList}
            initialAddress={dialog.initialAddress}
            createClient={api.createClient}
            onCreated={handleCreated}
            onOpenClient={openClient}
            onDismiss={closeDialog}
          />
        )}
        {dialog?.kind === 'link' && (
          <LinkClientDialog
            key={dialog.serial}
            open={dialog.open}
            address={dialog.address}
            searchClients={searchClients}
            linkEmail={api.linkEmail}
            onLinked={handleLinked}
            onDismiss={closeDialog}
          />
        )}
        </Suspense>
      </FluentProvider>
    </I18nProvider>
  );
}

import { FluentProvider, makeStyles, Spinner, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ApiClient } from '../api/client';
import type { ClientRecord, LinkEmailBody, MailboxChallenge, Suggestion } from '../api/types';
import type { RecordTab } from '../components/ClientRecordView';
import { PaneHeader } from '../components/PaneHeader';
import { ParticipantsList } from '../components/ParticipantsList';
import { I18nProvider } from '../i18n/I18nContext';
import { createTranslator, localeFor } from '../i18n/translator';
import type { OfficeGateway } from '../office/office';
import { clipboardCopier } from './clipboard';
import { useOfficeTheme } from './useOfficeTheme';
import { useParticipants } from './useParticipants';
import { useSaveToRecord } from './useSaveToRecord';

// Dialogs and the record are loaded on first use, keeping the pane's first paint small.
const NewClientDialog = lazy(() => import('../components/NewClientDialog').then((m) => ({ default: m.NewClientDialog })));
const LinkClientDialog = lazy(() => import('../components/LinkClientDialog').then((m) => ({ default: m.LinkClientDialog })));
const loadIntakeDialog = () => import('../components/IntakeDialog');
const IntakeDialog = lazy(() => loadIntakeDialog().then((m) => ({ default: m.IntakeDialog })));
const RecordContainer = lazy(() => import('./RecordContainer').then((m) => ({ default: m.RecordContainer })));

const useStyles = makeStyles({
  loading: { padding: tokens.spacingHorizontalM },
  pane: { minHeight: '100vh', minWidth: '280px', backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
});

/**
 * Runs `then` once no modal dialog is in the document and the page behind it is visible to assistive
 * technology again (checked each frame, at most about a second).
 */
function whenNoModalIsOpen(then: () => void, framesLeft = 60) {
  const open = document.querySelector('[aria-modal="true"], body > [aria-hidden="true"]');
  if (!open || framesLeft <= 0) then();
  else requestAnimationFrame(() => whenNoModalIsOpen(then, framesLeft - 1));
}

export interface AppProps {
  office: OfficeGateway;
  api: ApiClient;
  /** Called after a client is created from the pane; the intake step plugs in here. */
  onClientCreated?: (record: ClientRecord) => void;
  /** The history feature renders the record's communication timeline here. */
  renderTimeline?: (record: ClientRecord) => ReactNode;
  /** The auth module's interactive consent, for the mailbox history's consent challenge. */
  requestMailboxConsent?: (challenge: MailboxChallenge) => Promise<boolean>;
}

type View = { kind: 'participants' } | { kind: 'record'; clientId: string; tab?: RecordTab; serial?: number };
type DialogChoice = { kind: 'newClient'; initialAddress?: string } | { kind: 'link'; address: string };
type DialogRequest = DialogChoice & { serial: number; open: boolean };
type IntakeRequest = { record: ClientRecord; serial: number; open: boolean };

export function App({ office, api, onClientCreated, renderTimeline, requestMailboxConsent }: AppProps) {
  const styles = useStyles();
  const translator = useMemo(() => createTranslator(localeFor(office.displayLanguage())), [office]);
  const isDark = useOfficeTheme(office);
  const participants = useParticipants(office, api);
  const saving = useSaveToRecord(office, api);
  const [view, setView] = useState<View>({ kind: 'participants' });
  // A dialog stays mounted after closing (until the next one opens) so Fluent can finish closing it.
  const [dialog, setDialog] = useState<DialogRequest | null>(null);
  const openDialog = (choice: DialogChoice) => setDialog((previous) => ({ ...choice, serial: (previous?.serial ?? 0) + 1, open: true }));
  const closeDialog = useCallback(() => setDialog((previous) => (previous ? { ...previous, open: false } : previous)), []);
  // The intake modal has its own slot: the New client dialog finishes closing while it opens.
  const [intake, setIntake] = useState<IntakeRequest | null>(null);
  const closeIntake = useCallback(() => setIntake((previous) => (previous ? { ...previous, open: false } : previous)), []);

  // A pinned pane follows the selection: a new message brings back its people.
  useEffect(
    () =>
      office.onItemChanged(() => {
        setView({ kind: 'participants' });
        closeDialog();
        closeIntake();
      }),
    [office, closeDialog, closeIntake],
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

  // The service's own name matching (accents, middle names, "Last, First"), for the New client dialog's duplicate warning.
  const findSameName = useCallback(
    async (firstName: string, lastName: string, address: string) => {
      const { results } = await api.suggest([{ address, displayName: `${firstName} ${lastName}`.trim() }]);
      return (results[0]?.suggestions ?? []).filter((s) => s.reason === 'sameName' || s.reason === 'sameNameReversed');
    },
    [api],
  );

  const loadTemplates = useCallback((language: string) => api.listIntakeTemplates(language), [api]);
  const copyText = useMemo(clipboardCopier, []);
  // A new serial remounts the record, so its Intake tab loads the list afresh.
  const showIntakeTab = (clientId: string) =>
    setView((current) => ({ kind: 'record', clientId, tab: 'intake', serial: (current.kind === 'record' ? current.serial ?? 0 : 0) + 1 }));

  // The intake step follows every create: the record opens behind the intake modal.
  const handleCreated = (record: ClientRecord) => {
    if (record.email) participants.markAsClient(record.email, { clientId: record.id, displayName: record.displayName, matchedAs: 'primary' });
    openClient(record.id);
    // Fluent modals must not overlap: each hides the page behind it and later restores what it saw, so
    // the intake modal opens once the New client dialog has finished closing.
    whenNoModalIsOpen(() => setIntake((previous) => ({ record, serial: (previous?.serial ?? 0) + 1, open: true })));
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

  /** One click on a suggested client: the address becomes its primary email, or a secondary one under the usual label. */
  const linkSuggested = async (client: Suggestion, address: string) => {
    const body: LinkEmailBody =
      client.linkAs === 'primary' ? { address, as: 'primary' } : { address, as: 'secondary', label: translator.t('fields.defaultSecondaryLabel') };
    const record = await api.linkEmail(client.clientId, body);
    handleLinked(record, address);
    return record;
  };

  const participantList = participants.state.kind === 'ready' ? participants.state.participants : [];
  const saveToRecord = { canSave: saving.canSave, states: saving.states, onSave: (clientId: string) => void saving.save(clientId) };
  const rowsOfferNewClient = view.kind === 'participants' && participantList.some((p) => p.status.kind === 'unknown');

  return (
    <I18nProvider translator={translator}>
      <FluentProvider theme={isDark ? webDarkTheme : webLightTheme} lang={translator.locale} className={styles.pane}>
        <PaneHeader
          onBack={view.kind === 'record' ? () => setView({ kind: 'participants' }) : undefined}
          rowsOfferNewClient={rowsOfferNewClient}
          onNewClient={() => {
            void loadIntakeDialog();
            openDialog({ kind: 'newClient' });
          }}
        />
        <main>
          {view.kind === 'participants' ? (
            <ParticipantsList
              state={participants.state}
              onRetry={() => void participants.reload()}
              onOpenClient={openClient}
              onNewClient={(p) => {
                void loadIntakeDialog();
                openDialog({ kind: 'newClient', initialAddress: p.emailAddress });
              }}
              onLinkExisting={(p) => openDialog({ kind: 'link', address: p.emailAddress })}
              onLinkSuggestion={async (p, suggestion) => void (await linkSuggested(suggestion, p.emailAddress))}
              saveToRecord={saveToRecord}
            />
          ) : (
            <Suspense fallback={<Spinner className={styles.loading} label={translator.t('app.loading')} />}>
              <RecordContainer
                key={`${view.clientId}:${view.serial ?? 0}`}
                api={api}
                office={office}
                clientId={view.clientId}
                renderTimeline={renderTimeline}
                requestMailboxConsent={requestMailboxConsent}
                initialTab={view.tab}
                saveOpenEmail={{ save: saveToRecord, participantAddresses: participantList.map((p) => p.emailAddress), checkSaved: saving.check }}
                onEmailUnsaved={saving.forget}
              />
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
            findSameName={findSameName}
            onLinkInstead={async (client, address) => openClient((await linkSuggested(client, address)).id)}
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
        {/* Its own boundary: loading it must not hide (and re-show) the other dialogs. */}
        <Suspense fallback={null}>
        {intake && (
          <IntakeDialog
            key={intake.serial}
            open={intake.open}
            client={intake.record}
            loadTemplates={loadTemplates}
            sendIntake={api.sendIntake}
            copyText={copyText}
            onSent={() => {
              closeIntake();
              showIntakeTab(intake.record.id);
            }}
            // Behind the explanation, the record's Intake tab loads with the not-sent intake to send again.
            onNotSent={() => showIntakeTab(intake.record.id)}
            onDismiss={closeIntake}
          />
        )}
        </Suspense>
      </FluentProvider>
    </I18nProvider>
  );
}

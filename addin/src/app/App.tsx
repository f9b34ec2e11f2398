import { FluentProvider, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApiClient } from '../api/client';
import type { ClientRecord, LinkEmailBody, LookupMatch, MailboxChallenge, SendSaveResolution, Suggestion } from '../api/types';
import type { RecordTab } from '../components/ClientRecordView';
import { inMailboxOf } from '../api/mailboxScope';
import { MailboxNotice } from '../components/MailboxNotice';
import { PaneHeader } from '../components/PaneHeader';
import { LoadingPlaceholder } from '../components/LoadingPlaceholder';
import '../components/touchTargets.css';
import { ParticipantsList } from '../components/ParticipantsList';
import { I18nProvider } from '../i18n/I18nContext';
import type { Translator } from '../i18n/translator';
import type { OfficeGateway } from '../office/office';
import type { SelectedItem } from '../office/selectedItems';
import { clipboardCopier } from './clipboard';
import { clientRowAction, focusWhenShown, openRecord, participantAction, whenNoModalIsOpen } from './afterModals';
import { useMailboxOwner } from './useMailboxOwner';
import { useOfficeTheme } from './useOfficeTheme';
import { useParticipants } from './useParticipants';
import { useSaveToRecord } from './useSaveToRecord';
import { useConversation } from './useConversation';
import { useSelectedItems } from './useSelectedItems';
import { useItemKey } from './useItemKey';
import { useWorkspaceAccount } from './useWorkspaceAccount';
import { matchesOf } from '../participants/participantStatus';

// Dialogs and the record are loaded on first use, keeping the pane's first paint small.
const NewClientDialog = lazy(() => import('../components/NewClientDialog').then((m) => ({ default: m.NewClientDialog })));
const LinkClientDialog = lazy(() => import('./LinkClientContainer').then((m) => ({ default: m.LinkClientContainer })));
const loadIntakeDialog = () => import('../components/IntakeDialog');
const IntakeDialog = lazy(() => loadIntakeDialog().then((m) => ({ default: m.IntakeDialog })));
const loadRecordChunk = () => import('./RecordContainer');
const RecordContainer = lazy(() => loadRecordChunk().then((m) => ({ default: m.RecordContainer })));
// Several messages selected at once: the multi-save part (and its words) comes only then, in the record's chunk.
const MultiSaveContainer = lazy(() => loadRecordChunk().then((m) => ({ default: m.MultiSaveContainer })));
// Save on send: only in compose mode, and its report only when the pane's resolve has news (both in the record's chunk: see RecordContainer.tsx).
const SaveOnSend = lazy(() => loadRecordChunk().then((m) => ({ default: m.SaveOnSend })));
const SendSaveReport = lazy(() => loadRecordChunk().then((m) => ({ default: m.SendSaveReport })));
// Only for an email of a conversation already saved to a record (in the record's chunk too: a chunk of its own split the entry).
const ConversationOffer = lazy(() => loadRecordChunk().then((m) => ({ default: m.ConversationOffer })));

/** How often a pane that stays open asks the service to save what was sent meanwhile (save on send). */
export const resolveSendsEveryMs = 2 * 60_000;

const useStyles = makeStyles({
  // No min-width: at 200 % zoom the 340 px pane is 170 CSS px wide, and every screen reflows to it.
  pane: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    // What the pane moves focus to itself (the record, a feed article, a result) shows it as Fluent's controls do.
    // Fluent draws a double underline on a focused link; an outline makes it as plain as on buttons.
    '& .fui-Link:focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
    '& [tabindex="-1"]:focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '2px',
      borderRadius: tokens.borderRadiusMedium,
    },
  },
  // Read by screen readers, not shown.
  liveRegion: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

export interface AppProps {
  office: OfficeGateway;
  api: ApiClient;
  /** In Outlook's display language (i18n/catalogs.ts `paneTranslator`). */
  translator: Translator;
  /** The auth module's interactive consent, for the mailbox history's consent challenge. */
  requestMailboxConsent?: (challenge: MailboxChallenge) => Promise<boolean>;
}

type View = { kind: 'participants' } | { kind: 'record'; clientId: string; tab?: RecordTab; serial?: number };
type DialogChoice = { kind: 'newClient'; initialAddress?: string } | { kind: 'link'; address: string };
type DialogRequest = DialogChoice & { serial: number; open: boolean };
type IntakeRequest = { record: ClientRecord; serial: number; open: boolean };

export function App({ office, api, translator, requestMailboxConsent }: AppProps) {
  const styles = useStyles();
  const isDark = useOfficeTheme(office);
  // The one ItemChanged subscription. A pinned pane follows the selection: the message's part of the pane
  // (its people, the record or dialog open for it) mounts afresh for each item; what outlives it reads the new one.
  const itemKey = useItemKey(office);
  // History and saving read the mailbox the item is in (a shared or delegate one included).
  const mailbox = useMailboxOwner(office, itemKey);
  const workspace = useWorkspaceAccount(office, itemKey);
  const selected = useSelectedItems(office, itemKey);
  const mailboxApi = useMemo(() => inMailboxOf(api, mailbox.sharedAddress), [api, mailbox.sharedAddress]);
  const saving = useSaveToRecord(office, mailboxApi, itemKey);
  // Results a screen reader user would otherwise miss ("Client created", "Email linked"): one polite live
  // region for the whole pane. A counter makes the same words announced twice in a row count as new.
  const [announcement, setAnnouncement] = useState<{ text: string; serial: number }>({ text: '', serial: 0 });
  const announce = useCallback((text: string) => setAnnouncement((previous) => ({ text, serial: previous.serial + 1 })), []);
  // Save on send: the emails sent since the pane last looked are saved now where Outlook had no send event
  // (or the event could not reach us); what was saved, expired or skipped is reported. After the first
  // people are shown (never before the lookup, never without an item: MessagePane asks once its people are
  // shown), and again on a later item once `resolveSendsEveryMs` has passed: a pinned pane stays open for hours.
  const [sendReport, setSendReport] = useState<SendSaveResolution | null>(null);
  const lastResolve = useRef<number | null>(null);
  const resolveSends = useCallback(() => {
    if (lastResolve.current !== null && Date.now() - lastResolve.current < resolveSendsEveryMs) return;
    lastResolve.current = Date.now();
    api.resolveSendSaves().then(
      (result) => void ((result.saved.length || result.expired.length || result.skipped.length) && setSendReport(result)),
      () => undefined,
    );
  }, [api]);
  const savedCount = Object.values(saving.states).filter((state) => state?.kind === 'saved' && !state.quiet).length;
  useEffect(() => {
    if (savedCount > 0) announce(translator.t('save.saved'));
  }, [savedCount, announce, translator]);

  return (
    <I18nProvider translator={translator}>
      <FluentProvider theme={isDark ? webDarkTheme : webLightTheme} lang={translator.locale} className={styles.pane}>
        <MessagePane
          key={itemKey}
          office={office}
          api={api}
          translator={translator}
          requestMailboxConsent={requestMailboxConsent}
          mailbox={mailbox}
          mailboxApi={mailboxApi}
          workspace={workspace}
          selected={selected}
          saving={saving}
          announce={announce}
          sendReport={sendReport}
          onDismissSendReport={() => setSendReport(null)}
          resolveSends={resolveSends}
        />
        <div role="status" aria-live="polite" aria-atomic="true" className={styles.liveRegion} data-testid="announcements">
          {announcement.text && <span key={announcement.serial}>{announcement.text}</span>}
        </div>
      </FluentProvider>
    </I18nProvider>
  );
}

interface MessagePaneProps extends AppProps {
  mailbox: ReturnType<typeof useMailboxOwner>;
  mailboxApi: ApiClient;
  workspace: string | null;
  selected: SelectedItem[];
  saving: ReturnType<typeof useSaveToRecord>;
  announce: (text: string) => void;
  sendReport: SendSaveResolution | null;
  onDismissSendReport: () => void;
  /** Save on send's resolve, asked for once this message's people are shown. */
  resolveSends: () => void;
}

/** The pane for one message: App mounts it afresh (a new key) for every item, so nothing here outlives its message. */
function MessagePane(props: MessagePaneProps) {
  const { office, api, translator, requestMailboxConsent, mailbox, mailboxApi, workspace, selected, saving, announce, sendReport, resolveSends } = props;
  const participants = useParticipants(office, api);
  const peopleShown = participants.state.kind === 'ready';
  // "Part of a conversation saved to Ana's record": asked once for this message.
  const conversation = useConversation(office, api, peopleShown);
  const saveOpenEmail = saving.save;
  const saveInConversation = useCallback((clientId: string) => void saveOpenEmail(clientId), [saveOpenEmail]);
  useEffect(() => {
    if (peopleShown) resolveSends();
  }, [peopleShown, resolveSends]);
  // This message is a draft's own: its save-on-send controls are published to its rows.
  const [sendSaveFor, setSendSaveFor] = useState<((match: LookupMatch) => ReactNode) | undefined>(undefined);
  const publishSendSaveControls = useCallback((controls: ((match: LookupMatch) => ReactNode) | undefined) => setSendSaveFor(() => controls), []);
  const [view, setView] = useState<View>({ kind: 'participants' });
  // A dialog stays mounted after closing (until the next one opens) so Fluent can finish closing it.
  const [dialog, setDialog] = useState<DialogRequest | null>(null);
  const openDialog = (choice: DialogChoice) => setDialog((previous) => ({ ...choice, serial: (previous?.serial ?? 0) + 1, open: true }));
  const closeDialog = useCallback(() => setDialog((previous) => (previous ? { ...previous, open: false } : previous)), []);
  // The intake modal has its own slot: the New client dialog finishes closing while it opens.
  const [intake, setIntake] = useState<IntakeRequest | null>(null);
  const closeIntake = useCallback(() => setIntake((previous) => (previous ? { ...previous, open: false } : previous)), []);
  const openClient = useCallback(
    (clientId: string, { moveFocus = true } = {}) => {
      closeDialog();
      setView({ kind: 'record', clientId });
      // The control that opened it is gone: focus goes to the record.
      if (moveFocus) focusWhenShown(openRecord);
    },
    [closeDialog],
  );
  const backToParticipants = () => {
    const from = view.kind === 'record' ? view.clientId : null;
    setView({ kind: 'participants' });
    // Back where the person was: the row of the client they had opened, else the list's heading.
    focusWhenShown(() => (from ? clientRowAction(from)() : null) ?? document.getElementById('participants-heading'));
  };

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
    // Focus goes to the record once the intake modal, which opens first, closes.
    openClient(record.id, { moveFocus: false });
    announce(translator.t('announce.clientCreated', { name: record.displayName }));
    // Fluent modals must not overlap: each hides the page behind it and later restores what it saw, so
    // the intake modal opens once the New client dialog has finished closing.
    whenNoModalIsOpen(() => setIntake((previous) => ({ record, serial: (previous?.serial ?? 0) + 1, open: true })));
  };

  const handleLinked = (record: ClientRecord, address: string) => {
    const linked = record.emails.find((e) => e.address.toLowerCase() === address.toLowerCase());
    participants.markAsClient(address, {
      clientId: record.id,
      displayName: record.displayName,
      matchedAs: linked?.kind === 'field' && linked.label ? linked.label : 'primary',
    });
    closeDialog();
    announce(translator.t('announce.emailLinked', { address, name: record.displayName }));
    // The Link button is gone: focus goes to the row's new first action, "Open {name}".
    focusWhenShown(participantAction(address));
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
  const composing = !saving.canSave && participants.state.kind === 'ready' && office.currentItem() !== null;
  const knownClients = useMemo(
    () =>
      participantList.flatMap((p) => matchesOf(p.status)).filter(
        (match, index, all) => all.findIndex((m) => m.clientId === match.clientId) === index,
      ),
    [participantList],
  );
  const rowsOfferNewClient = view.kind === 'participants' && participantList.some((p) => p.status.kind === 'unknown');

  return (
    <>
        <PaneHeader
          onBack={view.kind === 'record' ? backToParticipants : undefined}
          rowsOfferNewClient={rowsOfferNewClient}
          workspace={workspace}
          onNewClient={() => {
            void loadIntakeDialog();
            openDialog({ kind: 'newClient' });
          }}
        />
        <MailboxNotice owner={mailbox.owner} />
        {sendReport && (
          <Suspense fallback={null}>
            <SendSaveReport result={sendReport} onDismiss={props.onDismissSendReport} />
          </Suspense>
        )}
        {selected.length > 1 && (
          <Suspense fallback={null}>
            <MultiSaveContainer
              office={office}
              api={mailboxApi}
              items={selected}
              ownAddresses={[office.userEmail(), mailbox.owner?.kind === 'shared' ? mailbox.owner.address : null]}
              onSaved={saving.markSaved}
            />
          </Suspense>
        )}
        <main>
          {/* Inside main: the offer is about this email (and axe wants all content in landmarks). */}
          {view.kind === 'participants' && conversation && selected.length <= 1 && (
            <Suspense fallback={null}>
              <ConversationOffer key={conversation.internetMessageId} api={api} saved={conversation} states={saving.states} onSave={saveInConversation} />
            </Suspense>
          )}
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
              sendSaveFor={composing ? sendSaveFor : undefined}
              footer={
                composing && (
                  <Suspense fallback={null}>
                    <SaveOnSend api={api} clients={knownClients} onRowControls={publishSendSaveControls} />
                  </Suspense>
                )
              }
            />
          ) : (
            <Suspense fallback={<LoadingPlaceholder label={translator.t('app.loading')} rows={2} />}>
              <RecordContainer
                key={`${view.clientId}:${view.serial ?? 0}`}
                api={mailboxApi}
                office={office}
                clientId={view.clientId}
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
              focusWhenShown(openRecord);
            }}
            // Behind the explanation, the record's Intake tab loads with the not-sent intake to send again.
            onNotSent={() => showIntakeTab(intake.record.id)}
            onDismiss={() => {
              closeIntake();
              focusWhenShown(openRecord);
            }}
          />
        )}
        </Suspense>
    </>
  );
}

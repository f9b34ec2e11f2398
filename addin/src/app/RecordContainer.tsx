import { useEffect } from 'react';
import type { ApiClient } from '../api/client';
import type { ClientRecord, MailboxChallenge } from '../api/types';
import { ClientRecordView, involves, type RecordTab, type SaveOpenEmail } from '../components/ClientRecordView';
import type { OfficeGateway } from '../office/office';
import { HistoryTimeline } from './HistoryTimeline';
import { IntakeSection } from './IntakeSection';
import { useClientRecord } from './useClientRecord';

export interface RecordContainerProps {
  api: ApiClient;
  clientId: string;
  /** With the Office gateway the History tab lists the communications timeline. */
  office?: Pick<OfficeGateway, 'openMessage'>;
  requestMailboxConsent?: (challenge: MailboxChallenge) => Promise<boolean>;
  initialTab?: RecordTab;
  /** "Save to record" for the email open in Outlook, shared with the participant rows. */
  saveOpenEmail?: SaveOpenEmail;
  /** A saved email was removed from this record's History. */
  onEmailUnsaved?: (clientId: string, internetMessageId: string) => void;
}

export function RecordContainer({ api, clientId, office, requestMailboxConsent, initialTab, saveOpenEmail, onEmailUnsaved }: RecordContainerProps) {
  const { state, ...actions } = useClientRecord(api, clientId);
  // Once per record shown (and again when an address change makes the open email involve it).
  const involved = state.kind === 'ready' && !!saveOpenEmail?.save.canSave && involves(state.record, saveOpenEmail.participantAddresses);
  const checkSaved = saveOpenEmail?.checkSaved;
  useEffect(() => {
    if (!involved || !checkSaved) return;
    const controller = new AbortController();
    checkSaved(clientId, controller.signal);
    return () => controller.abort();
  }, [involved, checkSaved, clientId]);
  const timeline = office
    ? (record: ClientRecord) => (
        <HistoryTimeline
          api={api}
          office={office}
          clientId={record.id}
          requestMailboxConsent={requestMailboxConsent}
          onUnsaved={(item) => {
            if (item.internetMessageId) onEmailUnsaved?.(record.id, item.internetMessageId);
          }}
        />
      )
    : undefined;
  return (
    <ClientRecordView
      state={state}
      actions={actions}
      renderTimeline={timeline}
      renderIntake={(record) => <IntakeSection api={api} record={record} />}
      initialTab={initialTab}
      saveOpenEmail={saveOpenEmail}
    />
  );
}

// Several messages at once, and save on send's compose controls and report, ride in this lazy chunk: a chunk
// of their own made the bundler split the pane's first JavaScript in two (+1.8–2 KB gzip before the first
// paint, measured with rolldown 1.2).
export { MultiSaveContainer } from './MultiSaveContainer';
export { SaveOnSend } from './SaveOnSend';
export { SendSaveReport } from '../components/SendSaveReport';
export { ConversationOffer } from './ConversationOffer';

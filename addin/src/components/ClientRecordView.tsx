import { Caption1, makeStyles, Spinner, Tab, TabList, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { ClientRecord, FieldDefinition, FieldType, UpdateClientBody } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { ContactDetails } from './ContactDetails';
import { CustomFields } from './CustomFields';
import { ErrorBar } from './ErrorBar';
import { HistoryTab } from './HistoryTab';
import { RecordHeader } from './RecordHeader';
import { SaveToRecord, type SaveToRecordProps } from './SaveToRecord';

export type RecordState =
  | { kind: 'loading' }
  | { kind: 'ready'; record: ClientRecord; fields: FieldDefinition[] }
  | { kind: 'error'; error: unknown };

export interface RecordActions {
  reload(): Promise<void>;
  /** On a version conflict the record is reloaded first, then the error is passed on for the form to explain. */
  saveContact(changes: UpdateClientBody): Promise<ClientRecord>;
  setFieldValue(fieldId: string, value: string | number | null): Promise<ClientRecord>;
  addField(label: string, type: FieldType, value: string): Promise<ClientRecord>;
  unlinkEmail(address: string): Promise<ClientRecord>;
}

/** A touch screen no wider than a large phone (Outlook on iOS and Android shows the pane full screen). */
const phoneTabs = '@media (pointer: coarse) and (max-width: 480px)';

const useStyles = makeStyles({
  padded: { padding: tokens.spacingHorizontalM },
  // Wrap onto a second line rather than run out of a 170 px pane (200 % zoom).
  tabs: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    flexWrap: 'wrap',
    // On a phone the tabs sit at the bottom of the screen, within one thumb's reach, whatever is scrolled.
    [phoneTabs]: {
      position: 'fixed',
      left: 0,
      right: 0,
      bottom: 0,
      zIndex: 1,
      flexWrap: 'nowrap',
      padding: `0 0 env(safe-area-inset-bottom)`,
      borderBottom: 'none',
      borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
      backgroundColor: tokens.colorNeutralBackground1,
      '& [role="tab"]': { flexGrow: 1, flexBasis: 0, justifyContent: 'center', minHeight: '48px' },
    },
  },
  // Room under the record for the tabs fixed at the bottom.
  article: { [phoneTabs]: { paddingBottom: '64px' } },
  openEmail: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  calm: { color: tokens.colorNeutralForeground3 },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, paddingTop: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalL },
});

export type RecordTab = 'personal' | 'history' | 'intake';

/** Saving the email open in Outlook to this record: offered when one of its people is one of the record's addresses. */
export interface SaveOpenEmail {
  save: SaveToRecordProps;
  /** Every address on the open email (from, to, cc). */
  participantAddresses: string[];
  /** Asks the service whether the open email is on this record already. */
  checkSaved?: (clientId: string, signal: AbortSignal) => void;
}

export const involves = (record: ClientRecord, addresses: string[]) => {
  const people = new Set(addresses.map((a) => a.trim().toLowerCase()));
  return record.emails.some((e) => people.has(e.address.trim().toLowerCase()));
};

export interface ClientRecordViewProps {
  state: RecordState;
  actions: RecordActions;
  /** Filled by the history feature with the communication timeline for this record. */
  renderTimeline?: (record: ClientRecord) => ReactNode;
  /** Filled by the intake feature with the record's intake forms. */
  renderIntake?: (record: ClientRecord) => ReactNode;
  initialTab?: RecordTab;
  saveOpenEmail?: SaveOpenEmail;
}

export function ClientRecordView({ state, actions, renderTimeline, renderIntake, initialTab = 'personal', saveOpenEmail }: ClientRecordViewProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const [tab, setTab] = useState<RecordTab>(initialTab);

  if (state.kind === 'loading') {
    return <Spinner className={styles.padded} label={t('record.loading')} />;
  }
  if (state.kind === 'error') {
    return (
      <div className={styles.padded}>
        <ErrorBar error={state.error} onRetry={() => void actions.reload()} />
      </div>
    );
  }
  const { record, fields } = state;
  const offerSave = !!saveOpenEmail?.save.canSave && involves(record, saveOpenEmail.participantAddresses);
  return (
    // Focusable by the pane (not by Tab): it moves focus here after create and open.
    <article aria-label={record.displayName} tabIndex={-1} className={styles.article}>
      <RecordHeader record={record} onUnlinkEmail={actions.unlinkEmail}>
        {offerSave && (
          <div className={styles.openEmail} data-testid="save-open-email">
            <Caption1 className={styles.calm}>{t('record.openEmail')}</Caption1>
            <SaveToRecord match={{ clientId: record.id, displayName: record.displayName }} save={saveOpenEmail.save} />
          </div>
        )}
      </RecordHeader>
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, data) => setTab(data.value as RecordTab)}
        aria-label={t('record.tabsLabel')}
      >
        <Tab value="personal" id="tab-personal" aria-controls="panel-personal">{t('record.tab.personal')}</Tab>
        <Tab value="history" id="tab-history" aria-controls="panel-history">{t('record.tab.history')}</Tab>
        {renderIntake && (
          <Tab value="intake" id="tab-intake" aria-controls="panel-intake">{t('record.tab.intake')}</Tab>
        )}
      </TabList>
      {tab === 'personal' ? (
        <div role="tabpanel" id="panel-personal" aria-labelledby="tab-personal" className={styles.panel}>
          <ContactDetails record={record} onSave={actions.saveContact} />
          <CustomFields record={record} definitions={fields} onSetValue={actions.setFieldValue} onAddField={actions.addField} />
        </div>
      ) : tab === 'intake' && renderIntake ? (
        <div role="tabpanel" id="panel-intake" aria-labelledby="tab-intake" className={styles.panel}>
          {renderIntake(record)}
        </div>
      ) : (
        <div role="tabpanel" id="panel-history" aria-labelledby="tab-history" className={styles.panel}>
          <HistoryTab record={record} timeline={renderTimeline?.(record)} />
        </div>
      )}
    </article>
  );
}

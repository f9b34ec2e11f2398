import { Caption1, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ClientRecord } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { TextBadge } from './TextBadge';

const useStyles = makeStyles({
  tab: { padding: `0 ${tokens.spacingHorizontalM}`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  address: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', overflowWrap: 'anywhere' },
  note: { color: tokens.colorNeutralForeground3 },
});

export interface HistoryTabProps {
  record: ClientRecord;
  /**
   * The communication timeline (mailbox emails, saved emails, intakes). The history feature passes
   * it in; without it the tab says where the timeline comes from.
   */
  timeline?: ReactNode;
}

export function HistoryTab({ record, timeline }: HistoryTabProps) {
  const { t, formatDateTime } = useI18n();
  const styles = useStyles();
  // A colleague's name when the service knows it; never a bare user id.
  const who = (name: string | null | undefined) => name || t('history.unknownUser');

  return (
    <div className={styles.tab}>
      <section className={styles.section} aria-labelledby="history-timeline-heading">
        <Subtitle2 as="h3" id="history-timeline-heading">
          {t('history.timelineHeading')}
        </Subtitle2>
        {timeline ?? <Text className={styles.note}>{t('history.timelineNote')}</Text>}
      </section>
      <section className={styles.section} aria-labelledby="history-record-heading">
        <Subtitle2 as="h3" id="history-record-heading">
          {t('history.recordHeading')}
        </Subtitle2>
        <Text>{t('history.created', { date: formatDateTime(record.createdAt), user: who(record.createdByName) })}</Text>
        <Text>{t('history.updated', { date: formatDateTime(record.updatedAt), user: who(record.updatedByName) })}</Text>
      </section>
      <section className={styles.section} aria-labelledby="history-addresses-heading">
        <Subtitle2 as="h3" id="history-addresses-heading">
          {t('history.addressesHeading')}
        </Subtitle2>
        <ul className={styles.list}>
          {record.emails.map((email) => (
            <li key={email.address} className={styles.address}>
              <Caption1>{email.address}</Caption1>
              <TextBadge appearance="outline" color="brand" size="small">
                {email.kind === 'primary' ? t('record.primaryBadge') : email.label}
              </TextBadge>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

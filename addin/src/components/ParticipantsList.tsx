import { makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { MailRegular } from '@fluentui/react-icons';
import type { LookupMatch, Suggestion } from '../api/types';
import type { ResolvedParticipant } from '../participants/participantStatus';
import { useI18n } from '../i18n/I18nContext';
import { ErrorBar } from './ErrorBar';
import { ParticipantRow, type SaveToRecordProps } from './ParticipantRow';
import { LoadingPlaceholder } from './LoadingPlaceholder';

export type ParticipantsState =
  | { kind: 'loading' }
  | { kind: 'empty' }
  | { kind: 'ready'; participants: ResolvedParticipant[] }
  | { kind: 'error'; error: unknown };

const useStyles = makeStyles({
  heading: { display: 'block', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  calm: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXXL,
    color: tokens.colorNeutralForeground3,
    textAlign: 'center',
  },
  padded: { padding: tokens.spacingHorizontalM },
});

export interface ParticipantsListProps {
  state: ParticipantsState;
  onRetry: () => void;
  onOpenClient: (clientId: string) => void;
  onNewClient: (participant: ResolvedParticipant) => void;
  onLinkExisting: (participant: ResolvedParticipant) => void;
  onLinkSuggestion: (participant: ResolvedParticipant, suggestion: Suggestion) => Promise<void>;
  saveToRecord?: SaveToRecordProps;
  sendSaveFor?: (match: LookupMatch) => ReactNode;
  /** Below the list: compose mode's save-on-send default. */
  footer?: ReactNode;
}

export function ParticipantsList({ state, onRetry, footer, ...rowActions }: ParticipantsListProps) {
  const { t } = useI18n();
  const styles = useStyles();

  if (state.kind === 'empty') {
    return (
      <div className={styles.calm} role="status">
        <MailRegular fontSize={32} aria-hidden />
        <Text>{t('participants.empty')}</Text>
      </div>
    );
  }
  if (state.kind === 'error') {
    return (
      <div className={styles.padded}>
        <ErrorBar error={state.error} onRetry={onRetry} />
      </div>
    );
  }
  if (state.kind === 'loading') return <LoadingPlaceholder label={t('participants.loading')} />;
  return (
    <section aria-labelledby="participants-heading">
      <Subtitle2 as="h2" id="participants-heading" className={styles.heading}>
        {t('participants.heading')}
      </Subtitle2>
      {state.participants.length === 0 ? (
        <Text className={styles.calm}>{t('participants.none')}</Text>
      ) : (
        <ul className={styles.list} aria-label={t('participants.listLabel')}>
          {state.participants.map((participant) => (
            <ParticipantRow key={participant.emailAddress} participant={participant} {...rowActions} />
          ))}
        </ul>
      )}
      {footer}
    </section>
  );
}

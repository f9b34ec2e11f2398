import { Button, Caption1, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { LookupMatch, Suggestion } from '../api/types';
import type { ResolvedParticipant } from '../participants/participantStatus';
import { useI18n } from '../i18n/I18nContext';
import { Initials } from './Initials';
import { SaveToRecord, type SaveToRecordProps } from './SaveToRecord';
import { SuggestedClients } from './SuggestedClients';
import { TextBadge } from './TextBadge';

export type { SaveToRecordProps } from './SaveToRecord';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    // minmax(0, …): the text column shrinks to the pane (170 CSS px at 200 % zoom) and wraps, never widens it.
    gridTemplateColumns: 'auto minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  identity: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  // Wrapped, not cut with an ellipsis: the whole name stays readable in a narrow or zoomed pane.
  name: { overflowWrap: 'anywhere', flexGrow: 1, minWidth: 0 },
  // Fluent buttons keep their label on one line; in a narrow pane it wraps inside the button instead.
  action: { maxWidth: '100%', minWidth: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' },
  address: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  status: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
  choices: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyle: 'none', width: '100%' },
  choice: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  link: { textAlign: 'start', overflowWrap: 'anywhere' },
  details: { minWidth: 0 },
  calm: { color: tokens.colorNeutralForeground3 },
});

/** Says which of the client's addresses matched, when it is not the primary one. */
function MatchedAs({ match }: { match: LookupMatch }) {
  const { t } = useI18n();
  const styles = useStyles();
  if (match.matchedAs === 'primary') return null;
  return <Caption1 className={styles.calm}>{t('participants.matchedAs', { label: match.matchedAs })}</Caption1>;
}

const clientIdsOf = (status: ResolvedParticipant['status']) =>
  status.kind === 'client' ? status.match.clientId : status.kind === 'shared' ? status.matches.map((m) => m.clientId).join(' ') : undefined;

export interface ParticipantRowProps {
  participant: ResolvedParticipant;
  onOpenClient: (clientId: string) => void;
  onNewClient: (participant: ResolvedParticipant) => void;
  onLinkExisting: (participant: ResolvedParticipant) => void;
  /** One-click link of the participant's address to a suggested client. */
  onLinkSuggestion: (participant: ResolvedParticipant, suggestion: Suggestion) => Promise<void>;
  saveToRecord?: SaveToRecordProps;
  /** Compose mode: "Save to record when sent" for a client (loaded lazily, app/SaveOnSend.tsx). */
  sendSaveFor?: (match: LookupMatch) => ReactNode;
}

export function ParticipantRow({ participant, onOpenClient, onNewClient, onLinkExisting, onLinkSuggestion, saveToRecord, sendSaveFor }: ParticipantRowProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const { status, emailAddress } = participant;
  const shownName = participant.displayName || emailAddress;

  return (
    <li className={styles.row} aria-label={`${t(`participants.role.${participant.role}`)}: ${shownName}`} data-testid="participant" data-address={emailAddress} data-client-ids={clientIdsOf(status)}>
      <Initials name={participant.displayName} size="small" />
      <div className={styles.details}>
        <div className={styles.identity}>
          {/* Names come from email headers: React renders them as text, never as markup. */}
          <Text weight="semibold" className={styles.name} title={shownName}>
            {participant.displayName || t('participants.noName')}
          </Text>
          <TextBadge appearance="outline" color="informative" size="small">
            {t(`participants.role.${participant.role}`)}
          </TextBadge>
        </div>
        <Caption1 className={styles.address}>{emailAddress}</Caption1>
        <div className={styles.status}>
          {status.kind === 'client' && (
            <>
              <TextBadge appearance="tint" color="success">{t('participants.status.client')}</TextBadge>
              <Link className={styles.link} onClick={() => onOpenClient(status.match.clientId)}>
                {t('participants.openClient', { name: status.match.displayName })}
              </Link>
              <MatchedAs match={status.match} />
              {saveToRecord?.canSave && <SaveToRecord match={status.match} save={saveToRecord} />}
              {sendSaveFor?.(status.match)}
            </>
          )}
          {status.kind === 'shared' && (
            <>
              <TextBadge appearance="tint" color="warning">{t('participants.status.shared')}</TextBadge>
              <Caption1>{t('participants.sharedBy', { count: status.matches.length })}</Caption1>
              <ul className={styles.choices}>
                {status.matches.map((match) => (
                  <li key={match.clientId}>
                    <div className={styles.choice}>
                      <Link className={styles.link} onClick={() => onOpenClient(match.clientId)}>
                        {t('participants.openClient', { name: match.displayName })}
                      </Link>
                      <MatchedAs match={match} />
                    </div>
                    {saveToRecord?.canSave && (
                      <div className={styles.status}>
                        <SaveToRecord match={match} save={saveToRecord} />
                      </div>
                    )}
                    {sendSaveFor && <div className={styles.status}>{sendSaveFor(match)}</div>}
                  </li>
                ))}
              </ul>
            </>
          )}
          {status.kind === 'unknown' && status.checking && (
            <>
              <TextBadge appearance="tint" color="subtle">{t('participants.status.unknown')}</TextBadge>
              <Caption1 className={styles.calm}>{t('participants.status.checking')}</Caption1>
            </>
          )}
          {status.kind === 'colleague' && (
            <>
              <TextBadge appearance="tint" color="brand">{t('participants.status.colleague')}</TextBadge>
              <Caption1 className={styles.calm}>{t('participants.colleagueHint')}</Caption1>
            </>
          )}
          {status.kind === 'notTracked' && (
            <>
              <TextBadge appearance="tint" color="informative">{t('participants.status.notTracked')}</TextBadge>
              <Caption1 className={styles.calm}>{t('participants.notTrackedHint')}</Caption1>
            </>
          )}
          {status.kind === 'unknown' && !status.checking && (
            <>
              <TextBadge appearance="tint" color="subtle">{t('participants.status.unknown')}</TextBadge>
              <Button size="small" appearance="primary" className={styles.action} aria-label={t('participants.newClientFor', { address: emailAddress })} onClick={() => onNewClient(participant)}>
                {t('participants.newClient')}
              </Button>
              <Button size="small" className={styles.action} aria-label={t('participants.linkExistingFor', { address: emailAddress })} onClick={() => onLinkExisting(participant)}>
                {t('participants.linkExisting')}
              </Button>
              <SuggestedClients address={emailAddress} suggestions={status.suggestions} onLink={(suggestion) => onLinkSuggestion(participant, suggestion)} />
            </>
          )}
          {status.kind === 'invalid' && <Caption1 className={styles.calm}>{t('participants.status.invalid')}</Caption1>}
        </div>
      </div>
    </li>
  );
}

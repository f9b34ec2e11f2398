import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Intake, IntakeAnswer, IntakeDeliveryProblem, IntakeStatus } from '../api/types';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/I18nContext';
import { answerText } from '../intake/answerText';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorBar } from './ErrorBar';
import { IntakeLink, type CopyText } from './IntakeLink';
import { TextBadge, type TextBadgeLook } from './TextBadge';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: `0 ${tokens.spacingHorizontalM}` },
  headingRow: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalS} 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  name: { overflowWrap: 'anywhere' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  calm: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  reason: { overflowWrap: 'anywhere' },
  answers: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
  section: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  term: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  value: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

const statusColor: Record<IntakeStatus, Extract<TextBadgeLook, { appearance: 'tint' }>['color']> = {
  sending: 'informative',
  notSent: 'danger',
  sent: 'informative',
  opened: 'warning',
  completed: 'success',
  revoked: 'subtle',
  expired: 'subtle',
};

/** A link handed out instead of emailed has no "Sent" to show. */
const statusKey = (intake: Intake): MessageKey =>
  intake.status === 'sent' && intake.delivery === 'manual' ? 'intakes.status.linkCreated' : `intakes.status.${intake.status}`;

/** Why a send failed, in words; no problem recorded means it was still pending long after it began. */
const notSentReasonKey = (problem: IntakeDeliveryProblem | null): MessageKey => {
  if (problem === 'mail-consent-required') return 'intakes.notSent.consent';
  if (problem === 'mail-unavailable') return 'intakes.notSent.unavailable';
  return 'intakes.notSent.unknown';
};

export type AnswersState = { kind: 'loading' } | { kind: 'ready'; intake: Intake } | { kind: 'error'; error: unknown };

export interface IntakeListProps {
  intakes: Intake[] | null;
  loadError: unknown;
  actionError: unknown;
  notice: string | null;
  onRetry: () => void;
  onSend: () => void;
  onResend: (intake: Intake) => void;
  onRevoke: (intake: Intake) => void;
  answers: Record<string, AnswersState | undefined>;
  onToggleAnswers: (intake: Intake) => void;
  /** For the link of an intake that was not emailed (manual delivery), shown right after sending. */
  copyText: CopyText | null;
}

export function IntakeList({ intakes, loadError, actionError, notice, onRetry, onSend, onResend, onRevoke, answers, onToggleAnswers, copyText }: IntakeListProps) {
  const { t, formatDateTime } = useI18n();
  const styles = useStyles();
  const [confirming, setConfirming] = useState<Intake | null>(null);

  return (
    <section className={styles.root} aria-labelledby="intakes-heading">
      <div className={styles.headingRow}>
        <Subtitle2 as="h3" id="intakes-heading">
          {t('intakes.heading')}
        </Subtitle2>
        <Button size="small" appearance="primary" onClick={onSend}>
          {t('intake.send')}
        </Button>
      </div>
      {notice && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {actionError !== null && <ErrorBar error={actionError} />}
      {loadError !== null ? (
        <ErrorBar error={loadError} onRetry={onRetry} />
      ) : intakes === null ? (
        <Spinner size="small" label={t('app.loading')} />
      ) : intakes.length === 0 ? (
        <Text className={styles.calm}>{t('intakes.none')}</Text>
      ) : (
        <ul className={styles.list} aria-label={t('intakes.listLabel')}>
          {intakes.map((intake) => {
            const shown = answers[intake.id];
            const resendable = intake.status === 'sent' || intake.status === 'opened' || intake.status === 'expired' || intake.status === 'revoked';
            const revocable = intake.status === 'sent' || intake.status === 'opened' || intake.status === 'notSent';
            const caption =
              intake.status === 'sending' || intake.status === 'notSent'
                ? t('intakes.sendStartedOn', { date: formatDateTime(intake.sentAt), address: intake.sentTo })
                : intake.delivery === 'manual'
                  ? t('intakes.linkCreatedOn', { date: formatDateTime(intake.sentAt), address: intake.sentTo })
                  : t('intakes.sentOn', { date: formatDateTime(intake.sentAt), address: intake.sentTo });
            return (
              <li key={intake.id} className={styles.item} aria-label={intake.templateName} data-testid="intake" data-status={intake.status}>
                <div className={styles.line}>
                  <Text weight="semibold" className={styles.name}>
                    {intake.templateName}
                  </Text>
                  <TextBadge appearance="tint" color={statusColor[intake.status] ?? 'informative'}>
                    {t(statusKey(intake))}
                  </TextBadge>
                </div>
                <Caption1 className={styles.calm}>{caption}</Caption1>
                {intake.status === 'notSent' && <Text className={styles.reason}>{t(notSentReasonKey(intake.deliveryProblem))}</Text>}
                {intake.completedAt && <Caption1 className={styles.calm}>{t('intakes.completedOn', { date: formatDateTime(intake.completedAt) })}</Caption1>}
                <div className={styles.actions}>
                  {intake.status === 'completed' && (
                    <Button size="small" aria-expanded={!!shown} onClick={() => onToggleAnswers(intake)}>
                      {shown ? t('intakes.hideAnswers') : t('intakes.viewAnswers')}
                    </Button>
                  )}
                  {intake.status === 'notSent' && (
                    <Button size="small" appearance="primary" onClick={() => onResend(intake)}>
                      {t('intakes.sendAgain')}
                    </Button>
                  )}
                  {resendable && (
                    <Button size="small" onClick={() => onResend(intake)}>
                      {intake.delivery === 'manual' ? t('intakes.newLink') : t('intakes.resend')}
                    </Button>
                  )}
                  {revocable && (
                    <Button size="small" onClick={() => setConfirming(intake)}>
                      {t('intakes.revoke')}
                    </Button>
                  )}
                </div>
                {intake.link && <IntakeLink link={intake.link} address={intake.sentTo} copyText={copyText} />}
                {shown && <IntakeAnswers state={shown} onRetry={() => onToggleAnswers(intake)} />}
              </li>
            );
          })}
        </ul>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={t('intakes.revokeTitle')}
        body={t('intakes.revokeBody', { address: confirming?.sentTo ?? '' })}
        confirmLabel={t('intakes.revoke')}
        onConfirm={() => {
          if (confirming) onRevoke(confirming);
          setConfirming(null);
        }}
        onCancel={() => setConfirming(null)}
      />
    </section>
  );
}

/** Sections in form order; every answer is text (React escapes it), never applied to the record. */
export function groupAnswers(answers: IntakeAnswer[]): { section: string; answers: IntakeAnswer[] }[] {
  const groups: { section: string; answers: IntakeAnswer[] }[] = [];
  for (const answer of answers) {
    const last = groups[groups.length - 1];
    if (last && last.section === answer.section) last.answers.push(answer);
    else groups.push({ section: answer.section, answers: [answer] });
  }
  return groups;
}

function IntakeAnswers({ state, onRetry }: { state: AnswersState; onRetry: () => void }) {
  const translator = useI18n();
  const { t } = translator;
  const styles = useStyles();
  if (state.kind === 'loading') return <Spinner size="tiny" label={t('app.loading')} />;
  if (state.kind === 'error') return <ErrorBar error={state.error} onRetry={onRetry} />;
  return (
    <div className={styles.answers} role="region" aria-label={t('intakes.answersHeading')}>
      <Caption1 className={styles.calm}>{t('intakes.answersNote')}</Caption1>
      {groupAnswers(state.intake.answers ?? []).map((group) => (
        <section key={group.section} aria-label={group.section}>
          <Subtitle2 as="h4">{group.section}</Subtitle2>
          <dl className={styles.section}>
            {group.answers.map((answer) => (
              <div key={answer.questionId}>
                <dt className={styles.term}>{answer.question}</dt>
                <dd className={styles.value}>{answerText(answer, translator)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

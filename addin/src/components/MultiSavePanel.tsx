import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { statusOf, summarize, type EmailOutcome } from '../multiSave/outcomes';
import type { MultiSaveTranslator } from '../i18n/multiSave';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  // Fluent buttons keep their label on one line; in a narrow pane it wraps inside the button instead.
  action: { maxWidth: '100%', height: 'auto', whiteSpace: 'normal' },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
  saved: { color: tokens.colorPaletteGreenForeground1 },
  alreadySaved: { color: tokens.colorNeutralForeground2 },
  notSaved: { color: tokens.colorPaletteRedForeground1 },
});

export type MultiSaveState = { kind: 'idle' } | { kind: 'saving'; done: number } | { kind: 'done'; outcomes: EmailOutcome[] };

export interface MultiSavePanelProps {
  count: number;
  state: MultiSaveState;
  onSave: () => void;
  translator: MultiSaveTranslator;
  /** The pane's words for a failure (by problem code). */
  reasonOf: (error: unknown) => string;
}

/** The lines under one email: per client, or why it was not saved at all. */
function outcomeLines(outcome: EmailOutcome, t: MultiSaveTranslator['t'], reasonOf: (error: unknown) => string): string[] {
  switch (outcome.kind) {
    case 'draft':
      return [t('multi.draft')];
    case 'unreadable':
      return [t('multi.unreadable', { reason: reasonOf(outcome.error) })];
    case 'unknownOnly':
      return [t('multi.unknownOnly')];
    case 'failed':
      return [t('multi.failed', { reason: reasonOf(outcome.error) })];
    case 'clients':
      return outcome.clients.map((c) =>
        c.kind === 'failed' ? t('multi.client.failed', { name: c.name, reason: reasonOf(c.error) }) : t(`multi.client.${c.kind}`, { name: c.name }),
      );
  }
}

/** Several messages selected: save them all to their clients' records, then what was saved and what was not, and why. */
export function MultiSavePanel({ count, state, onSave, translator, reasonOf }: MultiSavePanelProps) {
  const styles = useStyles();
  const { t } = translator;
  const summary = state.kind === 'done' ? summarize(state.outcomes) : null;
  const summaryText = summary
    ? translator.formatList(
        (['saved', 'alreadySaved', 'notSaved'] as const).filter((k) => summary[k] > 0).map((k) => t(`multi.summary.${k}`, { count: summary[k] })),
      )
    : '';
  return (
    <section className={styles.panel} aria-labelledby="multi-save-heading" data-testid="multi-save">
      <Text as="h2" id="multi-save-heading" weight="semibold" size={400} className={styles.heading}>
        {t('multi.heading', { count })}
      </Text>
      <Text as="p" className={styles.heading}>{t('multi.intro')}</Text>
      <Button appearance="primary" className={styles.action} disabled={state.kind === 'saving'} onClick={onSave}>
        {t('multi.save', { count })}
      </Button>
      <Text role="status" aria-live="polite" weight={summary ? 'semibold' : 'regular'}>
        {state.kind === 'saving' ? t('multi.saving', { done: state.done, count }) : summaryText}
      </Text>
      {state.kind === 'done' && (
        <>
          <Text as="h3" weight="semibold" className={styles.heading}>
            {t('multi.summaryHeading')}
          </Text>
          <ul className={styles.list} aria-label={t('multi.results')}>
            {state.outcomes.map((outcome) => {
              const status = statusOf(outcome);
              const subject = outcome.subject || t('multi.noSubject');
              return (
                <li key={outcome.itemId} className={styles.item} aria-label={`${subject}: ${t(`multi.status.${status}`)}`} data-testid="multi-save-result">
                  <Text weight="semibold">{subject}</Text>
                  <Text size={200} className={styles[status]}>
                    {t(`multi.status.${status}`)}
                  </Text>
                  {outcomeLines(outcome, t, reasonOf).map((line) => (
                    <Text size={200} key={line}>
                      {line}
                    </Text>
                  ))}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

import {
  Button,
  Caption1,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { BookmarkRegular, MailInboxRegular, OpenRegular, PersonNoteRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { HistoryItem } from '../api/types';
import type { HistoryState } from '../app/useHistory';
import { eventSentence, groupByDay, timeOfDay } from '../history/timelineText';
import { useI18n } from '../i18n/I18nContext';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  day: { margin: 0, padding: 0, listStyle: 'none' },
  dayHeading: {
    display: 'block',
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightSemibold,
  },
  item: {
    display: 'grid',
    gridTemplateColumns: '20px minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  icon: { fontSize: '20px', color: tokens.colorNeutralForeground3, marginTop: '2px' },
  body: { display: 'flex', flexDirection: 'column', minWidth: 0, gap: tokens.spacingVerticalXXS },
  line: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'baseline', minWidth: 0 },
  sender: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', flexGrow: 1, minWidth: 0 },
  time: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
  subject: { overflowWrap: 'anywhere' },
  // Takes the line's free space, so an event's time sits at the right edge like an email's.
  eventSentence: { overflowWrap: 'anywhere', flexGrow: 1, minWidth: 0 },
  preview: {
    color: tokens.colorNeutralForeground3,
    overflowWrap: 'anywhere',
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  calm: { color: tokens.colorNeutralForeground3 },
  more: { display: 'flex', justifyContent: 'center', padding: tokens.spacingVerticalS },
});

export interface TimelineProps {
  state: HistoryState;
  onRetry: () => void;
  onLoadMore: () => void;
  onOpenInOutlook: (itemId: string) => void;
  onUnsave: (item: HistoryItem) => Promise<void>;
  /** Asks the user for mailbox access (Entra); resolves false where that is not possible (Development). */
  onGrantAccess?: () => Promise<boolean>;
  now?: Date;
}

const kindIcon = {
  'mailbox-email': MailInboxRegular,
  'saved-email': BookmarkRegular,
  event: PersonNoteRegular,
} as const;

export function Timeline({ state, onRetry, onLoadMore, onOpenInOutlook, onUnsave, onGrantAccess, now = new Date() }: TimelineProps) {
  const translator = useI18n();
  const { t, locale } = translator;
  const styles = useStyles();
  const sentinel = useRef<HTMLDivElement | null>(null);
  const [confirming, setConfirming] = useState<HistoryItem | null>(null);
  const [unsaveError, setUnsaveError] = useState<unknown>(null);
  const [consentNote, setConsentNote] = useState(false);
  const hasMore = state.kind === 'ready' && !!state.nextCursor;

  // Scrolling the sentinel into view loads the next page; the button below does the same by keyboard.
  useEffect(() => {
    const target = sentinel.current;
    if (!hasMore || !target || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) onLoadMore();
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasMore, onLoadMore, state]);

  if (state.kind === 'loading') return <Spinner size="small" label={t('timeline.loading')} />;
  if (state.kind === 'error') return <ErrorBar error={state.error} onRetry={onRetry} />;

  const groups = groupByDay(state.items, now, translator);
  const confirmUnsave = async () => {
    const item = confirming;
    setConfirming(null);
    if (!item) return;
    try {
      setUnsaveError(null);
      await onUnsave(item);
    } catch (error) {
      setUnsaveError(error);
    }
  };
  const grantAccess = async () => {
    const granted = (await onGrantAccess?.()) ?? false;
    if (granted) onRetry();
    else setConsentNote(true);
  };

  return (
    <div className={styles.root}>
      {state.mailbox === 'unavailable' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('timeline.mailboxUnavailable')}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.mailbox === 'consent-required' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {t('timeline.mailboxConsent')}
            {consentNote && <> {t('timeline.consentDevelopment')}</>}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void grantAccess()}>
              {t('timeline.grantAccess')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.mailbox === 'not-connected' && <Caption1 className={styles.calm}>{t('timeline.notConnected')}</Caption1>}
      {unsaveError !== null && <ErrorBar error={unsaveError} />}

      {groups.length === 0 ? (
        <Text className={styles.calm}>{t('timeline.empty')}</Text>
      ) : (
        <div role="feed" aria-label={t('timeline.label')} aria-busy={state.loadingMore}>
          {groups.map((group) => (
            <section key={group.key} aria-label={group.label}>
              <Caption1 as="h4" className={styles.dayHeading}>
                {group.label}
              </Caption1>
              <ul className={styles.day}>
                {group.items.map((item) => (
                  <TimelineEntry
                    key={item.id}
                    item={item}
                    time={timeOfDay(item.occurredAt, locale)}
                    onOpenInOutlook={onOpenInOutlook}
                    onUnsave={() => setConfirming(item)}
                  />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}

      {state.moreError !== null && <ErrorBar error={state.moreError} onRetry={onLoadMore} />}
      {hasMore && (
        <div className={styles.more} ref={sentinel}>
          {state.loadingMore ? (
            <Spinner size="tiny" label={t('timeline.loadingMore')} />
          ) : (
            <Button size="small" onClick={onLoadMore}>
              {t('timeline.loadMore')}
            </Button>
          )}
        </div>
      )}

      <ConfirmDialog
        open={confirming !== null}
        title={t('timeline.unsaveTitle')}
        body={t('timeline.unsaveBody', { subject: confirming?.subject || t('timeline.noSubject') })}
        confirmLabel={t('timeline.unsaveConfirm')}
        onConfirm={() => void confirmUnsave()}
        onCancel={() => setConfirming(null)}
      />
    </div>
  );
}

function TimelineEntry({
  item,
  time,
  onOpenInOutlook,
  onUnsave,
}: {
  item: HistoryItem;
  time: string;
  onOpenInOutlook: (itemId: string) => void;
  onUnsave: () => void;
}) {
  const translator = useI18n();
  const { t } = translator;
  const styles = useStyles();
  const Icon = kindIcon[item.kind] ?? PersonNoteRegular;
  const kindLabel = t(`timeline.kind.${item.kind}`);

  if (item.kind === 'event' && item.event) {
    return (
      <li className={styles.item} data-testid="timeline-item" data-kind={item.kind}>
        <Icon className={styles.icon} aria-label={kindLabel} role="img" />
        <div className={styles.body}>
          <div className={styles.line}>
            <Text className={styles.eventSentence}>{eventSentence(item.event, translator)}</Text>
            <Caption1 className={styles.time}>{time}</Caption1>
          </div>
          {item.actorName && <Caption1 className={styles.calm}>{t('timeline.byActor', { name: item.actorName })}</Caption1>}
        </div>
      </li>
    );
  }

  const sender = item.from ? item.from.name || item.from.address : '';
  const subject = item.subject || t('timeline.noSubject');
  return (
    <li className={styles.item} data-testid="timeline-item" data-kind={item.kind} aria-label={`${kindLabel}: ${subject}`}>
      <Icon className={styles.icon} aria-label={kindLabel} role="img" />
      <div className={styles.body}>
        <div className={styles.line}>
          {/* Sender, subject and preview come from email: React renders them as text, never markup. */}
          <Text weight="semibold" className={styles.sender} title={item.from?.address}>
            {sender}
          </Text>
          <Caption1 className={styles.time}>{time}</Caption1>
        </div>
        <Text className={styles.subject}>{subject}</Text>
        {item.preview && <Caption1 className={styles.preview}>{item.preview}</Caption1>}
        <div className={styles.actions}>
          {item.kind === 'saved-email' && (
            <Caption1 className={styles.calm}>
              {item.actorName ? t('timeline.savedBy', { name: item.actorName }) : t('timeline.savedByTeam')}
            </Caption1>
          )}
          {item.itemId && (item.kind === 'mailbox-email' || item.inMailbox) && (
            <Link as="button" onClick={() => onOpenInOutlook(item.itemId!)}>
              <OpenRegular aria-hidden /> {t('timeline.openInOutlook')}
            </Link>
          )}
          {item.kind === 'saved-email' && item.savedEmailId && (
            <Link as="button" onClick={onUnsave}>
              {t('timeline.unsave')}
            </Link>
          )}
        </div>
      </div>
    </li>
  );
}

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
import { ArrowDownloadRegular, BookmarkRegular, MailInboxRegular, OpenRegular, PersonNoteRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { HistoryAttachment, HistoryItem, MailboxChallenge, MailboxSource } from '../api/types';
import { formatFileSize } from '../history/fileSize';
import { eventSentence, groupByDay, timeOfDay } from '../history/timelineText';
import { useI18n } from '../i18n/I18nContext';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorBar } from './ErrorBar';

export type HistoryState =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | {
      kind: 'ready';
      items: HistoryItem[];
      nextCursor: string | null;
      mailbox: MailboxSource;
      challenge: MailboxChallenge | null;
      loadingMore: boolean;
      moreError: unknown;
    };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  article: {
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
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
  line: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'baseline', minWidth: 0 },
  // Wrapped, never cut: a zoomed pane or wider text spacing must not hide a name or a preview.
  sender: { overflowWrap: 'anywhere', flexGrow: 1, minWidth: 0 },
  time: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
  subject: { overflowWrap: 'anywhere' },
  // Takes the line's free space, so an event's time sits at the right edge like an email's.
  eventSentence: { overflowWrap: 'anywhere', flexGrow: 1, minWidth: 0 },
  // Shown whole (the service keeps at most 300 characters).
  preview: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  calm: { color: tokens.colorNeutralForeground3 },
  more: { display: 'flex', justifyContent: 'center', padding: tokens.spacingVerticalS },
  attachments: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  attachmentName: { overflowWrap: 'anywhere' },
});

export interface TimelineProps {
  state: HistoryState;
  onRetry: () => void;
  onLoadMore: () => void;
  onOpenInOutlook: (itemId: string) => void;
  onUnsave: (item: HistoryItem) => Promise<void>;
  /** Downloads a stored attachment of a saved email (as a file to save, never shown in the pane). */
  onDownloadAttachment?: (item: HistoryItem, attachment: HistoryAttachment) => Promise<void>;
  /** Asks the user for mailbox access (Entra); resolves false where that is not possible (Development). */
  onGrantAccess?: () => Promise<boolean>;
  now?: Date;
}

const kindIcon = {
  'mailbox-email': MailInboxRegular,
  'saved-email': BookmarkRegular,
  event: PersonNoteRegular,
} as const;

export function Timeline({ state, onRetry, onLoadMore, onOpenInOutlook, onUnsave, onDownloadAttachment, onGrantAccess, now = new Date() }: TimelineProps) {
  const translator = useI18n();
  const { t, locale } = translator;
  const styles = useStyles();
  const sentinel = useRef<HTMLDivElement | null>(null);
  const [confirming, setConfirming] = useState<HistoryItem | null>(null);
  const [unsaveError, setUnsaveError] = useState<unknown>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
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
  let positionInFeed = 0;
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
  const download = async (item: HistoryItem, attachment: HistoryAttachment) => {
    try {
      setDownloadError(null);
      await onDownloadAttachment?.(item, attachment);
    } catch (error) {
      setDownloadError(error);
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
      {downloadError !== null && <ErrorBar error={downloadError} />}

      {groups.length === 0 ? (
        <Text className={styles.calm}>{t('timeline.empty')}</Text>
      ) : (
        // A feed of articles (WAI-ARIA feed pattern): a screen reader moves through it item by item, and
        // Page Down / Page Up move focus from one article to the next. Each day's heading opens its first article.
        <div role="feed" aria-label={t('timeline.label')} aria-busy={state.loadingMore} onKeyDown={moveBetweenArticles}>
          {groups.flatMap((group) =>
            group.items.map((item, index) => {
              const position = ++positionInFeed;
              return (
                <TimelineEntry
                  key={item.id}
                  item={item}
                  day={group.label}
                  dayHeading={index === 0}
                  position={position}
                  setSize={hasMore ? -1 : state.items.length}
                  time={timeOfDay(item.occurredAt, locale)}
                  onOpenInOutlook={onOpenInOutlook}
                  onUnsave={() => setConfirming(item)}
                  onDownload={onDownloadAttachment ? (attachment) => void download(item, attachment) : undefined}
                />
              );
            }),
          )}
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

/** Page Down / Page Up (and arrows on an article itself) move focus between the feed's articles. */
function moveBetweenArticles(event: KeyboardEvent<HTMLElement>) {
  const onArticle = (event.target as HTMLElement).tagName === 'ARTICLE';
  const step =
    event.key === 'PageDown' || (onArticle && event.key === 'ArrowDown') ? 1 : event.key === 'PageUp' || (onArticle && event.key === 'ArrowUp') ? -1 : 0;
  if (step === 0) return;
  const articles = [...event.currentTarget.querySelectorAll<HTMLElement>(':scope > article')];
  const current = articles.findIndex((article) => article.contains(event.target as Node));
  const next = articles[current + step];
  if (!next) return;
  event.preventDefault();
  next.focus();
}

function TimelineEntry({
  item,
  day,
  dayHeading,
  position,
  setSize,
  time,
  onOpenInOutlook,
  onUnsave,
  onDownload,
}: {
  item: HistoryItem;
  day: string;
  /** The first item of its day carries the day's heading. */
  dayHeading: boolean;
  position: number;
  setSize: number;
  time: string;
  onOpenInOutlook: (itemId: string) => void;
  onUnsave: () => void;
  onDownload?: (attachment: HistoryAttachment) => void;
}) {
  const translator = useI18n();
  const { t } = translator;
  const styles = useStyles();
  const Icon = kindIcon[item.kind] ?? PersonNoteRegular;
  const kindLabel = t(`timeline.kind.${item.kind}`);
  const isEvent = item.kind === 'event' && !!item.event;
  const sentence = isEvent ? eventSentence(item.event!, translator) : '';
  const subject = item.subject || t('timeline.noSubject');

  return (
    <article
      className={styles.article}
      data-testid="timeline-item"
      data-kind={item.kind}
      aria-label={`${isEvent ? sentence : `${kindLabel}: ${subject}`} · ${day} ${time}`}
      aria-posinset={position}
      aria-setsize={setSize}
      // Reachable by Page Down / Page Up from a neighbour, not by Tab (its actions are).
      tabIndex={-1}
    >
      {dayHeading && (
        <Caption1 as="h4" className={styles.dayHeading}>
          {day}
        </Caption1>
      )}
      <div className={styles.item}>{isEvent ? <EventBody item={item} sentence={sentence} time={time} Icon={Icon} kindLabel={kindLabel} /> : <EmailBody item={item} subject={subject} time={time} Icon={Icon} kindLabel={kindLabel} onOpenInOutlook={onOpenInOutlook} onUnsave={onUnsave} onDownload={onDownload} />}</div>
    </article>
  );
}

interface BodyProps {
  item: HistoryItem;
  time: string;
  Icon: (typeof kindIcon)[keyof typeof kindIcon];
  kindLabel: string;
}

function EventBody({ item, sentence, time, Icon, kindLabel }: BodyProps & { sentence: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <>
      <Icon className={styles.icon} aria-label={kindLabel} role="img" />
      <div className={styles.body}>
        <div className={styles.line}>
          <Text className={styles.eventSentence}>{sentence}</Text>
          <Caption1 className={styles.time} data-testid="timeline-time">{time}</Caption1>
        </div>
        {item.actorName && <Caption1 className={styles.calm}>{t('timeline.byActor', { name: item.actorName })}</Caption1>}
      </div>
    </>
  );
}

function EmailBody({
  item,
  subject,
  time,
  Icon,
  kindLabel,
  onOpenInOutlook,
  onUnsave,
  onDownload,
}: BodyProps & { subject: string; onOpenInOutlook: (itemId: string) => void; onUnsave: () => void; onDownload?: (attachment: HistoryAttachment) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const sender = item.from ? item.from.name || item.from.address : '';
  return (
    <>
      <Icon className={styles.icon} aria-label={kindLabel} role="img" />
      <div className={styles.body}>
        <div className={styles.line}>
          {/* Sender, subject and preview come from email: React renders them as text, never markup. */}
          <Text weight="semibold" className={styles.sender} title={item.from?.address}>
            {sender}
          </Text>
          <Caption1 className={styles.time} data-testid="timeline-time">{time}</Caption1>
        </div>
        <Text className={styles.subject}>{subject}</Text>
        {item.preview && <Caption1 className={styles.preview}>{item.preview}</Caption1>}
        {item.attachments && item.attachments.length > 0 && <AttachmentList attachments={item.attachments} onDownload={onDownload} />}
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
    </>
  );
}

/** A saved email's attachments: stored ones download as files; skipped ones say why. Names are the sender's, shown as text. */
function AttachmentList({ attachments, onDownload }: { attachments: HistoryAttachment[]; onDownload?: (attachment: HistoryAttachment) => void }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  return (
    <ul className={styles.attachments} aria-label={t('timeline.attachments')} data-testid="timeline-attachments">
      {attachments.map((attachment) => {
        const size = formatFileSize(attachment.size, locale);
        return (
          <li key={attachment.id}>
            {attachment.skipReason === null && onDownload ? (
              <Link as="button" onClick={() => onDownload(attachment)} aria-label={t('timeline.downloadAttachment', { name: attachment.name, size })}>
                <ArrowDownloadRegular aria-hidden /> <span className={styles.attachmentName}>{attachment.name}</span> ({size})
              </Link>
            ) : (
              <Caption1 className={styles.calm}>
                <span className={styles.attachmentName}>{attachment.name}</span> ({size})
                {attachment.skipReason !== null && <> · {t(`timeline.attachmentSkipped.${attachment.skipReason}`)}</>}
              </Caption1>
            )}
          </li>
        );
      })}
    </ul>
  );
}

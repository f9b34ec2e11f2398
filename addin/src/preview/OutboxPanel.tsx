import { Button, Caption1, Link, makeStyles, Spinner, Subtitle1, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { PreviewTranslator } from './previewCatalog';
import type { OutboxMessage } from './previewApi';

const useStyles = makeStyles({
  panel: { flexGrow: 1, minWidth: 0, overflowY: 'auto', padding: tokens.spacingHorizontalXL, backgroundColor: tokens.colorNeutralBackground1 },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  message: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalM, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  body: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
  calm: { color: tokens.colorNeutralForeground3 },
});

/** Development only: the intake emails the service would have sent, so the whole flow can be tried in a browser. */
export function OutboxPanel({
  loadOutbox,
  onClose,
  translator,
}: {
  loadOutbox: () => Promise<OutboxMessage[]>;
  onClose: () => void;
  translator: PreviewTranslator;
}) {
  const styles = useStyles();
  const { t, formatDateTime } = translator;
  const [messages, setMessages] = useState<OutboxMessage[] | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    setFailed(false);
    try {
      setMessages(await loadOutbox());
    } catch {
      setFailed(true);
    }
  }, [loadOutbox]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className={styles.panel} aria-label={t('preview.outbox')}>
      <div className={styles.header}>
        <Subtitle1 as="h2">{t('preview.outbox')}</Subtitle1>
        <Button size="small" onClick={() => void load()}>
          {t('preview.outbox.refresh')}
        </Button>
        <Button size="small" onClick={onClose}>
          {t('preview.outbox.close')}
        </Button>
      </div>
      {failed && <Text role="alert">{t('preview.outbox.failed')}</Text>}
      {!failed && messages === null && <Spinner size="small" label={t('preview.outbox.loading')} />}
      {messages?.length === 0 && <Text className={styles.calm}>{t('preview.outbox.empty')}</Text>}
      {messages && messages.length > 0 && (
        <ul className={styles.list}>
          {messages.map((message) => (
            <li key={message.id} className={styles.message} aria-label={t('preview.outbox.item', { subject: message.subject, to: message.to })} data-testid="outbox-message">
              <Subtitle2 as="h3">{message.subject}</Subtitle2>
              <Caption1>
                {t('preview.outbox.sent', { to: message.to, date: formatDateTime(message.sentAt) })}
              </Caption1>
              <Text as="p" className={styles.body}>
                {message.body}
              </Text>
              <Link href={message.link} target="_blank" rel="noopener noreferrer">
                {t('preview.outbox.openForm')}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

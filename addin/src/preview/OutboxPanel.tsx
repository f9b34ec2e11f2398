import { Button, Caption1, Link, makeStyles, Spinner, Subtitle1, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';

/** An email the Development service "sent" (GET /dev/outbox). */
export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  body: string;
  link: string;
  sentAt: string;
}

const useStyles = makeStyles({
  panel: { flexGrow: 1, minWidth: 0, overflowY: 'auto', padding: tokens.spacingHorizontalXL, backgroundColor: tokens.colorNeutralBackground1 },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  message: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalM, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  body: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
  calm: { color: tokens.colorNeutralForeground3 },
});

/** Development only: the intake emails the service would have sent, so the whole flow can be tried in a browser. */
export function OutboxPanel({ onClose }: { onClose: () => void }) {
  const styles = useStyles();
  const [messages, setMessages] = useState<OutboxMessage[] | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    setFailed(false);
    try {
      const response = await fetch('/dev/outbox', { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(String(response.status));
      setMessages(((await response.json()) as { items: OutboxMessage[] }).items);
    } catch {
      setFailed(true);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className={styles.panel} aria-label="Outbox">
      <div className={styles.header}>
        <Subtitle1 as="h2">Outbox</Subtitle1>
        <Button size="small" onClick={() => void load()}>
          Refresh
        </Button>
        <Button size="small" onClick={onClose}>
          Close outbox
        </Button>
      </div>
      {failed && <Text role="alert">The outbox could not be read. Is the service running in Development?</Text>}
      {!failed && messages === null && <Spinner size="small" label="Loading the outbox…" />}
      {messages?.length === 0 && <Text className={styles.calm}>No emails sent yet. Send an intake form from the pane.</Text>}
      {messages && messages.length > 0 && (
        <ul className={styles.list}>
          {messages.map((message) => (
            <li key={message.id} className={styles.message} aria-label={`${message.subject} to ${message.to}`} data-testid="outbox-message">
              <Subtitle2 as="h3">{message.subject}</Subtitle2>
              <Caption1>
                To {message.to} · {new Date(message.sentAt).toLocaleString()}
              </Caption1>
              <Text as="p" className={styles.body}>
                {message.body}
              </Text>
              <Link href={message.link} target="_blank" rel="noopener noreferrer">
                Open the intake form
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

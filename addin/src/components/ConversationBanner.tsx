import { Button, Caption1, makeStyles, Switch, Text, tokens } from '@fluentui/react-components';
import { BookmarkRegular, CheckmarkRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import type { ConversationClient } from '../api/types';
import type { SaveState } from './SaveToRecord';
import { useI18n } from '../i18n/I18nContext';
import { errorMessageKey } from './errorMessage';

const useStyles = makeStyles({
  banner: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  client: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  text: { overflowWrap: 'anywhere' },
  // Labels wrap inside the button in a narrow pane (touch sizes: touchTargets.css).
  action: { maxWidth: '100%', minWidth: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' },
  saved: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, color: tokens.colorPaletteGreenForeground1 },
  error: { color: tokens.colorPaletteRedForeground1, width: '100%' },
  switch: { maxWidth: '100%', minWidth: 0, '& label': { overflowWrap: 'anywhere' } },
});

export interface ConversationBannerProps {
  clients: ConversationClient[];
  states: Record<string, SaveState | undefined>;
  /** The user's setting; null until it is known. */
  automatic: boolean | null;
  /** The email was saved without a click (the setting was on when the pane opened it). */
  savedWithoutClick: boolean;
  onSave: (clientId: string) => void;
  onAutomaticChange: (on: boolean) => void;
}

/**
 * "Part of a conversation saved to {name}'s record", with "Save this one too" per client, or what was
 * saved without a click; and the user's setting to save such emails automatically.
 */
export function ConversationBanner({ clients, states, automatic, savedWithoutClick, onSave, onAutomaticChange }: ConversationBannerProps) {
  const { t, has } = useI18n();
  const styles = useStyles();
  const banner = useRef<HTMLElement | null>(null);
  const clicked = useRef(false);
  // The clicked button is gone once saved: focus, lost with it, goes to the banner that now says so.
  const savedCount = clients.filter((c) => states[c.clientId]?.kind === 'saved').length;
  useEffect(() => {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (savedCount > 0 && clicked.current && lost) banner.current?.focus();
  }, [savedCount]);

  return (
    <section className={styles.banner} data-testid="conversation-banner" ref={banner} tabIndex={-1}>
      {clients.map((client) => {
        const state = states[client.clientId];
        if (state?.kind === 'saved') {
          return (
            <Text key={client.clientId} size={200} className={styles.saved} role="status">
              <CheckmarkRegular aria-hidden />
              {t(savedWithoutClick ? 'conversation.savedAutomatically' : 'conversation.saved', { name: client.name })}
            </Text>
          );
        }
        return (
          <div key={client.clientId} className={styles.client}>
            <Text size={200} className={styles.text} id={`conversation-${client.clientId}`}>
              {t('conversation.partOf', { name: client.name })}
            </Text>
            <Button
              size="small"
              className={styles.action}
              icon={<BookmarkRegular />}
              disabled={state?.kind === 'saving'}
              aria-describedby={`conversation-${client.clientId}`}
              onClick={() => {
                clicked.current = true;
                onSave(client.clientId);
              }}
            >
              {state?.kind === 'saving' ? t('save.saving') : t('conversation.saveToo')}
            </Button>
            {state?.kind === 'failed' && (
              <Caption1 className={styles.error} role="alert">
                {t(errorMessageKey(state.error, has))}
              </Caption1>
            )}
          </div>
        );
      })}
      <Switch
        className={styles.switch}
        checked={!!automatic}
        disabled={automatic === null}
        label={t('conversation.automatic')}
        data-testid="conversation-automatic"
        onChange={(_, data) => onAutomaticChange(data.checked)}
      />
    </section>
  );
}

import { Button, Caption1, makeStyles, Switch, Text, tokens } from '@fluentui/react-components';
import { BookmarkRegular, CheckmarkRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { ConversationSaved } from '../app/useConversation';
import type { SaveState } from '../app/useSaveToRecord';
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

// Emails this pane has saved without a click, for as long as it stays open: coming back to one whose
// automatic save failed does not try again unasked (the button does). The service's save is
// idempotent too, so two panes saving the same email still save it once.
const savedAutomatically = new Set<string>();

export interface ConversationBannerProps {
  api: Pick<ApiClient, 'getSaveSettings' | 'setSaveSettings'>;
  saved: ConversationSaved;
  states: Record<string, SaveState | undefined>;
  onSave: (clientId: string) => void;
}

/**
 * "Part of a conversation saved to {name}'s record", with "Save this one too" per client; with the
 * user's setting on, the email is saved there when the pane opens it, and the banner says so.
 */
export function ConversationBanner({ api, saved, states, onSave }: ConversationBannerProps) {
  const { t, has } = useI18n();
  const styles = useStyles();
  const [automatic, setAutomatic] = useState<boolean | null>(null);
  const [savedWithoutClick, setSavedWithoutClick] = useState(false);
  const banner = useRef<HTMLElement | null>(null);
  const clicked = useRef(false);
  // The clicked button is gone once saved: focus, lost with it, goes to the banner that now says so.
  const savedCount = saved.clients.filter((c) => states[c.clientId]?.kind === 'saved').length;
  useEffect(() => {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (savedCount > 0 && clicked.current && lost) banner.current?.focus();
  }, [savedCount]);

  useEffect(() => {
    const abort = new AbortController();
    api.getSaveSettings(abort.signal).then(
      (settings) => {
        if (abort.signal.aborted) return;
        setAutomatic(settings.saveConversationsAutomatically);
        if (!settings.saveConversationsAutomatically) return;
        setSavedWithoutClick(true);
        for (const { clientId } of saved.clients) {
          const key = `${saved.internetMessageId}\n${clientId}`;
          if (savedAutomatically.has(key)) continue;
          savedAutomatically.add(key);
          onSave(clientId);
        }
      },
      () => setAutomatic(false),
    );
    return () => abort.abort();
  }, [api, saved, onSave]);

  const changeAutomatic = (on: boolean) => {
    setAutomatic(on);
    api.setSaveSettings({ saveConversationsAutomatically: on }).then(
      (settings) => setAutomatic(settings.saveConversationsAutomatically),
      () => setAutomatic(!on),
    );
  };

  return (
    <section className={styles.banner} data-testid="conversation-banner" ref={banner} tabIndex={-1}>
      {saved.clients.map((client) => {
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
        onChange={(_, data) => changeAutomatic(data.checked)}
      />
    </section>
  );
}

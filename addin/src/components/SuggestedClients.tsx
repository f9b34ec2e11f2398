import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Suggestion } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { errorMessageKey } from './errorMessage';

const useStyles = makeStyles({
  box: { width: '100%', marginTop: tokens.spacingVerticalXS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1 },
  reason: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1, width: '100%' },
  // Fluent buttons keep their label on one line; in a narrow pane it wraps inside the button instead.
  action: { maxWidth: '100%', minWidth: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' },
  name: { overflowWrap: 'anywhere' },
});

export interface SuggestedClientsProps {
  address: string;
  suggestions: Suggestion[];
  /** Links the address to the suggested client; rejects with the API's error. */
  onLink: (suggestion: Suggestion) => Promise<void>;
}

/** "Could this be…?" under an unknown participant: each likely client with the reason in words and one-click link. */
export function SuggestedClients({ address, suggestions, onLink }: SuggestedClientsProps) {
  const { t, has } = useI18n();
  const styles = useStyles();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  if (suggestions.length === 0) return null;

  const link = async (suggestion: Suggestion) => {
    setBusy(suggestion.clientId);
    setFailure(null);
    try {
      await onLink(suggestion);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };
  const headingId = `suggestions-${address}`;

  return (
    <div className={styles.box}>
      <Caption1 id={headingId}>{t('suggestions.heading')}</Caption1>
      <ul className={styles.list} aria-labelledby={headingId}>
        {suggestions.map((s) => (
          <li key={s.clientId} className={styles.item} data-testid="suggestion">
            <span className={styles.who}>
              <Text className={styles.name}>{s.displayName}</Text>
              <Caption1 className={styles.reason}>{t(`suggestions.reason.${s.reason}`, { domain: s.domain ?? '' })}</Caption1>
            </span>
            <Button
              size="small"
              className={styles.action}
              disabled={busy !== null}
              aria-label={t(s.linkAs === 'primary' ? 'suggestions.linkPrimaryFor' : 'suggestions.linkSecondaryFor', { name: s.displayName })}
              onClick={() => void link(s)}
            >
              {busy === s.clientId ? t('suggestions.linking') : t(s.linkAs === 'primary' ? 'suggestions.linkPrimary' : 'suggestions.linkSecondary')}
            </Button>
          </li>
        ))}
      </ul>
      {failure !== null && (
        <Caption1 className={styles.error} role="alert">
          {t(errorMessageKey(failure, has))}
        </Caption1>
      )}
    </div>
  );
}

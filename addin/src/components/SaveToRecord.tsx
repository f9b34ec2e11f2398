import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { BookmarkRegular, CheckmarkRegular } from '@fluentui/react-icons';
import type { LookupMatch } from '../api/types';
import type { SaveState } from '../app/useSaveToRecord';
import { useI18n } from '../i18n/I18nContext';
import { errorMessageKey } from './errorMessage';

const useStyles = makeStyles({
  saved: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, color: tokens.colorPaletteGreenForeground1 },
  saveError: { color: tokens.colorPaletteRedForeground1, width: '100%' },
});

/** "Save to record" for the open message, per client; absent in compose mode. */
export interface SaveToRecordProps {
  canSave: boolean;
  states: Record<string, SaveState | undefined>;
  onSave: (clientId: string) => void;
}

/** The open message's save button for one client, or "Saved" once it is on the record (from wherever it was saved). */
export function SaveToRecord({ match, save }: { match: Pick<LookupMatch, 'clientId' | 'displayName'>; save: SaveToRecordProps }) {
  const { t } = useI18n();
  const styles = useStyles();
  const state = save.states[match.clientId];
  if (state?.kind === 'saved') {
    return (
      <Caption1 className={styles.saved} role="status">
        <CheckmarkRegular aria-hidden /> {t('save.saved')}
      </Caption1>
    );
  }
  return (
    <>
      <Button
        size="small"
        icon={<BookmarkRegular />}
        disabled={state?.kind === 'saving'}
        aria-label={t('save.actionFor', { name: match.displayName })}
        onClick={() => save.onSave(match.clientId)}
      >
        {state?.kind === 'saving' ? t('save.saving') : t('save.action')}
      </Button>
      {state?.kind === 'failed' && (
        <Caption1 className={styles.saveError} role="alert">
          {t(errorMessageKey(state.error))}
        </Caption1>
      )}
    </>
  );
}

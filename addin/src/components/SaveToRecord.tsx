import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { BookmarkRegular, CheckmarkRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import type { LookupMatch } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { errorMessageKey } from './errorMessage';

export type SaveState =
  | { kind: 'saving' }
  /** `quiet`: saved by the several-at-once panel, which says so itself (the pane does not announce it again). */
  | { kind: 'saved'; internetMessageId: string; quiet?: boolean }
  | { kind: 'failed'; error: unknown };

const useStyles = makeStyles({
  // Fluent buttons keep their label on one line; in a narrow pane it wraps inside the button instead.
  action: { maxWidth: '100%', minWidth: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' },
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
  const { t, has } = useI18n();
  const styles = useStyles();
  const state = save.states[match.clientId];
  const savedNote = useRef<HTMLSpanElement | null>(null);
  const pressedWithFocus = useRef(false);
  // The button is disabled while saving and gone once saved: focus, lost with it, moves to what replaced
  // it (the pane's live region announces the result).
  useEffect(() => {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (state?.kind === 'saved' && pressedWithFocus.current && lost) savedNote.current?.focus();
  }, [state?.kind]);
  if (state?.kind === 'saved') {
    return (
      <Text size={200} className={styles.saved} ref={savedNote} tabIndex={-1}>
        <CheckmarkRegular aria-hidden /> {t('save.saved')}
      </Text>
    );
  }
  return (
    <>
      <Button
        size="small"
        className={styles.action}
        icon={<BookmarkRegular />}
        disabled={state?.kind === 'saving'}
        aria-label={t(state?.kind === 'saving' ? 'save.savingFor' : 'save.actionFor', { name: match.displayName })}
        onClick={(event) => {
          pressedWithFocus.current = document.activeElement === event.currentTarget;
          save.onSave(match.clientId);
        }}
      >
        {state?.kind === 'saving' ? t('save.saving') : t('save.action')}
      </Button>
      {state?.kind === 'failed' && (
        <Caption1 className={styles.saveError} role="alert">
          {t(errorMessageKey(state.error, has))}
        </Caption1>
      )}
    </>
  );
}

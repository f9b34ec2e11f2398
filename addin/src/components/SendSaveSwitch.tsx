import { Caption1, makeStyles, Switch, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  // The label wraps in a narrow pane instead of widening it.
  switch: { maxWidth: '100%', minWidth: 0, '& label': { overflowWrap: 'anywhere' } },
  hint: { display: 'block', color: tokens.colorNeutralForeground3, padding: `0 ${tokens.spacingHorizontalM}` },
  section: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
});

/** "Save to record when sent" on a client's row in compose mode (touch targets: touchTargets.css). */
export function SendSaveSwitch({ name, checked, disabled, onChange }: { name: string; checked: boolean; disabled?: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <Switch
      className={styles.switch}
      checked={checked}
      disabled={disabled}
      label={t('sendSave.whenSent')}
      aria-label={t('sendSave.whenSentFor', { name })}
      data-testid="send-save-switch"
      onChange={(_, data) => onChange(data.checked)}
    />
  );
}

/** The user's default for new emails, under the participants in compose mode. */
export function SendSaveDefault({ checked, disabled, supported, onChange }: { checked: boolean; disabled?: boolean; supported: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  if (!supported) return <Caption1 className={styles.hint} role="note">{t('sendSave.unsupported')}</Caption1>;
  return (
    <div className={styles.section}>
      <Switch
        className={styles.switch}
        checked={checked}
        disabled={disabled}
        label={t('sendSave.defaultLabel')}
        data-testid="send-save-default"
        onChange={(_, data) => onChange(data.checked)}
      />
      <Caption1 className={styles.hint}>{t('sendSave.defaultHint')}</Caption1>
    </div>
  );
}

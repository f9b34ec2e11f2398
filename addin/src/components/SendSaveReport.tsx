import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { SendSaveResolution } from '../api/types';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  lines: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flexGrow: 1, minWidth: 0 },
});

/** What the pane's resolve did with the emails sent since it last opened: saved now, expired, skipped. */
export function SendSaveReport({ result, onDismiss }: { result: SendSaveResolution; onDismiss: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.bar} role="status" data-testid="send-save-report">
      <div className={styles.lines}>
        {result.saved.length > 0 && <Caption1>{t('sendSave.saved', { count: result.saved.length })}</Caption1>}
        {result.expired.length > 0 && <Caption1>{t('sendSave.expired', { count: result.expired.length })}</Caption1>}
        {result.skipped.length > 0 && <Caption1>{t('sendSave.skipped', { count: result.skipped.length })}</Caption1>}
      </div>
      <Button appearance="subtle" size="small" icon={<DismissRegular />} aria-label={t('sendSave.dismiss')} onClick={onDismiss} />
    </div>
  );
}

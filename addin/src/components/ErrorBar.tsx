import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DiamondDismissFilled } from '@fluentui/react-icons';
import { useI18n } from '../i18n/I18nContext';
import { errorMessageKey } from './errorMessage';

export interface ErrorBarProps {
  error: unknown;
  onRetry?: () => void;
}

// Drawn like Fluent's error MessageBar, without it: the first screen shows this bar when a lookup fails,
// and MessageBar (with its layouts, intents, motion and announcer) weighed 2.9 KB gzip of the pane's first
// JavaScript. role="alert" reads the message out when it appears.
const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    // A real border, not a background alone: forced colours (Windows high contrast) draw it.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}`,
    backgroundColor: tokens.colorStatusDangerBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  icon: { flexShrink: 0, fontSize: '16px', marginTop: '2px', color: tokens.colorStatusDangerForeground1 },
  body: { flexGrow: 1, flexBasis: '12em', minWidth: 0, overflowWrap: 'anywhere' },
  title: { fontWeight: tokens.fontWeightSemibold },
  actions: { marginLeft: 'auto' },
});

export function ErrorBar({ error, onRetry }: ErrorBarProps) {
  const { t, has } = useI18n();
  const styles = useStyles();
  return (
    <div role="alert" className={styles.root}>
      <DiamondDismissFilled className={styles.icon} aria-hidden />
      <div className={styles.body}>
        <span className={styles.title}>{t('error.title')}</span> {t(errorMessageKey(error, has))}
      </div>
      {onRetry && (
        <div className={styles.actions}>
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </div>
      )}
    </div>
  );
}

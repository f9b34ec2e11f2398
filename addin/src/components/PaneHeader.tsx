import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minHeight: '40px',
  },
  title: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  action: { flexShrink: 0 },
  // Its own line under the title: with two work accounts in one Outlook, which one the pane signed in as.
  workspace: { flexBasis: '100%', minWidth: 0, overflowWrap: 'anywhere', color: tokens.colorNeutralForeground3 },
});

export interface PaneHeaderProps {
  onBack?: () => void;
  /** Opens the New client dialog, which asks whom. */
  onNewClient: () => void;
  newClientDisabled?: boolean;
  /** Participant rows offer their own New client: the header's then steps back visually. */
  rowsOfferNewClient?: boolean;
  /** The account whose workspace the pane uses (null while Office has not said). */
  workspace?: string | null;
}

export function PaneHeader({ onBack, onNewClient, newClientDisabled, rowsOfferNewClient, workspace }: PaneHeaderProps) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <header className={styles.header}>
      {onBack && <Button appearance="subtle" icon={<ArrowLeftRegular />} aria-label={t('common.back')} onClick={onBack} />}
      <Text as="h1" weight="semibold" size={400} className={styles.title}>
        {t('app.title')}
      </Text>
      <Button appearance={rowsOfferNewClient ? 'secondary' : 'primary'} size="small" className={styles.action} onClick={onNewClient} disabled={newClientDisabled}>
        {t('header.newClient')}
      </Button>
      {workspace && (
        <Text size={200} className={styles.workspace} data-testid="workspace">
          {t('header.workspace', { name: workspace })}
        </Text>
      )}
    </header>
  );
}

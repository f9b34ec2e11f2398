import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';
import type { MailboxOwner } from '../office/sharedMailbox';

const useStyles = makeStyles({
  notice: {
    display: 'block',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
});

/**
 * Says whose mailbox history and saving read: a shared or delegate mailbox by its address, or (where this
 * Outlook cannot tell) the user's own. Nothing for the user's own mailbox when Outlook says so.
 */
export function MailboxNotice({ owner }: { owner: MailboxOwner | null }) {
  const { t } = useI18n();
  const styles = useStyles();
  if (!owner || owner.kind === 'own') return null;
  return (
    <Text as="p" size={200} className={styles.notice} data-testid="mailbox-notice">
      {owner.kind === 'shared' ? t('mailbox.shared', { address: owner.address }) : t('mailbox.ownAssumed')}
    </Text>
  );
}

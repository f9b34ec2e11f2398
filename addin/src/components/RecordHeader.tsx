import { Button, Caption1, makeStyles, Subtitle1, Text, tokens } from '@fluentui/react-components';
import { LinkDismissRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import type { ClientRecord } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorBar } from './ErrorBar';
import { Initials } from './Initials';
import { TextBadge } from './TextBadge';

const useStyles = makeStyles({
  header: { display: 'grid', gridTemplateColumns: 'auto 1fr', gap: tokens.spacingHorizontalM, padding: tokens.spacingHorizontalM },
  name: { overflowWrap: 'anywhere', margin: 0 },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  addresses: { listStyle: 'none', margin: 0, padding: 0, gridColumn: '1 / -1', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  address: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  addressText: { overflowWrap: 'anywhere' },
  // The kind badge on the left, the removal at the far end of the line: one is never clicked for the other.
  addressLine: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  extra: { gridColumn: '1 / -1' },
  dialogBody: { margin: 0, overflowWrap: 'anywhere' },
});

export interface RecordHeaderProps {
  record: ClientRecord;
  onUnlinkEmail: (address: string) => Promise<unknown>;
  /** Shown under the addresses, e.g. saving the open email to this record. */
  children?: ReactNode;
}

type Removal = { address: string; open: boolean; busy: boolean; error: unknown };

export function RecordHeader({ record, onUnlinkEmail, children }: RecordHeaderProps) {
  const { t } = useI18n();
  const styles = useStyles();
  // Kept after closing so Fluent can finish closing the modal and restore the page behind it.
  const [removal, setRemoval] = useState<Removal | null>(null);

  const remove = async (address: string) => {
    setRemoval({ address, open: true, busy: true, error: null });
    try {
      await onUnlinkEmail(address);
      setRemoval({ address, open: false, busy: false, error: null });
    } catch (error) {
      setRemoval({ address, open: true, busy: false, error });
    }
  };

  return (
    <div className={styles.header}>
      <Initials name={record.displayName} size="large" />
      <div>
        <Subtitle1 as="h2" className={styles.name}>
          {record.displayName}
        </Subtitle1>
        <div className={styles.badges}>
          <TextBadge appearance="tint" color={record.status === 'active' ? 'success' : 'subtle'}>
            {t(`contact.status.${record.status}`)}
          </TextBadge>
        </div>
      </div>
      <ul className={styles.addresses} aria-label={t('record.addresses')}>
        {record.emails.map((email) => (
          <li key={email.address} className={styles.address} data-testid="record-address">
            <Caption1 className={styles.addressText}>{email.address}</Caption1>
            <div className={styles.addressLine}>
              <TextBadge appearance={email.kind === 'primary' ? 'filled' : 'outline'} color="brand" size="small">
                {email.kind === 'primary' ? t('record.primaryBadge') : email.label}
              </TextBadge>
              <Button
                size="small"
                appearance="subtle"
                icon={<LinkDismissRegular />}
                aria-label={t('record.removeAddressFor', { address: email.address })}
                onClick={() => setRemoval({ address: email.address, open: true, busy: false, error: null })}
              >
                {t('record.removeAddress')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {children && <div className={styles.extra}>{children}</div>}
      {removal && (
        <ConfirmDialog
          open={removal.open}
          title={t('record.removeAddressTitle')}
          body={
            <Text as="p" block className={styles.dialogBody}>
              {t('record.removeAddressBody', { address: removal.address, name: record.displayName })}
            </Text>
          }
          confirmLabel={t('record.removeAddress')}
          busy={removal.busy}
          onConfirm={() => void remove(removal.address)}
          onCancel={() => setRemoval({ ...removal, open: false })}
        >
          {removal.error !== null && <ErrorBar error={removal.error} />}
        </ConfirmDialog>
      )}
    </div>
  );
}

import {
  Avatar,
  Badge,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Spinner,
  Subtitle1,
  tokens,
} from '@fluentui/react-components';
import { LinkDismissRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ClientEmail, ClientRecord } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  header: { display: 'grid', gridTemplateColumns: 'auto 1fr', gap: tokens.spacingHorizontalM, padding: tokens.spacingHorizontalM },
  name: { overflowWrap: 'anywhere', margin: 0 },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  addresses: { listStyle: 'none', margin: 0, padding: 0, gridColumn: '1 / -1' },
  address: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minHeight: '28px' },
  addressText: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
});

export interface RecordHeaderProps {
  record: ClientRecord;
  onUnlinkEmail: (address: string) => Promise<unknown>;
}

export function RecordHeader({ record, onUnlinkEmail }: RecordHeaderProps) {
  const { t } = useI18n();
  const styles = useStyles();
  // Kept mounted after closing so Fluent can restore the page behind the modal.
  const [unlinking, setUnlinking] = useState<{ email: ClientEmail; open: boolean } | null>(null);

  return (
    <div className={styles.header}>
      <Avatar name={record.displayName} size={48} aria-hidden />
      <div>
        <Subtitle1 as="h2" className={styles.name}>
          {record.displayName}
        </Subtitle1>
        <div className={styles.badges}>
          <Badge appearance="tint" color={record.status === 'active' ? 'success' : 'subtle'}>
            {t(`contact.status.${record.status}`)}
          </Badge>
        </div>
      </div>
      <ul className={styles.addresses} aria-label={t('record.addresses')}>
        {record.emails.map((email) => (
          <li key={email.address} className={styles.address}>
            <Caption1 className={styles.addressText}>{email.address}</Caption1>
            <Badge appearance={email.kind === 'primary' ? 'filled' : 'outline'} size="small">
              {email.kind === 'primary' ? t('record.primaryBadge') : email.label}
            </Badge>
            <Button
              size="small"
              appearance="subtle"
              icon={<LinkDismissRegular />}
              aria-label={t('record.unlinkAddress', { address: email.address })}
              title={t('record.unlink')}
              onClick={() => setUnlinking({ email, open: true })}
            />
          </li>
        ))}
      </ul>
      {unlinking && (
        <UnlinkDialog
          key={unlinking.email.address}
          open={unlinking.open}
          address={unlinking.email.address}
          clientName={record.displayName}
          onConfirm={() => onUnlinkEmail(unlinking.email.address)}
          onDone={() => setUnlinking({ ...unlinking, open: false })}
        />
      )}
    </div>
  );
}

interface UnlinkDialogProps {
  open: boolean;
  address: string;
  clientName: string;
  onConfirm: () => Promise<unknown>;
  onDone: () => void;
}

function UnlinkDialog({ open, address, clientName, onConfirm, onDone }: UnlinkDialogProps) {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && !pending && onDone()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('record.unlinkTitle')}</DialogTitle>
          <DialogContent>
            <p>{t('record.unlinkBody', { address, name: clientName })}</p>
            {error !== null && <ErrorBar error={error} onRetry={() => void confirm()} />}
          </DialogContent>
          <DialogActions>
            <Button onClick={onDone} disabled={pending}>
              {t('common.cancel')}
            </Button>
            <Button appearance="primary" onClick={() => void confirm()} disabled={pending} icon={pending ? <Spinner size="tiny" /> : undefined}>
              {t('record.unlinkConfirm')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

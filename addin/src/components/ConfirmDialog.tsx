import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { useDialogFocus } from './useDialogFocus';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** While the action runs: the buttons wait and the dialog cannot be dismissed. */
  busy?: boolean;
  /** Shown below the body, e.g. why the action failed. */
  children?: ReactNode;
}

/** "Are you sure?" before an action that removes something: the action first, Cancel beside it. */
export function ConfirmDialog({ open, title, body, confirmLabel, onConfirm, onCancel, busy = false, children }: ConfirmDialogProps) {
  const { t } = useI18n();
  const surface = useDialogFocus(open);
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && !busy && onCancel()}>
      <DialogSurface ref={surface}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            {body}
            {children}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm} disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
              {confirmLabel}
            </Button>
            <Button onClick={onCancel} disabled={busy}>
              {t('common.cancel')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

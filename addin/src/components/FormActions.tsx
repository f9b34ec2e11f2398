import { Button, makeStyles, Spinner, tokens, type ButtonProps } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end' },
});

export interface FormActionsProps {
  pending: boolean;
  onCancel: () => void;
  submitLabel: string;
  size?: ButtonProps['size'];
}

/** Cancel and the form's submit button, right-aligned under an inline form; both wait while it saves. */
export function FormActions({ pending, onCancel, submitLabel, size }: FormActionsProps) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.actions}>
      <Button size={size} onClick={onCancel} disabled={pending}>
        {t('common.cancel')}
      </Button>
      <Button size={size} appearance="primary" type="submit" disabled={pending} icon={pending ? <Spinner size="tiny" /> : undefined}>
        {submitLabel}
      </Button>
    </div>
  );
}

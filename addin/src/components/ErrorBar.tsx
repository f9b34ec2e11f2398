import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';
import { errorMessageKey } from './errorMessage';

export interface ErrorBarProps {
  error: unknown;
  onRetry?: () => void;
}

export function ErrorBar({ error, onRetry }: ErrorBarProps) {
  const { t, has } = useI18n();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('error.title')}</MessageBarTitle> {t(errorMessageKey(error, has))}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

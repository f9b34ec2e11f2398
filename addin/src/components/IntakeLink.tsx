import { Button, Caption1, Field, makeStyles, MessageBar, MessageBarBody, Textarea, tokens } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  copyRow: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  copied: { color: tokens.colorPaletteGreenForeground1 },
  calm: { color: tokens.colorNeutralForeground3 },
});

/** Puts text on the clipboard; rejects when the host does not allow it. */
export type CopyText = (text: string) => Promise<void>;

export interface IntakeLinkProps {
  link: string;
  address: string;
  /** Null where the Clipboard API is not available: the link stays there to select and copy by hand. */
  copyText: CopyText | null;
}

type Copying = 'idle' | 'copied' | 'failed';

/** An intake link the service did not email (manual delivery), for the practitioner to pass on. */
export function IntakeLink({ link, address, copyText }: IntakeLinkProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const [copying, setCopying] = useState<Copying>('idle');
  const field = useRef<HTMLTextAreaElement>(null);

  const copy = async () => {
    if (!copyText) return;
    try {
      await copyText(link);
      setCopying('copied');
    } catch {
      setCopying('failed');
      // Ready for Ctrl+C: the host refused, the person can still copy it themselves.
      field.current?.focus();
      field.current?.select();
    }
  };

  return (
    <div className={styles.root} data-testid="intake-link">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{t('intakes.link.noEmail', { address })}</MessageBarBody>
      </MessageBar>
      <Field label={t('intakes.link.label')}>
        {/* A textarea wraps the whole link into view and selects like any text. */}
        <Textarea ref={field} readOnly resize="none" rows={3} value={link} onFocus={(event) => event.currentTarget.select()} />
      </Field>
      <div className={styles.copyRow}>
        {copyText && (
          <Button size="small" icon={<CopyRegular />} onClick={() => void copy()}>
            {t('intakes.link.copy')}
          </Button>
        )}
        <Caption1 role="status" className={copying === 'copied' ? styles.copied : undefined}>
          {copying === 'copied' ? t('intakes.link.copied') : copying === 'failed' ? t('intakes.link.copyFailed') : ''}
        </Caption1>
      </div>
      <Caption1 className={styles.calm}>{t('intakes.link.onlyNow')}</Caption1>
    </div>
  );
}

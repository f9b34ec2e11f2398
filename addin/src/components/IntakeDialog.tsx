import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { isApiError, notSentIntakeId } from '../api/errors';
import type { Intake, IntakeTemplate } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import type { Locale } from '../i18n/translator';
import { ErrorBar } from './ErrorBar';
import { IntakeLink, type CopyText } from './IntakeLink';
import { useDialogFocus } from './useDialogFocus';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  shrink: { minWidth: 0, maxWidth: '100%' },
  preview: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  message: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  calm: { color: tokens.colorNeutralForeground3 },
});

export const intakeLanguages: Locale[] = ['en', 'pt-BR'];

export interface IntakeClient {
  id: string;
  displayName: string;
  firstName: string;
  preferredName: string | null;
  email: string | null;
}

export interface IntakeDialogProps {
  open?: boolean;
  client: IntakeClient;
  /** The templates as they would be sent in `language`; asked again whenever the user picks another. */
  loadTemplates: (language: Locale) => Promise<IntakeTemplate[]>;
  sendIntake: (clientId: string, body: { templateId?: string; language?: string }) => Promise<Intake>;
  /** For a link the service did not email (manual delivery): the dialog shows it until the user is done. */
  copyText: CopyText | null;
  onSent: (intake: Intake) => void;
  /** The intake was saved but its email failed: it is in the list as not sent, to send again from there. */
  onNotSent: (intakeId: string) => void;
  onDismiss: () => void;
}

type Templates =
  | { kind: 'loading' }
  // `updating`: the items are of the previous language while the chosen one loads.
  | { kind: 'ready'; items: IntakeTemplate[]; updating: boolean }
  | { kind: 'error'; error: unknown };
type Sending =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'failed'; error: unknown }
  // Saved but not emailed: sending again is a resend from the list, never a second intake from here.
  | { kind: 'notSent'; error: unknown }
  | { kind: 'linkReady'; intake: Intake; link: string };

/** Fills `{firstName}` as the service does: the preferred name, else the first name. */
export const personalise = (text: string, client: IntakeClient) => text.split('{firstName}').join(client.preferredName || client.firstName);

export function IntakeDialog({ open = true, client, loadTemplates, sendIntake, copyText, onSent, onNotSent, onDismiss }: IntakeDialogProps) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const surface = useDialogFocus(open);
  const [language, setLanguage] = useState<Locale>(locale);
  const [templates, setTemplates] = useState<Templates>({ kind: 'loading' });
  const [templateId, setTemplateId] = useState('');
  const [sending, setSending] = useState<Sending>({ kind: 'idle' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    // Keep showing the form while another language loads, so the controls do not jump.
    setTemplates((previous) => (previous.kind === 'ready' ? { ...previous, updating: true } : { kind: 'loading' }));
    loadTemplates(language).then(
      (items) => {
        if (!current) return;
        setTemplates({ kind: 'ready', items, updating: false });
        setTemplateId((previous) => (items.some((x) => x.id === previous) ? previous : items[0]?.id || ''));
      },
      (error: unknown) => current && setTemplates({ kind: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [loadTemplates, language, attempt]);

  const template = templates.kind === 'ready' ? templates.items.find((x) => x.id === templateId) : undefined;
  const updating = templates.kind === 'ready' && templates.updating;
  const noEmail = !client.email;
  const send = async () => {
    if (!template || sending.kind === 'pending') return;
    setSending({ kind: 'pending' });
    try {
      const intake = await sendIntake(client.id, { templateId: template.id, language });
      if (intake.link) {
        setSending({ kind: 'linkReady', intake, link: intake.link });
        return;
      }
      setSending({ kind: 'idle' });
      onSent(intake);
    } catch (error) {
      const intakeId = notSentIntakeId(error);
      setSending(intakeId ? { kind: 'notSent', error } : { kind: 'failed', error });
      if (intakeId) onNotSent(intakeId);
    }
  };
  // Closing after a link was shown is finishing: the intake was sent, by hand.
  const close = () => (sending.kind === 'linkReady' ? onSent(sending.intake) : onDismiss());
  // The service refuses these for good: retrying the same request cannot help.
  const blocked = sending.kind === 'failed' && isApiError(sending.error) && sending.error.code === 'client-has-no-email';

  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && close()}>
      {sending.kind === 'linkReady' ? (
        <DialogSurface ref={surface}>
          <DialogBody>
            <DialogTitle>{t('intake.linkReadyTitle')}</DialogTitle>
            <DialogContent className={styles.form}>
              <IntakeLink link={sending.link} address={sending.intake.sentTo} copyText={copyText} />
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" autoFocus onClick={close}>
                {t('intake.done')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      ) : sending.kind === 'notSent' ? (
        <DialogSurface ref={surface} aria-describedby="intake-not-sent">
          <DialogBody>
            <DialogTitle>{t('intake.dialogTitle')}</DialogTitle>
            <DialogContent className={styles.form}>
              <ErrorBar error={sending.error} />
              <Text id="intake-not-sent" weight="semibold">
                {t('intake.notSentKept')}
              </Text>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" autoFocus onClick={onDismiss}>
                {t('intake.close')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      ) : (
        <DialogSurface ref={surface} aria-describedby="intake-intro">
          <DialogBody>
            <DialogTitle>{t('intake.dialogTitle')}</DialogTitle>
            <DialogContent className={styles.form}>
              <Text id="intake-intro">{t('intake.intro', { name: client.displayName })}</Text>
              {noEmail && (
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>{t('intake.noEmail')}</MessageBarBody>
                </MessageBar>
              )}
              {templates.kind === 'loading' && <Spinner size="small" label={t('intake.loadingTemplates')} />}
              {templates.kind === 'error' && <ErrorBar error={templates.error} onRetry={() => setAttempt((n) => n + 1)} />}
              {templates.kind === 'ready' && (
                <>
                  <Field label={t('intake.template')}>
                    <Select className={styles.shrink} value={templateId} onChange={(_, data) => setTemplateId(data.value)}>
                      {templates.items.map((item) => (
                        <option key={item.id} value={item.id}>
                          {item.name}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={t('intake.language')}>
                    <Select className={styles.shrink} value={language} onChange={(_, data) => setLanguage(data.value as Locale)}>
                      {intakeLanguages.map((code) => (
                        <option key={code} value={code} lang={code}>
                          {t(`intake.language.${code}`)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  {template && (
                    <section className={styles.preview} aria-labelledby="intake-preview-heading" aria-busy={updating || undefined}>
                      <Subtitle2 as="h3" id="intake-preview-heading">
                        {t('intake.previewHeading')}
                      </Subtitle2>
                      {client.email && <Caption1>{t('intake.to', { address: client.email })}</Caption1>}
                      <Caption1 className={styles.calm}>{t('intake.subject')}</Caption1>
                      <Text weight="semibold" data-testid="intake-subject">
                        {personalise(template.emailSubject, client)}
                      </Text>
                      <Caption1 className={styles.calm}>{t('intake.message')}</Caption1>
                      <Text className={styles.message} data-testid="intake-message">
                        {personalise(template.emailMessage, client)}
                      </Text>
                      <Caption1 className={styles.calm}>{t('intake.linkNote')}</Caption1>
                      {updating && <Spinner size="extra-tiny" label={t('intake.updatingPreview')} />}
                    </section>
                  )}
                </>
              )}
              {sending.kind === 'failed' && <ErrorBar error={sending.error} onRetry={blocked ? undefined : () => void send()} />}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                disabled={noEmail || blocked || !template || updating || sending.kind === 'pending'}
                onClick={() => void send()}
              >
                {sending.kind === 'pending' ? t('intake.sending') : t('intake.send')}
              </Button>
              <Button onClick={onDismiss} disabled={sending.kind === 'pending'}>
                {t('intake.skip')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      )}
    </Dialog>
  );
}

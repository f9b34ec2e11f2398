import { useCallback, useMemo, useState } from 'react';
import type { ApiClient } from '../api/client';
import { notSentIntakeId } from '../api/errors';
import type { ClientRecord, Intake, IntakeStatus } from '../api/types';
import { IntakeDialog } from '../components/IntakeDialog';
import { IntakeList, type AnswersState } from '../components/IntakeList';
import { useI18n } from '../i18n/I18nContext';
import { clipboardCopier } from './clipboard';
import { useIntakes } from './useIntakes';
import { useLiveRefresh } from './useLiveRefresh';

/** The client may still open or complete these, or their email is still on its way. */
const pendingStatuses: ReadonlySet<IntakeStatus> = new Set(['sending', 'sent', 'opened']);

export interface IntakeSectionProps {
  api: ApiClient;
  record: ClientRecord;
}

/** The record's intake forms: status, resend, revoke, the answers once completed, and sending a new one. */
export function IntakeSection({ api, record }: IntakeSectionProps) {
  const { t } = useI18n();
  const { intakes, loadError, reload, refresh, replace, add, dropPending } = useIntakes(api, record.id);
  const [actionError, setActionError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Record<string, AnswersState | undefined>>({});
  const [dialog, setDialog] = useState<{ serial: number; open: boolean } | null>(null);

  useLiveRefresh({ active: !!intakes?.some((i) => pendingStatuses.has(i.status)), refresh });

  const act = async (action: () => Promise<Intake>, noticeFor: (updated: Intake) => string | null) => {
    // A refresh still under way would bring back the list as it was before this action.
    dropPending();
    setActionError(null);
    setNotice(null);
    try {
      const updated = await action();
      replace(updated);
      setNotice(noticeFor(updated));
    } catch (error) {
      setActionError(error);
      // The send failed after the fresh link was saved: the list shows the intake as it is now.
      if (notSentIntakeId(error)) void reload();
    }
  };

  // A link that was not emailed is shown in its row instead of a notice (intake.link).
  const resend = (intake: Intake) =>
    act(
      () => api.resendIntake(record.id, intake.id),
      (sent) => (sent.link ? null : intake.status === 'notSent' ? t('intakes.sentAgain', { address: sent.sentTo }) : t('intakes.resent')),
    );

  const toggleAnswers = async (intake: Intake) => {
    if (answers[intake.id]?.kind === 'ready') {
      setAnswers((a) => ({ ...a, [intake.id]: undefined }));
      return;
    }
    setAnswers((a) => ({ ...a, [intake.id]: { kind: 'loading' } }));
    try {
      const full = await api.getIntake(record.id, intake.id);
      setAnswers((a) => ({ ...a, [intake.id]: { kind: 'ready', intake: full } }));
    } catch (error) {
      setAnswers((a) => ({ ...a, [intake.id]: { kind: 'error', error } }));
    }
  };

  const copyText = useMemo(clipboardCopier, []);
  const loadTemplates = useCallback((language: string) => api.listIntakeTemplates(language), [api]);
  const close = () => setDialog((d) => (d ? { ...d, open: false } : d));

  return (
    <>
      <IntakeList
        intakes={intakes}
        loadError={loadError}
        actionError={actionError}
        notice={notice}
        onRetry={() => void reload()}
        onSend={() => setDialog((d) => ({ serial: (d?.serial ?? 0) + 1, open: true }))}
        onResend={(intake) => void resend(intake)}
        onRevoke={(intake) => void act(() => api.revokeIntake(record.id, intake.id), () => null)}
        answers={answers}
        onToggleAnswers={(intake) => void toggleAnswers(intake)}
        copyText={copyText}
      />
      {dialog && (
        <IntakeDialog
          key={dialog.serial}
          open={dialog.open}
          client={record}
          loadTemplates={loadTemplates}
          sendIntake={api.sendIntake}
          copyText={copyText}
          onSent={(intake) => {
            add(intake);
            close();
          }}
          onNotSent={() => void reload()}
          onDismiss={close}
        />
      )}
    </>
  );
}

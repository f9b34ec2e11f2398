import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import { notSentIntakeId } from '../api/errors';
import type { ClientRecord, Intake, IntakeStatus } from '../api/types';
import { IntakeDialog } from '../components/IntakeDialog';
import { IntakeList, type AnswersState } from '../components/IntakeList';
import { useI18n } from '../i18n/I18nContext';
import { clipboardCopier } from './clipboard';
import { useLiveRefresh } from './useLiveRefresh';

/** The client may still open or complete these, or their email is still on its way. */
const pendingStatuses: ReadonlySet<IntakeStatus> = new Set(['sending', 'sent', 'opened']);

/** What a refresh compares: the parts of each intake the list shows. */
const shownState = (items: Intake[]) =>
  JSON.stringify(items.map((i) => [i.id, i.status, i.delivery, i.deliveryProblem, i.sentAt, i.completedAt, i.timesSent]));

export interface IntakeSectionProps {
  api: ApiClient;
  record: ClientRecord;
}

/** The record's intake forms: status, resend, revoke, the answers once completed, and sending a new one. */
export function IntakeSection({ api, record }: IntakeSectionProps) {
  const { t } = useI18n();
  const [intakes, setIntakes] = useState<Intake[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Record<string, AnswersState | undefined>>({});
  const [dialog, setDialog] = useState<{ serial: number; open: boolean } | null>(null);
  const generation = useRef(0);
  const shown = useRef<Intake[] | null>(null);
  shown.current = intakes;

  const load = useCallback(async () => {
    const current = ++generation.current;
    setLoadError(null);
    try {
      const items = await api.listIntakes(record.id);
      if (current === generation.current) setIntakes(items);
    } catch (error) {
      if (current === generation.current) setLoadError(error);
    }
  }, [api, record.id]);

  useEffect(() => {
    void load();
  }, [load]);

  // In the background: a failure keeps the list on screen (useLiveRefresh tries again later).
  const refresh = useCallback(async () => {
    const current = ++generation.current;
    const items = await api.listIntakes(record.id);
    if (current !== generation.current) return false;
    const changed = shown.current === null || shownState(items) !== shownState(shown.current);
    // The list never carries a manual link (the service keeps only its hash): the one shown stays until it is replaced.
    const keepLink = (item: Intake) => {
      const before = shown.current?.find((b) => b.id === item.id);
      return before?.link && before.timesSent === item.timesSent ? { ...item, link: before.link } : item;
    };
    if (changed) setIntakes(items.map(keepLink));
    setLoadError(null);
    return changed;
  }, [api, record.id]);

  useLiveRefresh({ active: !!intakes?.some((i) => pendingStatuses.has(i.status)), refresh });

  const replace = (updated: Intake) => setIntakes((list) => list?.map((i) => (i.id === updated.id ? updated : i)) ?? [updated]);

  const act = async (action: () => Promise<Intake>, noticeFor: (updated: Intake) => string | null) => {
    // A refresh still under way would bring back the list as it was before this action.
    generation.current++;
    setActionError(null);
    setNotice(null);
    try {
      const updated = await action();
      replace(updated);
      setNotice(noticeFor(updated));
    } catch (error) {
      setActionError(error);
      // The send failed after the fresh link was saved: the list shows the intake as it is now.
      if (notSentIntakeId(error)) void load();
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
        onRetry={() => void load()}
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
            generation.current++;
            setIntakes((list) => [intake, ...(list ?? []).filter((i) => i.id !== intake.id)]);
            close();
          }}
          onNotSent={() => void load()}
          onDismiss={close}
        />
      )}
    </>
  );
}

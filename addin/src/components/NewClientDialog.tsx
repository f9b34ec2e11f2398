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
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../api/errors';
import { IdempotencyKeys } from '../api/idempotency';
import type { ClientRecord, CreateClientBody, LookupMatch, Suggestion } from '../api/types';
import { matchesOf, type ResolvedParticipant } from '../participants/participantStatus';
import { useI18n } from '../i18n/I18nContext';
import { splitDisplayName } from '../names/splitDisplayName';
import { ErrorBar } from './ErrorBar';
import { useDialogFocus } from './useDialogFocus';
import { looksLikeEmail } from './validation';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  choices: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
  group: { display: 'flex', flexDirection: 'column' },
  groupLabel: { color: tokens.colorNeutralForeground3, paddingTop: tokens.spacingVerticalXS },
  // Name and role on the first line, the whole address on the second: From and Cc stay apart at 340 px.
  person: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  address: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

export interface NewClientDialogProps {
  /** Kept mounted while closing so Fluent can restore the page behind the modal. */
  open?: boolean;
  participants: ResolvedParticipant[];
  /** The participant to preselect; defaults to the sender. */
  initialAddress?: string;
  createClient: (body: CreateClientBody, idempotencyKey: string) => Promise<ClientRecord>;
  onCreated: (record: ClientRecord) => void;
  onOpenClient: (clientId: string) => void;
  onDismiss: () => void;
  /** Existing clients with the same name as the one about to be created (asked once, before creating). */
  findSameName?: (firstName: string, lastName: string, address: string) => Promise<Suggestion[]>;
  /** Links the address to an existing client instead of creating one. */
  onLinkInstead?: (client: Suggestion, address: string) => Promise<void>;
}

interface FormValues {
  firstName: string;
  lastName: string;
  email: string;
}

type Submission =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'sameName'; client: Suggestion }
  | { kind: 'emailInUse'; clientIds: string[] }
  | { kind: 'failed'; error: unknown; allowShared: boolean };

const valuesFor = (participant: ResolvedParticipant | undefined): FormValues => ({
  ...splitDisplayName(participant?.displayName),
  email: participant?.emailAddress ?? '',
});

function orderedForChoice(participants: ResolvedParticipant[]) {
  const unknown = participants.filter((p) => p.status.kind === 'unknown');
  // Colleagues and never-tracked senders are never made clients.
  const known = participants.filter((p) => p.status.kind === 'client' || p.status.kind === 'shared');
  return { unknown, known };
}

export function NewClientDialog({
  open = true,
  participants,
  initialAddress,
  createClient,
  onCreated,
  onOpenClient,
  onDismiss,
  findSameName,
  onLinkInstead,
}: NewClientDialogProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const surface = useDialogFocus(open);
  const { unknown, known } = useMemo(() => orderedForChoice(participants), [participants]);
  const choosable = [...unknown, ...known];
  const initial =
    choosable.find((p) => p.emailAddress === initialAddress) ?? choosable.find((p) => p.role === 'from') ?? choosable[0];

  const [chosenAddress, setChosenAddress] = useState(initial?.emailAddress ?? '');
  const [values, setValues] = useState<FormValues>(() => valuesFor(initial));
  const [showValidation, setShowValidation] = useState(false);
  const [submission, setSubmission] = useState<Submission>({ kind: 'idle' });
  const keys = useRef(new IdempotencyKeys());
  const pending = useRef(false);
  const sameNameAskedFor = useRef<string | null>(null);

  const firstNameError = values.firstName.trim() === '' ? t('newClient.firstNameRequired') : undefined;
  const emailError = values.email.trim() !== '' && !looksLikeEmail(values.email) ? t('newClient.emailInvalid') : undefined;

  const choose = (address: string) => {
    setChosenAddress(address);
    setValues(valuesFor(choosable.find((p) => p.emailAddress === address)));
    setSubmission({ kind: 'idle' });
  };

  const update = (name: keyof FormValues) => (_: unknown, data: { value: string }) => setValues((v) => ({ ...v, [name]: data.value }));

  /** The first existing client with this name, if any; a failed check never stands in the way of creating. */
  async function sameNameClient(): Promise<Suggestion | undefined> {
    if (!findSameName || !looksLikeEmail(values.email)) return undefined;
    try {
      return (await findSameName(values.firstName.trim(), values.lastName.trim(), values.email.trim()))[0];
    } catch {
      return undefined;
    }
  }

  async function submit(allowShared: boolean) {
    setShowValidation(true);
    if (firstNameError || emailError || pending.current) return;
    // Asked once per name and address: after "Create anyway" (or a shared-address retry) it is not asked again.
    const asked = `${values.firstName.trim()}\n${values.lastName.trim()}\n${values.email.trim()}`;
    if (sameNameAskedFor.current !== asked) {
      sameNameAskedFor.current = asked;
      pending.current = true;
      setSubmission({ kind: 'pending' });
      const client = await sameNameClient();
      pending.current = false;
      if (client) {
        setSubmission({ kind: 'sameName', client });
        return;
      }
    }
    const body: CreateClientBody = {
      firstName: values.firstName.trim(),
      ...(values.lastName.trim() ? { lastName: values.lastName.trim() } : {}),
      ...(values.email.trim() ? { email: values.email.trim() } : {}),
      ...(allowShared ? { allowSharedEmail: true } : {}),
    };
    pending.current = true;
    setSubmission({ kind: 'pending' });
    try {
      const record = await createClient(body, keys.current.keyFor(body));
      onCreated(record);
    } catch (error) {
      if (isApiError(error) && error.code === 'email-in-use' && !allowShared) {
        setSubmission({ kind: 'emailInUse', clientIds: error.problem.existingClientIds ?? [] });
      } else {
        setSubmission({ kind: 'failed', error, allowShared });
      }
    } finally {
      pending.current = false;
    }
  }

  async function linkInstead(client: Suggestion) {
    if (!onLinkInstead || pending.current) return;
    pending.current = true;
    setSubmission({ kind: 'pending' });
    try {
      await onLinkInstead(client, values.email.trim());
    } catch (error) {
      setSubmission({ kind: 'failed', error, allowShared: false });
    } finally {
      pending.current = false;
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(false);
  };

  const knownMatches: LookupMatch[] = participants.flatMap((p) => matchesOf(p.status));
  const nameOf = (clientId: string) => knownMatches.find((m) => m.clientId === clientId)?.displayName;
  const isPending = submission.kind === 'pending';
  const unknownGroupId = useId('new-client-unknown');
  const knownGroupId = useId('new-client-known');
  const personChoice = (p: ResolvedParticipant) => {
    const name = p.displayName || p.emailAddress;
    const role = t(`participants.role.${p.role}`);
    return (
      <Radio
        key={p.emailAddress}
        value={p.emailAddress}
        aria-label={t('newClient.participantOption', { name, role, address: p.emailAddress })}
        label={
          <span className={styles.person}>
            {/* Names come from email headers: rendered as text, never as markup. */}
            <Text>{t('newClient.participantName', { name, role })}</Text>
            <Caption1 className={styles.address}>{p.emailAddress}</Caption1>
          </span>
        }
      />
    );
  };

  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_, data) => !data.open && !isPending && onDismiss()}>
      <DialogSurface ref={surface} aria-describedby={undefined}>
        <form onSubmit={onSubmit} noValidate>
          <DialogBody>
            <DialogTitle>{t('newClient.title')}</DialogTitle>
            <DialogContent className={styles.form}>
              {choosable.length > 0 && (
                <Field label={t('newClient.participant')}>
                  <RadioGroup value={chosenAddress} onChange={(_, data) => choose(data.value)}>
                    {unknown.length > 0 && (
                      <div role="group" aria-labelledby={unknownGroupId} className={styles.group}>
                        <Caption1 id={unknownGroupId} className={styles.groupLabel}>{t('newClient.unknownGroup')}</Caption1>
                        {unknown.map(personChoice)}
                      </div>
                    )}
                    {known.length > 0 && (
                      <div role="group" aria-labelledby={knownGroupId} className={styles.group}>
                        <Caption1 id={knownGroupId} className={styles.groupLabel}>{t('newClient.knownGroup')}</Caption1>
                        {known.map(personChoice)}
                      </div>
                    )}
                  </RadioGroup>
                </Field>
              )}
              <Field label={t('newClient.firstName')} required validationMessage={showValidation ? firstNameError : undefined}>
                <Input value={values.firstName} onChange={update('firstName')} maxLength={100} autoComplete="off" />
              </Field>
              <Field label={t('newClient.lastName')}>
                <Input value={values.lastName} onChange={update('lastName')} maxLength={100} autoComplete="off" />
              </Field>
              <Field label={t('newClient.email')} validationMessage={showValidation ? emailError : undefined}>
                <Input type="email" value={values.email} onChange={update('email')} maxLength={254} autoComplete="off" />
              </Field>
              {submission.kind === 'sameName' && (
                <MessageBar intent="warning" layout="multiline" data-testid="same-name">
                  <MessageBarBody>
                    {t(onLinkInstead ? 'newClient.duplicate' : 'newClient.duplicateNoAddress', { name: submission.client.displayName })}
                  </MessageBarBody>
                  <MessageBarActions>
                    {onLinkInstead ? (
                      <Button size="small" appearance="primary" onClick={() => void linkInstead(submission.client)}>
                        {t('newClient.linkInstead', { name: submission.client.displayName })}
                      </Button>
                    ) : (
                      <Button size="small" onClick={() => onOpenClient(submission.client.clientId)}>
                        {t('newClient.openInstead', { name: submission.client.displayName })}
                      </Button>
                    )}
                    <Button size="small" onClick={() => void submit(false)}>
                      {t('newClient.createDuplicate')}
                    </Button>
                  </MessageBarActions>
                </MessageBar>
              )}
              {submission.kind === 'emailInUse' && (
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>
                    {t('newClient.emailInUse', { count: Math.max(submission.clientIds.length, 1) })}
                    <div className={styles.choices}>
                      {submission.clientIds.map((id, index) => (
                        <Button key={id} size="small" appearance="transparent" onClick={() => onOpenClient(id)}>
                          {submission.clientIds.length === 1
                            ? t('newClient.openExisting')
                            : nameOf(id)
                              ? t('participants.openClient', { name: nameOf(id)! })
                              : t('newClient.openExistingNumbered', { number: index + 1 })}
                        </Button>
                      ))}
                    </div>
                  </MessageBarBody>
                  <MessageBarActions>
                    <Button size="small" onClick={() => void submit(true)}>
                      {t('newClient.createAnyway')}
                    </Button>
                  </MessageBarActions>
                </MessageBar>
              )}
              {submission.kind === 'failed' && <ErrorBar error={submission.error} onRetry={() => void submit(submission.allowShared)} />}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onDismiss} disabled={isPending}>
                {t('common.cancel')}
              </Button>
              <Button
                appearance="primary"
                type="submit"
                disabled={isPending}
                icon={isPending ? <Spinner size="tiny" /> : undefined}
              >
                {isPending ? t('newClient.creating') : t('newClient.create')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

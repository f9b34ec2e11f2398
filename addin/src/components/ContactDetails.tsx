import { Button, Field, Input, type InputProps, makeStyles, MessageBar, MessageBarBody, Select, Subtitle2, tokens } from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../api/errors';
import type { ClientRecord, ClientStatus, UpdateClientBody } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { ErrorBar } from './ErrorBar';
import { FormActions } from './FormActions';
import { looksLikeEmail } from './validation';

const useStyles = makeStyles({
  section: { padding: `0 ${tokens.spacingHorizontalM}`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS },
  list: { margin: 0, display: 'grid', gridTemplateColumns: 'minmax(90px, auto) 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

interface ContactDraft {
  firstName: string;
  lastName: string;
  preferredName: string;
  dateOfBirth: string;
  phone: string;
  email: string;
  status: ClientStatus;
}

const draftFrom = (record: ClientRecord): ContactDraft => ({
  firstName: record.firstName ?? '',
  lastName: record.lastName ?? '',
  preferredName: record.preferredName ?? '',
  dateOfBirth: record.dateOfBirth ?? '',
  phone: record.phone ?? '',
  email: record.email ?? '',
  status: record.status,
});

function rebase(draft: ContactDraft, base: ContactDraft, latest: ContactDraft): ContactDraft {
  const rebased = { ...latest };
  (Object.keys(draft) as (keyof ContactDraft)[]).forEach((key) => {
    if (draft[key] !== base[key]) (rebased as Record<string, string>)[key] = draft[key];
  });
  return rebased;
}

/** Only what changed is sent (merge semantics); an emptied optional value is sent as null to clear it. */
function changesBetween(record: ClientRecord, draft: ContactDraft): UpdateClientBody {
  const original = draftFrom(record);
  const changes: Record<string, string | null> = {};
  (Object.keys(draft) as (keyof ContactDraft)[]).forEach((key) => {
    const value = draft[key].trim();
    if (value !== original[key].trim()) changes[key] = value === '' && key !== 'firstName' ? null : value;
  });
  return changes as UpdateClientBody;
}

export interface ContactDetailsProps {
  record: ClientRecord;
  onSave: (changes: UpdateClientBody) => Promise<unknown>;
}

export function ContactDetails({ record, onSave }: ContactDetailsProps) {
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const [draft, setDraft] = useState<ContactDraft | null>(null);
  const baseRef = useRef<ContactDraft | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [showValidation, setShowValidation] = useState(false);

  // When the record is reloaded under an open form (after a conflict), keep the user's own edits
  // and take everything else from the new version, so saving again does not undo the other change.
  useEffect(() => {
    const previousBase = baseRef.current;
    if (!previousBase) return;
    const latest = draftFrom(record);
    baseRef.current = latest;
    setDraft((current) => (current ? rebase(current, previousBase, latest) : current));
  }, [record]);

  const startEditing = () => {
    setDraft(draftFrom(record));
    baseRef.current = draftFrom(record);
    setError(null);
    setShowValidation(false);
  };

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!draft) return;
    setShowValidation(true);
    if (!draft.firstName.trim() || (draft.email.trim() && !looksLikeEmail(draft.email))) return;
    const changes = changesBetween(record, draft);
    if (Object.keys(changes).length === 0) {
      baseRef.current = null;
      setDraft(null);
      return;
    }
    setPending(true);
    setError(null);
    try {
      await onSave(changes);
      baseRef.current = null;
      setDraft(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };

  const conflict = isApiError(error) && error.status === 412;
  const shown = (value: string | null) => value || t('common.notSet');

  if (!draft) {
    const rows: [string, string][] = [
      [t('contact.firstName'), shown(record.firstName)],
      [t('contact.lastName'), shown(record.lastName)],
      [t('contact.preferredName'), shown(record.preferredName)],
      [t('contact.dateOfBirth'), record.dateOfBirth ? formatDate(record.dateOfBirth) : t('common.notSet')],
      [t('contact.phone'), shown(record.phone)],
      [t('contact.email'), shown(record.email)],
      [t('contact.status'), t(`contact.status.${record.status}`)],
    ];
    return (
      <section className={styles.section} aria-labelledby="contact-heading">
        <div className={styles.heading}>
          <Subtitle2 as="h3" id="contact-heading">
            {t('contact.heading')}
          </Subtitle2>
          <Button size="small" appearance="subtle" icon={<EditRegular />} onClick={startEditing} aria-label={t('contact.edit')}>
            {t('common.edit')}
          </Button>
        </div>
        <dl className={styles.list}>
          {rows.map(([term, value]) => (
            <div key={term} style={{ display: 'contents' }}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.value}>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
    );
  }

  const field = (key: keyof Omit<ContactDraft, 'status'>, label: string, type: InputProps['type'] = 'text', validation?: string) => (
    <Field label={label} required={key === 'firstName'} validationMessage={showValidation ? validation : undefined}>
      <Input type={type} value={draft[key]} onChange={(_, data) => setDraft({ ...draft, [key]: data.value })} />
    </Field>
  );

  return (
    <section className={styles.section} aria-labelledby="contact-heading">
      <Subtitle2 as="h3" id="contact-heading">
        {t('contact.heading')}
      </Subtitle2>
      {conflict && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('contact.conflict')}</MessageBarBody>
        </MessageBar>
      )}
      {error !== null && !conflict && <ErrorBar error={error} onRetry={() => void save()} />}
      <form className={styles.form} onSubmit={(e) => void save(e)} noValidate>
        {field('firstName', t('contact.firstName'), 'text', draft.firstName.trim() ? undefined : t('newClient.firstNameRequired'))}
        {field('lastName', t('contact.lastName'))}
        {field('preferredName', t('contact.preferredName'))}
        {field('dateOfBirth', t('contact.dateOfBirth'), 'date')}
        {field('phone', t('contact.phone'), 'tel')}
        {field('email', t('contact.email'), 'email', draft.email.trim() && !looksLikeEmail(draft.email) ? t('newClient.emailInvalid') : undefined)}
        <Field label={t('contact.status')}>
          <Select value={draft.status} onChange={(_, data) => setDraft({ ...draft, status: data.value as ClientStatus })}>
            <option value="active">{t('contact.status.active')}</option>
            <option value="inactive">{t('contact.status.inactive')}</option>
          </Select>
        </Field>
        <FormActions
          pending={pending}
          onCancel={() => {
            baseRef.current = null;
            setDraft(null);
          }}
          submitLabel={pending ? t('common.saving') : t('common.save')}
        />
      </form>
    </section>
  );
}

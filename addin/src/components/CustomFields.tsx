import { Button, Field, Input, type InputProps, makeStyles, Select, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import type { ClientRecord, FieldDefinition, FieldType } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { ErrorBar } from './ErrorBar';
import { FormActions } from './FormActions';

const useStyles = makeStyles({
  section: { padding: `0 ${tokens.spacingHorizontalM}`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'grid', gridTemplateColumns: 'minmax(90px, auto) 1fr auto', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  label: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  value: { overflowWrap: 'anywhere' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, gridColumn: '1 / -1' },
});

const fieldTypes: FieldType[] = ['text', 'email', 'phone', 'date', 'number'];
const inputTypeFor: Record<FieldType, InputProps['type']> = { text: 'text', email: 'email', phone: 'tel', date: 'date', number: 'number' };

export interface CustomFieldsProps {
  record: ClientRecord;
  definitions: FieldDefinition[];
  onSetValue: (fieldId: string, value: string | null) => Promise<unknown>;
  onAddField: (label: string, type: FieldType, value: string) => Promise<unknown>;
}

export function CustomFields({ record, definitions, onSetValue, onAddField }: CustomFieldsProps) {
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  const valueOf = (fieldId: string) => record.fields.find((f) => f.fieldId === fieldId)?.value ?? null;
  // Every workspace field is shown, plus any value whose definition the list did not include.
  const rows: FieldDefinition[] = [
    ...definitions,
    ...record.fields.filter((f) => !definitions.some((d) => d.id === f.fieldId)).map((f) => ({ id: f.fieldId, label: f.label, type: f.type })),
  ];
  const display = (definition: FieldDefinition) => {
    const value = valueOf(definition.id);
    if (value === null || value === '') return t('common.notSet');
    return definition.type === 'date' ? formatDate(String(value)) : String(value);
  };

  return (
    <section className={styles.section} aria-labelledby="custom-fields-heading">
      <Subtitle2 as="h3" id="custom-fields-heading">
        {t('customFields.heading')}
      </Subtitle2>
      {rows.length === 0 && <Text>{t('customFields.none')}</Text>}
      <ul className={styles.list}>
        {rows.map((definition) => (
          <li key={definition.id} className={styles.row}>
            {editingId === definition.id ? (
              <ValueEditor
                definition={definition}
                initialValue={String(valueOf(definition.id) ?? '')}
                onSave={async (value) => {
                  await onSetValue(definition.id, value === '' ? null : value);
                  setEditingId(null);
                }}
                onCancel={() => setEditingId(null)}
              />
            ) : (
              <>
                <Text className={styles.label}>{definition.label}</Text>
                <Text className={styles.value}>{display(definition)}</Text>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<EditRegular />}
                  aria-label={t('customFields.editValue', { label: definition.label })}
                  onClick={() => setEditingId(definition.id)}
                />
              </>
            )}
          </li>
        ))}
      </ul>
      {adding ? (
        <NewFieldForm
          onAdd={async (label, type, value) => {
            await onAddField(label, type, value);
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <div>
          <Button size="small" onClick={() => setAdding(true)}>
            {t('customFields.newField')}
          </Button>
        </div>
      )}
    </section>
  );
}

function usePendingAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (action: () => Promise<void>) => {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };
  return { pending, error, run };
}

interface ValueEditorProps {
  definition: FieldDefinition;
  initialValue: string;
  onSave: (value: string) => Promise<void>;
  onCancel: () => void;
}

function ValueEditor({ definition, initialValue, onSave, onCancel }: ValueEditorProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const [value, setValue] = useState(initialValue);
  const { pending, error, run } = usePendingAction();
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    void run(() => onSave(value.trim()));
  };
  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <Field label={definition.label}>
        <Input type={inputTypeFor[definition.type]} value={value} onChange={(_, data) => setValue(data.value)} autoFocus />
      </Field>
      {error !== null && <ErrorBar error={error} onRetry={() => submit()} />}
      <FormActions size="small" pending={pending} onCancel={onCancel} submitLabel={t('common.save')} />
    </form>
  );
}

interface NewFieldFormProps {
  onAdd: (label: string, type: FieldType, value: string) => Promise<void>;
  onCancel: () => void;
}

function NewFieldForm({ onAdd, onCancel }: NewFieldFormProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const [label, setLabel] = useState('');
  const [type, setType] = useState<FieldType>('text');
  const [value, setValue] = useState('');
  const [showValidation, setShowValidation] = useState(false);
  const { pending, error, run } = usePendingAction();

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    setShowValidation(true);
    if (!label.trim()) return;
    void run(() => onAdd(label.trim(), type, value.trim()));
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={t('customFields.newFieldTitle')}>
      <Subtitle2 as="h4">{t('customFields.newFieldTitle')}</Subtitle2>
      <Field label={t('customFields.label')} required validationMessage={showValidation && !label.trim() ? t('customFields.labelRequired') : undefined}>
        <Input value={label} onChange={(_, data) => setLabel(data.value)} maxLength={100} autoFocus />
      </Field>
      <Field label={t('customFields.type')}>
        <Select value={type} onChange={(_, data) => setType(data.value as FieldType)}>
          {fieldTypes.map((fieldType) => (
            <option key={fieldType} value={fieldType}>
              {t(`customFields.type.${fieldType}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('customFields.value')}>
        <Input type={inputTypeFor[type]} value={value} onChange={(_, data) => setValue(data.value)} />
      </Field>
      {error !== null && <ErrorBar error={error} onRetry={() => submit()} />}
      <FormActions size="small" pending={pending} onCancel={onCancel} submitLabel={t('customFields.add')} />
    </form>
  );
}

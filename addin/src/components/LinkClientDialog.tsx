import {
  Button,
  Caption1,
  Checkbox,
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
} from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../api/errors';
import type { ClientRecord, ClientSummary, LinkEmailBody } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { ErrorBar } from './ErrorBar';
import { useDialogFocus } from './useDialogFocus';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  result: { display: 'flex', flexDirection: 'column' },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  results: { maxHeight: '220px', overflowY: 'auto' },
});

export type SearchState =
  | { kind: 'idle' }
  | { kind: 'searching' }
  | { kind: 'done'; items: ClientSummary[] }
  | { kind: 'failed'; error: unknown };

export interface LinkClientDialogProps {
  /** Kept mounted while closing so Fluent can restore the page behind the modal. */
  open?: boolean;
  address: string;
  /** The search box's text, and what searching for it found so far (app/LinkClientContainer searches as it changes). */
  query: string;
  onQueryChange: (query: string) => void;
  search: SearchState;
  onRetrySearch: () => void;
  linkEmail: (clientId: string, body: LinkEmailBody) => Promise<ClientRecord>;
  onLinked: (record: ClientRecord, address: string) => void;
  onDismiss: () => void;
}

type Step =
  | { kind: 'editing' }
  | { kind: 'confirmReplace'; currentPrimary: string }
  | { kind: 'emailInUse'; replace: boolean }
  | { kind: 'failed'; error: unknown; options: SaveOptions };

interface SaveOptions {
  allowShared?: boolean;
  replace?: boolean;
}

export function LinkClientDialog({ open = true, address, query, onQueryChange, search, onRetrySearch, linkEmail, onLinked, onDismiss }: LinkClientDialogProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const surface = useDialogFocus(open);
  const [selected, setSelected] = useState<ClientSummary | null>(null);
  const [pickError, setPickError] = useState(false);
  const [saveAs, setSaveAs] = useState<'primary' | 'secondary'>('primary');
  const [label, setLabel] = useState(() => t('fields.defaultSecondaryLabel'));
  const [keepOld, setKeepOld] = useState(true);
  const [step, setStep] = useState<Step>({ kind: 'editing' });
  const [pending, setPending] = useState(false);
  const pendingRef = useRef(false);

  const bodyFor = (options: SaveOptions): LinkEmailBody =>
    saveAs === 'secondary'
      ? { address, as: 'secondary', label: label.trim() || t('fields.defaultSecondaryLabel'), ...(options.allowShared ? { allowSharedEmail: true } : {}) }
      : {
          address,
          as: 'primary',
          ...(options.allowShared ? { allowSharedEmail: true } : {}),
          ...(options.replace ? { replacePrimary: true, keepPreviousAsSecondary: keepOld } : {}),
        };

  async function save(options: SaveOptions) {
    if (!selected) {
      setPickError(true);
      return;
    }
    if (pendingRef.current) return;
    const needsConfirmation =
      saveAs === 'primary' && !options.replace && selected.email && selected.email.toLowerCase() !== address.toLowerCase();
    if (needsConfirmation) {
      setStep({ kind: 'confirmReplace', currentPrimary: selected.email! });
      return;
    }
    pendingRef.current = true;
    setPending(true);
    try {
      const record = await linkEmail(selected.id, bodyFor(options));
      onLinked(record, address);
    } catch (error) {
      if (isApiError(error) && error.code === 'email-in-use') setStep({ kind: 'emailInUse', replace: !!options.replace });
      else if (isApiError(error) && error.code === 'primary-exists')
        setStep({ kind: 'confirmReplace', currentPrimary: String(error.problem.currentPrimary ?? '') });
      else setStep({ kind: 'failed', error, options });
    } finally {
      pendingRef.current = false;
      setPending(false);
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save({ replace: step.kind === 'confirmReplace' });
  };

  const choose = (id: string) => {
    const items = search.kind === 'done' ? search.items : [];
    setSelected(items.find((c) => c.id === id) ?? null);
    setPickError(false);
    setStep({ kind: 'editing' });
  };

  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_, data) => !data.open && !pending && onDismiss()}>
      <DialogSurface ref={surface} aria-describedby={undefined}>
        <form onSubmit={onSubmit} noValidate>
          <DialogBody>
            <DialogTitle>{t('link.title')}</DialogTitle>
            <DialogContent className={styles.form}>
              <Text className={styles.muted}>{t('link.address', { address })}</Text>
              <Field label={t('link.search')} hint={search.kind === 'idle' ? t('link.typeToSearch') : undefined}>
                <Input
                  type="search"
                  value={query}
                  placeholder={t('link.searchPlaceholder')}
                  contentBefore={<SearchRegular aria-hidden />}
                  onChange={(_, data) => onQueryChange(data.value)}
                  autoComplete="off"
                />
              </Field>
              {search.kind === 'searching' && <Spinner size="tiny" label={t('link.searching')} />}
              {search.kind === 'failed' && <ErrorBar error={search.error} onRetry={onRetrySearch} />}
              {search.kind === 'done' && search.items.length === 0 && (
                <Text role="status">{t('link.noResults', { query: query.trim() })}</Text>
              )}
              {search.kind === 'done' && search.items.length > 0 && (
                <Field
                  label={t('link.pickClient', { count: search.items.length })}
                  validationMessage={pickError ? t('link.pickClientRequired') : undefined}
                  required
                >
                  <RadioGroup className={styles.results} value={selected?.id ?? ''} onChange={(_, data) => choose(data.value)}>
                    {search.items.map((client) => (
                      <Radio
                        key={client.id}
                        value={client.id}
                        label={
                          <span className={styles.result}>
                            <span>{client.displayName}</span>
                            {client.email && <Caption1 className={styles.muted}>{client.email}</Caption1>}
                          </span>
                        }
                      />
                    ))}
                  </RadioGroup>
                </Field>
              )}
              {pickError && !(search.kind === 'done' && search.items.length > 0) && <Text role="alert">{t('link.pickClientRequired')}</Text>}
              <Field label={t('link.saveAs')}>
                <RadioGroup
                  value={saveAs}
                  onChange={(_, data) => {
                    setSaveAs(data.value as 'primary' | 'secondary');
                    setStep({ kind: 'editing' });
                  }}
                >
                  <Radio value="primary" label={t('link.asPrimary')} />
                  <Radio value="secondary" label={t('link.asSecondary')} />
                </RadioGroup>
              </Field>
              {saveAs === 'secondary' && (
                <Field label={t('link.secondaryLabel')}>
                  <Input value={label} onChange={(_, data) => setLabel(data.value)} maxLength={100} />
                </Field>
              )}
              {step.kind === 'confirmReplace' && (
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>
                    <span>{t('link.replaceConfirm', { name: selected?.displayName ?? '', address: step.currentPrimary })}</span>
                    <Checkbox checked={keepOld} onChange={(_, data) => setKeepOld(!!data.checked)} label={t('link.keepOldAsSecondary')} />
                  </MessageBarBody>
                </MessageBar>
              )}
              {step.kind === 'emailInUse' && (
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>{t('link.emailInUse')}</MessageBarBody>
                  <MessageBarActions>
                    <Button size="small" onClick={() => void save({ allowShared: true, replace: step.replace })}>
                      {t('link.linkAnyway')}
                    </Button>
                  </MessageBarActions>
                </MessageBar>
              )}
              {step.kind === 'failed' && <ErrorBar error={step.error} onRetry={() => void save(step.options)} />}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onDismiss} disabled={pending}>
                {t('common.cancel')}
              </Button>
              <Button appearance="primary" type="submit" disabled={pending} icon={pending ? <Spinner size="tiny" /> : undefined}>
                {step.kind === 'confirmReplace' ? t('link.replaceAndSave') : t('link.save')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

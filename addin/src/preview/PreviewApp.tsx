import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  FluentProvider,
  makeStyles,
  mergeClasses,
  Select,
  Subtitle1,
  Switch,
  Text,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { isApiError } from '../api/errors';
import { localeFor } from '../i18n/translator';
import { previewTranslator, type PreviewTranslator } from './previewCatalog';
import type { OutlookPreviewHost } from './previewHost';
import { sampleMessages, type SampleMessage, type SamplePerson } from './sampleMessages';
import { OutboxPanel } from './OutboxPanel';
import { paneUrl } from './paneUrl';
import { runOnMessageSend } from './sendEventRuntime';
import { connectPreview } from './previewApi';
import { seedSampleClients } from './seedSampleClients';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  toolbar: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  toolbarTitle: { flexGrow: 1, color: tokens.colorNeutralForegroundOnBrand },
  toolbarLabel: { color: tokens.colorNeutralForegroundOnBrand, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  body: { display: 'flex', flexGrow: 1, minHeight: 0 },
  nav: { width: '300px', flexShrink: 0, overflowY: 'auto', borderRight: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1 },
  list: { margin: 0, padding: 0, listStyle: 'none' },
  listRow: { display: 'flex', alignItems: 'center' },
  listItem: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    width: '100%',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: 'none',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    background: 'none',
    color: tokens.colorNeutralForeground1,
    textAlign: 'left',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected, borderLeft: `3px solid ${tokens.colorBrandStroke1}` },
  ellipsis: { maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  reading: { flexGrow: 1, minWidth: 0, overflowY: 'auto', padding: tokens.spacingHorizontalXL, backgroundColor: tokens.colorNeutralBackground1 },
  meta: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalM} 0` },
  pane: { width: '340px', flexShrink: 0, border: 'none', borderLeft: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1 },
  calm: { color: tokens.colorNeutralForeground3 },
  // ?device=phone: Outlook on iOS and Android shows the task pane over the whole screen.
  phonePane: { display: 'block', width: '100vw', height: '100vh', border: 'none' },
});

const people = (list: SamplePerson[]) => list.map((p) => (p.displayName ? `${p.displayName} <${p.emailAddress}>` : p.emailAddress)).join('; ');

type SeedStatus =
  | { kind: 'idle' }
  | { kind: 'seeding' }
  | { kind: 'seeded'; created: number; alreadyThere: number }
  | { kind: 'failed'; code: string };

function seedStatusText(status: SeedStatus, t: PreviewTranslator['t']): string {
  switch (status.kind) {
    case 'idle':
      return '';
    case 'seeding':
      return t('preview.seeding');
    case 'seeded':
      return t('preview.seeded', { created: status.created, alreadyThere: status.alreadyThere });
    case 'failed':
      return t('preview.seedFailed', { code: status.code });
  }
}

export function PreviewApp({ host, query }: { host: OutlookPreviewHost; query: URLSearchParams }) {
  const styles = useStyles();
  const [selected, setSelected] = useState<SampleMessage | null>(host.getItem());
  const [selectedIds, setSelectedIds] = useState(host.getSelectedIds());
  const [language, setLanguage] = useState(host.displayLanguage);
  const [account, setAccount] = useState(host.userProfile.emailAddress);
  const [dark, setDark] = useState(host.theme === 'dark');
  const [paneKey, setPaneKey] = useState(0);
  const [seedStatus, setSeedStatus] = useState<SeedStatus>({ kind: 'idle' });
  const [outboxOpen, setOutboxOpen] = useState(false);
  const [sendStatus, setSendStatus] = useState<string | null>(null);
  // The page speaks the language it gives the pane as Office's display language.
  const translator = useMemo(() => previewTranslator(localeFor(language)), [language]);
  const { t } = translator;
  const search = query.toString() ? `?${query.toString()}` : '';
  const preview = useMemo(() => connectPreview(search), [search]);

  useEffect(() => {
    document.documentElement.lang = translator.locale;
    document.title = t('preview.pageTitle');
  }, [translator, t]);

  useEffect(() => host.subscribe(() => setSelected(host.getItem())), [host]);
  useEffect(() => {
    const update = () => setSelectedIds(host.getSelectedIds());
    const stopSelection = host.subscribeSelection(update);
    const stopItem = host.subscribe(update);
    return () => {
      stopSelection();
      stopItem();
    };
  }, [host]);
  // A checkbox per message adds it to the selection, as Ctrl-click does in Outlook (item multi-select).
  const toggleSelected = (id: string, checked: boolean) =>
    host.selectMany(checked ? [...selectedIds.filter((s) => s !== id), id] : selectedIds.filter((s) => s !== id));

  const changeLanguage = (value: string) => {
    host.displayLanguage = value;
    setLanguage(value);
    // Office fixes the display language when the add-in starts, so the pane is reloaded.
    setPaneKey((k) => k + 1);
  };

  const changeTheme = (isDark: boolean) => {
    setDark(isDark);
    host.setTheme(isDark ? 'dark' : 'light');
  };

  const seed = async () => {
    setSeedStatus({ kind: 'seeding' });
    try {
      const result = await seedSampleClients(preview.api);
      setSeedStatus({ kind: 'seeded', ...result });
      setPaneKey((k) => k + 1);
    } catch (error) {
      setSeedStatus({ kind: 'failed', code: isApiError(error) ? error.code : 'network' });
    }
  };

  // Outlook's Send: OnMessageSend runs first (the send-event bundle on fake Office), then the draft goes
  // to Sent Items and its window closes; the pane, opened again on the next message, resolves save on send.
  const sendDraft = async (draft: SampleMessage) => {
    setSendStatus(null);
    try {
      const outcome = await runOnMessageSend(paneUrl(query, '/preview/send-event.html'));
      host.sendEvents.push(outcome);
      if (!outcome.allowEvent) return;
      await preview.sendDraft(draft);
      setSendStatus(t('preview.sent'));
      host.select(sampleMessages.find((m) => m.mode === 'read')?.id ?? null);
      setPaneKey((k) => k + 1);
    } catch (error) {
      setSendStatus(t('preview.sendFailed', { code: isApiError(error) ? error.code : 'network' }));
    }
  };

  if (query.get('device') === 'phone') return <iframe className={styles.phonePane} title={t('preview.paneFrame')} src={paneUrl(query)} />;

  return (
    <>
      <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={translator.locale}>
        <div className={styles.page}>
          <div className={styles.toolbar} role="toolbar" aria-label={t('preview.settings')}>
            <Subtitle1 as="h1" className={styles.toolbarTitle}>
              {t('preview.title')}
            </Subtitle1>
            <label className={styles.toolbarLabel}>
              {t('preview.language')}
              <Select value={language} onChange={(_, data) => changeLanguage(data.value)} aria-label={t('preview.language')}>
                <option value="en-US" lang="en-US">
                  {t('preview.language.en-US')}
                </option>
                <option value="pt-BR" lang="pt-BR">
                  {t('preview.language.pt-BR')}
                </option>
              </Select>
            </label>
            {host.accounts.length > 1 && (
              <label className={styles.toolbarLabel}>
                {t('preview.account')}
                <Select
                  value={account}
                  aria-label={t('preview.account')}
                  onChange={(_, data) => {
                    setAccount(data.value);
                    host.switchAccount(data.value);
                  }}
                >
                  {host.accounts.map((a) => (
                    <option key={a.emailAddress} value={a.emailAddress}>
                      {a.emailAddress}
                    </option>
                  ))}
                </Select>
              </label>
            )}
            <Switch
              checked={dark}
              onChange={(_, data) => changeTheme(data.checked)}
              label={<span className={styles.toolbarLabel}>{t('preview.darkTheme')}</span>}
            />
            <Button onClick={() => void seed()}>{t('preview.seed')}</Button>
            <Button aria-pressed={outboxOpen} onClick={() => setOutboxOpen((open) => !open)}>
              {t('preview.outbox')}
            </Button>
            <Text role="status" className={styles.toolbarLabel}>
              {seedStatusText(seedStatus, t)}
            </Text>
          </div>
          <div className={styles.body}>
            <nav aria-label={t('preview.messages')} className={styles.nav}>
              <ul className={styles.list}>
                {[null, ...sampleMessages].map((message) => (
                  <li key={message?.id ?? 'none'} className={styles.listRow}>
                    {message && message.mode === 'read' && (
                      // Labelled by the message itself: this preview-only control adds no words to the pane's catalogs.
                      <Checkbox
                        aria-label={message.subject}
                        checked={selectedIds.includes(message.id)}
                        onChange={(_, data) => toggleSelected(message.id, !!data.checked)}
                      />
                    )}
                    <button
                      type="button"
                      className={mergeClasses(styles.listItem, selected?.id === message?.id && styles.selected)}
                      aria-current={selected?.id === message?.id ? 'true' : undefined}
                      onClick={() => host.select(message?.id ?? null)}
                    >
                      {message ? (
                        <>
                          <Text weight="semibold" className={styles.ellipsis}>
                            {message.mode === 'compose' ? t('preview.draft', { to: people(message.to) }) : message.from.displayName || message.from.emailAddress}
                          </Text>
                          <Body1 className={styles.ellipsis}>{message.subject}</Body1>
                        </>
                      ) : (
                        <Text className={styles.calm}>{t('preview.noMessage')}</Text>
                      )}
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
            {outboxOpen ? (
              <OutboxPanel loadOutbox={preview.outbox} onClose={() => setOutboxOpen(false)} translator={translator} />
            ) : (
            <section className={styles.reading} aria-label={t('preview.readingPane')}>
              {selected ? (
                <>
                  <Subtitle1 as="h2">{selected.subject}</Subtitle1>
                  <div className={styles.meta}>
                    <Caption1>{t('preview.from')}</Caption1>
                    <Caption1>{people([selected.from])}</Caption1>
                    <Caption1>{t('preview.to')}</Caption1>
                    <Caption1>{people(selected.to)}</Caption1>
                    {selected.cc.length > 0 && (
                      <>
                        <Caption1>{t('preview.cc')}</Caption1>
                        <Caption1>{people(selected.cc)}</Caption1>
                      </>
                    )}
                  </div>
                  <Body1 as="p">{selected.body}</Body1>
                  {selected.mode === 'compose' && (
                    <Button appearance="primary" onClick={() => void sendDraft(selected)}>
                      {t('preview.send')}
                    </Button>
                  )}
                </>
              ) : (
                <Text className={styles.calm}>{t('preview.selectItem')}</Text>
              )}
              {sendStatus && <Caption1 role="status">{sendStatus}</Caption1>}
            </section>
            )}
            <iframe key={paneKey} className={styles.pane} title={t('preview.paneFrame')} src={paneUrl(query)} />
          </div>
        </div>
      </FluentProvider>
    </>
  );
}

import {
  Body1,
  Button,
  Caption1,
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
import { useEffect, useState } from 'react';
import { isApiError } from '../api/errors';
import type { OutlookPreviewHost } from './previewHost';
import { sampleMessages, type SampleMessage, type SamplePerson } from './sampleMessages';
import { OutboxPanel } from './OutboxPanel';
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
});

const people = (list: SamplePerson[]) => list.map((p) => (p.displayName ? `${p.displayName} <${p.emailAddress}>` : p.emailAddress)).join('; ');

function paneUrl(query: URLSearchParams): string {
  const forwarded = new URLSearchParams();
  for (const name of ['tenant', 'user']) {
    const value = query.get(name);
    if (value) forwarded.set(name, value);
  }
  const qs = forwarded.toString();
  return `/preview/taskpane.html${qs ? `?${qs}` : ''}`;
}

export function PreviewApp({ host, query }: { host: OutlookPreviewHost; query: URLSearchParams }) {
  const styles = useStyles();
  const [selected, setSelected] = useState<SampleMessage | null>(host.getItem());
  const [language, setLanguage] = useState(host.displayLanguage);
  const [dark, setDark] = useState(host.theme === 'dark');
  const [paneKey, setPaneKey] = useState(0);
  const [seedStatus, setSeedStatus] = useState<string>('');
  const [outboxOpen, setOutboxOpen] = useState(false);

  useEffect(() => host.subscribe(() => setSelected(host.getItem())), [host]);

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
    setSeedStatus('Seeding…');
    try {
      const result = await seedSampleClients(query.toString() ? `?${query.toString()}` : '');
      setSeedStatus(`Sample clients ready (${result.created} created, ${result.alreadyThere} already there).`);
      setPaneKey((k) => k + 1);
    } catch (error) {
      setSeedStatus(`Seeding failed (${isApiError(error) ? error.code : 'network'}). Is the service running in Development?`);
    }
  };

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <div className={styles.page}>
        <div className={styles.toolbar} role="toolbar" aria-label="Preview settings">
          <Subtitle1 as="h1" className={styles.toolbarTitle}>
            Outlook preview
          </Subtitle1>
          <label className={styles.toolbarLabel}>
            Language
            <Select value={language} onChange={(_, data) => changeLanguage(data.value)} aria-label="Language">
              <option value="en-US">English</option>
              <option value="pt-BR">Português (Brasil)</option>
            </Select>
          </label>
          <Switch
            checked={dark}
            onChange={(_, data) => changeTheme(data.checked)}
            label={<span className={styles.toolbarLabel}>Dark theme</span>}
          />
          <Button onClick={() => void seed()}>Seed sample clients</Button>
          <Button aria-pressed={outboxOpen} onClick={() => setOutboxOpen((open) => !open)}>
            Outbox
          </Button>
          <Text role="status" className={styles.toolbarLabel}>
            {seedStatus}
          </Text>
        </div>
        <div className={styles.body}>
          <nav aria-label="Messages" className={styles.nav}>
            <ul className={styles.list}>
              {[null, ...sampleMessages].map((message) => (
                <li key={message?.id ?? 'none'}>
                  <button
                    type="button"
                    className={mergeClasses(styles.listItem, selected?.id === message?.id && styles.selected)}
                    aria-current={selected?.id === message?.id ? 'true' : undefined}
                    onClick={() => host.select(message?.id ?? null)}
                  >
                    {message ? (
                      <>
                        <Text weight="semibold" className={styles.ellipsis}>
                          {message.mode === 'compose' ? `[Draft] ${people(message.to)}` : message.from.displayName || message.from.emailAddress}
                        </Text>
                        <Body1 className={styles.ellipsis}>{message.subject}</Body1>
                      </>
                    ) : (
                      <Text className={styles.calm}>No message selected</Text>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          {outboxOpen ? (
            <OutboxPanel onClose={() => setOutboxOpen(false)} />
          ) : (
          <section className={styles.reading} aria-label="Reading pane">
            {selected ? (
              <>
                <Subtitle1 as="h2">{selected.subject}</Subtitle1>
                <div className={styles.meta}>
                  <Caption1>From</Caption1>
                  <Caption1>{people([selected.from])}</Caption1>
                  <Caption1>To</Caption1>
                  <Caption1>{people(selected.to)}</Caption1>
                  {selected.cc.length > 0 && (
                    <>
                      <Caption1>Cc</Caption1>
                      <Caption1>{people(selected.cc)}</Caption1>
                    </>
                  )}
                </div>
                <Body1 as="p">{selected.body}</Body1>
              </>
            ) : (
              <Text className={styles.calm}>Select an item to read</Text>
            )}
          </section>
          )}
          <iframe key={paneKey} className={styles.pane} title="OutlookCrm task pane" src={paneUrl(query)} />
        </div>
      </div>
    </FluentProvider>
  );
}

import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApiClient } from '../api/client';
import type { LookupMatch } from '../api/types';
import { errorMessageKey } from '../components/errorMessage';
import { SendSaveDefault, SendSaveSwitch } from '../components/SendSaveSwitch';
import { useI18n } from '../i18n/I18nContext';
import * as officeSendKey from '../office/sendOnSend';

const useStyles = makeStyles({
  error: { display: 'block', color: tokens.colorPaletteRedForeground1, padding: `0 ${tokens.spacingHorizontalM}` },
});

/** The Office side of save on send (office/sendOnSend.ts); tests pass a fake. */
export interface SendKeyGateway {
  canStampSendKey(): boolean;
  readSendKey(): Promise<string | null>;
  stampSendKey(key: string): Promise<void>;
  rememberSendSettings(settings: officeSendKey.SendSettings): Promise<void>;
}

export type RowControls = (match: Pick<LookupMatch, 'clientId' | 'displayName'>) => ReactNode;

export interface SaveOnSendProps {
  api: Pick<ApiClient, 'getSaveSettings' | 'setSaveSettings' | 'setSendSave'>;
  /** The known clients among the draft's participants. */
  clients: Pick<LookupMatch, 'clientId' | 'displayName'>[];
  /** Hands the per-row switch to the participant rows. */
  onRowControls: (controls: RowControls | undefined) => void;
  gateway?: SendKeyGateway;
  newKey?: () => string;
  serviceOrigin?: string;
}

/**
 * Save on send in compose mode (loaded only there). The choice per client starts from the user's
 * default; as soon as any client is chosen the draft gets a random send key (an Internet header) and
 * the service records the choice (PUT /api/send-saves/{key}), again on every change. Outlook's send
 * event, or the pane's next resolve where there is no event, saves the email once it is sent.
 */
export function SaveOnSend({ api, clients, onRowControls, gateway = officeSendKey, newKey = officeSendKey.newSendKey, serviceOrigin = globalThis.location?.origin }: SaveOnSendProps) {
  const { t, has } = useI18n();
  const styles = useStyles();
  const supported = useMemo(() => gateway.canStampSendKey(), [gateway]);
  const [defaultOn, setDefaultOn] = useState<boolean | null>(null);
  const [overrides, setOverrides] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<unknown>(null);
  const key = useRef<Promise<string> | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    api.getSaveSettings(abort.signal).then(
      (settings) => setDefaultOn(settings.saveToKnownClientsWhenSent),
      (failure) => {
        if (!abort.signal.aborted) {
          setDefaultOn(false);
          setError(failure);
        }
      },
    );
    return () => abort.abort();
  }, [api]);

  // The send event reads these when no pane is open.
  useEffect(() => {
    if (defaultOn !== null && supported) void gateway.rememberSendSettings({ saveOnSendDefault: defaultOn, serviceOrigin: serviceOrigin ?? null }).catch(() => undefined);
  }, [defaultOn, supported, gateway, serviceOrigin]);

  const chosen = useMemo(
    () => (defaultOn === null ? [] : clients.filter((c) => overrides[c.clientId] ?? defaultOn).map((c) => c.clientId)),
    [clients, overrides, defaultOn],
  );
  const chosenKey = chosen.join(',');

  useEffect(() => {
    if (!supported || defaultOn === null) return;
    if (chosen.length === 0 && !key.current) return;
    // One key per draft: the one already stamped (the pane reopened on it), else a new one. A failed stamp is tried again on the next change.
    key.current ??= (async () => (await gateway.readSendKey().catch(() => null)) ?? (await stamp(gateway, newKey())))().catch((failure) => {
      key.current = null;
      throw failure;
    });
    let current = true;
    key.current
      .then((sendKey) => api.setSendSave(sendKey, chosen))
      .then(
        () => current && setError(null),
        (failure) => current && setError(failure),
      );
    return () => {
      current = false;
    };
    // chosenKey stands for chosen's content.
  }, [chosenKey, supported, defaultOn, api, gateway, newKey]);

  const controls = useMemo<RowControls | undefined>(() => {
    if (!supported || defaultOn === null) return undefined;
    return (match) => (
      <SendSaveSwitch
        name={match.displayName}
        checked={overrides[match.clientId] ?? defaultOn}
        onChange={(checked) => setOverrides((o) => ({ ...o, [match.clientId]: checked }))}
      />
    );
  }, [supported, defaultOn, overrides]);
  useEffect(() => onRowControls(controls), [controls, onRowControls]);
  useEffect(() => () => onRowControls(undefined), [onRowControls]);

  const changeDefault = (on: boolean) => {
    setDefaultOn(on);
    setOverrides({});
    api.setSaveSettings({ saveToKnownClientsWhenSent: on }).then(
      () => setError(null),
      (failure) => setError(failure),
    );
  };

  return (
    <>
      <SendSaveDefault checked={defaultOn ?? false} disabled={defaultOn === null} supported={supported} onChange={changeDefault} />
      {error !== null && (
        <Caption1 className={styles.error} role="alert">
          {t(errorMessageKey(error, has))}
        </Caption1>
      )}
    </>
  );
}

async function stamp(gateway: SendKeyGateway, key: string): Promise<string> {
  await gateway.stampSendKey(key);
  return key;
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { canStampSendKey, draftRecipients, readSendKey, readSendSettings, rememberSendSettings, sendKeyHeader, stampSendKey } from './sendOnSend';

type Callback = (result: { status: string; value?: unknown; error?: { message: string } }) => void;
const ok = (cb: Callback, value?: unknown) => cb({ status: 'succeeded', value });

function installOffice({ mailbox18 = true, failHeaders = false } = {}) {
  const headers: Record<string, string> = {};
  const roaming = new Map<string, unknown>();
  const saveAsync = vi.fn((cb: Callback) => ok(cb));
  const recipients = (list: string[]) => ({ getAsync: (cb: Callback) => ok(cb, list.map((emailAddress) => ({ emailAddress, displayName: '' }))) });
  const office = {
    context: {
      requirements: { isSetSupported: (_: string, version: string) => mailbox18 || Number(version.split('.')[1]) < 8 },
      roamingSettings: { get: (name: string) => roaming.get(name), set: (name: string, value: unknown) => roaming.set(name, value), saveAsync },
      mailbox: {
        item: {
          internetHeaders: {
            getAsync: (names: string[], cb: Callback) =>
              failHeaders ? cb({ status: 'failed', error: { message: 'no' } }) : ok(cb, Object.fromEntries(names.filter((n) => n in headers).map((n) => [n, headers[n]]))),
            setAsync: (values: Record<string, string>, cb: Callback) => {
              Object.assign(headers, values);
              ok(cb);
            },
          },
          to: recipients(['ana@example.com']),
          cc: recipients(['bruno@example.com']),
          bcc: { getAsync: (cb: Callback) => cb({ status: 'failed', error: { message: 'bcc unavailable' } }) },
        },
      },
    },
  };
  (globalThis as Record<string, unknown>).Office = office;
  return { headers, roaming, saveAsync };
}

afterEach(() => delete (globalThis as Record<string, unknown>).Office);

describe('save on send through Office.js', () => {
  it('stamps and reads the draft send key header', async () => {
    const { headers } = installOffice();
    expect(canStampSendKey()).toBe(true);
    expect(await readSendKey()).toBeNull();
    await stampSendKey('k'.repeat(32));
    expect(headers).toEqual({ [sendKeyHeader]: 'k'.repeat(32) });
    expect(await readSendKey()).toBe('k'.repeat(32));
  });

  it('cannot stamp without Mailbox 1.8, and turns an Office failure into a rejection', async () => {
    installOffice({ mailbox18: false, failHeaders: true });
    expect(canStampSendKey()).toBe(false);
    await expect(readSendKey()).rejects.toThrow('no');
  });

  it('reads To, Cc and Bcc, leaving out a list Outlook cannot read', async () => {
    installOffice();
    expect(await draftRecipients()).toEqual(['ana@example.com', 'bruno@example.com']);
  });

  it('keeps the default and the origin in roaming settings, saving only on a change', async () => {
    const { saveAsync } = installOffice();
    expect(readSendSettings()).toEqual({ saveOnSendDefault: false, serviceOrigin: null });
    await rememberSendSettings({ saveOnSendDefault: true, serviceOrigin: 'https://crm.example' });
    expect(readSendSettings()).toEqual({ saveOnSendDefault: true, serviceOrigin: 'https://crm.example' });
    await rememberSendSettings({ saveOnSendDefault: true, serviceOrigin: 'https://crm.example' });
    expect(saveAsync).toHaveBeenCalledTimes(1);
  });

  it('does nothing without Office (a test page, a browser)', async () => {
    expect(canStampSendKey()).toBe(false);
    expect(await readSendKey()).toBeNull();
    expect(await draftRecipients()).toEqual([]);
    await expect(rememberSendSettings({ saveOnSendDefault: true, serviceOrigin: null })).resolves.toBeUndefined();
  });
});

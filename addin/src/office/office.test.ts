import { describe, expect, it, vi } from 'vitest';
import { createOfficeGateway, OfficeCallError, type MailItem } from './office';
import { listWithRoles } from './participants';

const person = (displayName: string, emailAddress: string) => ({ displayName, emailAddress });

function succeeded<T>(value: T) {
  return { status: 'succeeded', value };
}

function asyncField<T>(value: T, fail = false) {
  return {
    getAsync: (callback: (result: unknown) => void) =>
      setTimeout(() => callback(fail ? { status: 'failed', error: { message: 'boom' } } : succeeded(value)), 0),
  };
}

function fakeOffice(item: unknown, options: { ownAddress?: string; theme?: Partial<Office.OfficeTheme> & { isDarkTheme?: boolean } } = {}) {
  const handlers: Record<string, (() => void)[]> = {};
  const onReady = vi.fn((callback: () => void) => setTimeout(callback, 0));
  const displayMessageForm = vi.fn();
  const addHandlerAsync = vi.fn((eventType: string, handler: () => void) => {
    (handlers[eventType] ??= []).push(handler);
  });
  const office = {
    onReady,
    EventType: { ItemChanged: 'olkItemSelectedChanged', OfficeThemeChanged: 'officeThemeChanged' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      displayLanguage: 'pt-BR',
      officeTheme: options.theme,
      mailbox: {
        item,
        userProfile: { emailAddress: options.ownAddress ?? 'me@example.com', displayName: 'Me' },
        addHandlerAsync,
        displayMessageForm,
      },
    },
  };
  const fire = (eventType: string) => handlers[eventType]?.forEach((h) => h());
  return { office: office as unknown as typeof Office, onReady, addHandlerAsync, displayMessageForm, fire };
}

describe('office gateway: participants', () => {
  it('reads from, to and cc in read mode', async () => {
    const item = { from: person('Ana Souza', 'ana@example.com'), to: [person('Me', 'me@example.com'), person('Bo', 'bo@example.com')], cc: [person('Cy', 'cy@example.org')] };
    const { office } = fakeOffice(item);
    const gateway = createOfficeGateway(office);

    const participants = await gateway.readParticipants(gateway.currentItem()!);

    expect(participants).toEqual({
      from: person('Ana Souza', 'ana@example.com'),
      to: [person('Bo', 'bo@example.com')],
      cc: [person('Cy', 'cy@example.org')],
    });
  });

  it('reads compose mode through the async getters', async () => {
    const item = {
      from: asyncField(person('Me', 'me@example.com')),
      to: asyncField([person('Ana', 'ana@example.com')]),
      cc: asyncField([person('Bo', 'bo@example.com')]),
    };
    const gateway = createOfficeGateway(fakeOffice(item).office);

    const participants = await gateway.readParticipants(gateway.currentItem()!);

    expect(participants).toEqual({ from: null, to: [person('Ana', 'ana@example.com')], cc: [person('Bo', 'bo@example.com')] });
  });

  it("drops the user's own address whatever its case", async () => {
    const item = { from: person('Me', 'ME@Example.com'), to: [person('Me again', ' me@example.COM ')], cc: [] };
    const gateway = createOfficeGateway(fakeOffice(item).office);

    expect(listWithRoles(await gateway.readParticipants(gateway.currentItem()!))).toEqual([]);
  });

  it('drops the header quotes around a display name', async () => {
    const item = { from: person('"Priya Nair"', 'priya@example.com'), to: [person(" 'Bo' ", 'bo@example.com'), person('"', 'q@example.com')], cc: [] };
    const gateway = createOfficeGateway(fakeOffice(item).office);

    const names = listWithRoles(await gateway.readParticipants(gateway.currentItem()!)).map((p) => p.displayName);

    expect(names).toEqual(['Priya Nair', 'Bo', '"']);
  });

  it('keeps each address once, in its first role (from, then to, then cc)', async () => {
    const item = {
      from: person('Ana', 'ana@example.com'),
      to: [person('Ana S.', 'ANA@example.com'), person('Bo', 'bo@example.com')],
      cc: [person('Bo', 'Bo@Example.com'), person('Cy', 'cy@example.com')],
    };
    const gateway = createOfficeGateway(fakeOffice(item).office);

    const roles = listWithRoles(await gateway.readParticipants(gateway.currentItem()!)).map((p) => [p.role, p.emailAddress]);

    expect(roles).toEqual([
      ['from', 'ana@example.com'],
      ['to', 'bo@example.com'],
      ['cc', 'cy@example.com'],
    ]);
  });

  it('rejects, rather than throwing inside the callback, when a getter fails', async () => {
    const item = { from: asyncField(null), to: asyncField([], true), cc: asyncField([]) };
    const gateway = createOfficeGateway(fakeOffice(item).office);

    await expect(gateway.readParticipants(gateway.currentItem()!)).rejects.toBeInstanceOf(OfficeCallError);
  });

  it('rejects when a getter itself throws', async () => {
    const item = { to: { getAsync: () => { throw new Error('not supported'); } }, cc: [] };
    const gateway = createOfficeGateway(fakeOffice(item).office);

    await expect(gateway.readParticipants(item as unknown as MailItem)).rejects.toThrow('not supported');
  });

  it('returns null for no selected item', () => {
    expect(createOfficeGateway(fakeOffice(null).office).currentItem()).toBeNull();
  });
});

describe('office gateway: conversation', () => {
  it("reads the message's conversation id without its body, and none for a draft", async () => {
    const item = { internetMessageId: '<m2@example.com>', conversationId: 'AAQkADU3+/conv=', subject: 'Re: Hello', from: person('Ana Souza', 'ana@example.com'), to: [], cc: [] };
    const gateway = createOfficeGateway(fakeOffice(item).office);
    expect(gateway.conversationId(gateway.currentItem()!)).toBe('AAQkADU3+/conv=');
    expect((await gateway.readMessage(gateway.currentItem()!))?.conversationId).toBe('AAQkADU3+/conv=');

    const draft = createOfficeGateway(fakeOffice({ subject: asyncField('Hello'), conversationId: '' }).office);
    expect(draft.conversationId(draft.currentItem()!)).toBeNull();
  });
});

describe('office gateway: host', () => {
  it('calls Office.onReady only once', async () => {
    const { office, onReady } = fakeOffice(null);
    const gateway = createOfficeGateway(office);

    await Promise.all([gateway.ready(), gateway.ready()]);
    await gateway.ready();

    expect(onReady).toHaveBeenCalledTimes(1);
  });

  it('registers ItemChanged once and calls every subscribed handler until it unsubscribes', () => {
    const { office, addHandlerAsync, fire } = fakeOffice(null);
    const gateway = createOfficeGateway(office);
    const first = vi.fn();
    const second = vi.fn();

    const stopFirst = gateway.onItemChanged(first);
    gateway.onItemChanged(second);
    fire('olkItemSelectedChanged');
    stopFirst();
    fire('olkItemSelectedChanged');

    expect(addHandlerAsync.mock.calls.filter(([type]) => type === 'olkItemSelectedChanged')).toHaveLength(1);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
  });

  it('reads the display language, the user and the theme', () => {
    const gateway = createOfficeGateway(fakeOffice(null, { ownAddress: 'me@example.com', theme: { bodyBackgroundColor: '#1f1f1f' } }).office);

    expect(gateway.displayLanguage()).toBe('pt-BR');
    expect(gateway.userEmail()).toBe('me@example.com');
    expect(gateway.theme()).toEqual({ isDark: true });
    expect(createOfficeGateway(fakeOffice(null, { theme: { bodyBackgroundColor: '#ffffff' } }).office).theme()).toEqual({ isDark: false });
    expect(createOfficeGateway(fakeOffice(null, { theme: { bodyBackgroundColor: '#ffffff', isDarkTheme: true } }).office).theme()).toEqual({ isDark: true });
  });

  it('opens a message through displayMessageForm', () => {
    const { office, displayMessageForm } = fakeOffice(null);
    createOfficeGateway(office).openMessage('AAMkAD=');
    expect(displayMessageForm).toHaveBeenCalledWith('AAMkAD=');
  });
});

import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import type { LookupResponse, SaveEmailBody } from '../api/types';
import type { MessageDetails } from '../office/office';
import { clientsHolding, saveSeveral, statusOf, summarize, type EmailOutcome, type MultiSaveDeps } from './multiSave';

const person = (emailAddress: string, displayName = '') => ({ emailAddress, displayName });
const message = (id: string, from: string, to: string[] = ['me@practice.example'], cc: string[] = []): MessageDetails => ({
  internetMessageId: `<${id}@example.com>`,
  itemId: id,
  conversationId: null,
  subject: `Subject ${id}`,
  sentAt: '2025-03-10T08:00:00.000Z',
  from: person(from),
  to: to.map((a) => person(a)),
  cc: cc.map((a) => person(a)),
  preview: `Preview ${id}`,
});
const item = (itemId: string, isRead = true) => ({ itemId, subject: `Subject ${itemId}`, isRead });

const clients: Record<string, { clientId: string; displayName: string }[]> = {
  'ana@example.com': [{ clientId: 'ana', displayName: 'Ana Souza' }],
  'lena@example.com': [{ clientId: 'lena', displayName: 'Lena Fischer' }],
  'family@example.org': [
    { clientId: 'chidi', displayName: 'Chidi Okafor' },
    { clientId: 'amara', displayName: 'Amara Okafor' },
  ],
};

function deps(messages: Record<string, MessageDetails | Error>, options: { saved?: string[]; failFor?: string[] } = {}) {
  const saves: { clientId: string; body: SaveEmailBody }[] = [];
  const lookups: string[][] = [];
  const d: MultiSaveDeps = {
    readMessage: vi.fn(async (itemId: string) => {
      const m = messages[itemId];
      if (m instanceof Error) throw m;
      return m ?? null;
    }),
    lookup: vi.fn(async (addresses: string[]): Promise<LookupResponse> => {
      lookups.push(addresses);
      return { results: addresses.map((address) => ({ address, valid: true, matches: (clients[address.toLowerCase()] ?? []).map((c) => ({ ...c, matchedAs: 'primary' })) })) };
    }),
    findSavedEmail: vi.fn(async (clientId: string, internetMessageId: string) =>
      (options.saved ?? []).includes(`${clientId}${internetMessageId}`) ? [{ id: 's', clientId, internetMessageId, subject: '', sentAt: '', savedAt: '', savedBy: '' }] : [],
    ),
    saveEmail: vi.fn(async (clientId: string, body: SaveEmailBody) => {
      if ((options.failFor ?? []).includes(clientId)) throw new ApiError(404, 'not-found');
      saves.push({ clientId, body });
    }),
    ownAddresses: ['me@practice.example'],
  };
  return { d, saves, lookups };
}

describe('saving several selected emails at once', () => {
  it('saves each email to the record of every known client on it, with the single save\'s body', async () => {
    const { d, saves } = deps({ m1: message('m1', 'ana@example.com', ['me@practice.example'], ['lena@example.com']), m2: message('m2', 'family@example.org') });

    const outcomes = await saveSeveral([item('m1'), item('m2')], d);

    expect(saves.map((s) => `${s.clientId}:${s.body.internetMessageId}`)).toEqual(['ana:<m1@example.com>', 'lena:<m1@example.com>', 'chidi:<m2@example.com>', 'amara:<m2@example.com>']);
    expect(saves[0].body).toMatchObject({ subject: 'Subject m1', from: { address: 'ana@example.com' }, cc: [{ address: 'lena@example.com' }], preview: 'Preview m1' });
    expect(outcomes.map(statusOf)).toEqual(['saved', 'saved']);
    expect(summarize(outcomes)).toEqual({ saved: 2, alreadySaved: 0, notSaved: 0 });
  });

  it('says why an email was not saved: only unknown people, a draft, unreadable, or a failed save', async () => {
    const { d } = deps(
      { m1: message('m1', 'stranger@example.net'), m3: new Error('gone'), m4: message('m4', 'ana@example.com') },
      { failFor: ['ana'] },
    );

    const outcomes = await saveSeveral([item('m1'), item('m2', false), item('m3'), item('m4')], d);

    expect(outcomes.map((o) => o.kind)).toEqual(['unknownOnly', 'draft', 'unreadable', 'clients']);
    const failed = outcomes[3] as Extract<EmailOutcome, { kind: 'clients' }>;
    expect(failed.clients).toEqual([{ clientId: 'ana', name: 'Ana Souza', kind: 'failed', error: expect.any(ApiError) }]);
    expect(summarize(outcomes)).toEqual({ saved: 0, alreadySaved: 0, notSaved: 4 });
    expect(clientsHolding(failed)).toEqual([]);
  });

  it('does not save again what a record already holds, and counts it as already saved', async () => {
    const { d, saves } = deps({ m1: message('m1', 'ana@example.com'), m2: message('m2', 'ana@example.com', ['lena@example.com']) }, { saved: ['ana<m1@example.com>', 'ana<m2@example.com>'] });

    const outcomes = await saveSeveral([item('m1'), item('m2')], d);

    expect(saves.map((s) => `${s.clientId}:${s.body.internetMessageId}`)).toEqual(['lena:<m2@example.com>']);
    expect(outcomes.map(statusOf)).toEqual(['alreadySaved', 'saved']);
    expect(summarize(outcomes)).toEqual({ saved: 1, alreadySaved: 1, notSaved: 0 });
    expect(outcomes.map(clientsHolding)).toEqual([['ana'], ['ana', 'lena']]);
  });

  it('an email saved to one record and failed on another counts as saved, and keeps the failure', () => {
    const outcome: EmailOutcome = {
      itemId: 'm1',
      subject: 's',
      kind: 'clients',
      internetMessageId: '<m1>',
      clients: [
        { clientId: 'a', name: 'A', kind: 'saved' },
        { clientId: 'b', name: 'B', kind: 'failed', error: new Error('x') },
      ],
    };
    expect(statusOf(outcome)).toBe('saved');
    expect(statusOf({ ...outcome, clients: [outcome.clients[1]] })).toBe('notSaved');
    expect(statusOf({ ...outcome, clients: [{ clientId: 'a', name: 'A', kind: 'alreadySaved' }, outcome.clients[1]] })).toBe('notSaved');
    expect(summarize([])).toEqual({ saved: 0, alreadySaved: 0, notSaved: 0 });
  });

  it('looks each address up once, leaves out the user\'s own address, and asks in batches of 50', async () => {
    const many = Array.from({ length: 60 }, (_, i) => `person${i}@example.net`);
    const { d, lookups } = deps({ m1: message('m1', 'ana@example.com', ['me@practice.example', ...many.slice(0, 30)]), m2: message('m2', 'ANA@example.com', many.slice(30)) });

    await saveSeveral([item('m1'), item('m2')], d);

    expect(lookups.map((l) => l.length)).toEqual([50, 11]);
    expect(lookups.flat().filter((a) => /ana@/i.test(a))).toHaveLength(1);
    expect(lookups.flat()).not.toContain('me@practice.example');
  });

  it('when the lookup fails, no email is saved and each says why', async () => {
    const { d, saves } = deps({ m1: message('m1', 'ana@example.com') });
    d.lookup = vi.fn(async () => Promise.reject(ApiError.network()));

    const outcomes = await saveSeveral([item('m1')], d);

    expect(saves).toEqual([]);
    expect(outcomes).toEqual([{ itemId: 'm1', subject: 'Subject m1', kind: 'failed', error: expect.any(ApiError) }]);
  });

  it('reports progress after each email and reads the messages one after the other', async () => {
    const { d } = deps({ m1: message('m1', 'ana@example.com'), m2: message('m2', 'stranger@example.net') });
    const progress: number[] = [];
    let reading = 0;
    let overlapped = false;
    const read = d.readMessage;
    d.readMessage = async (id) => {
      if (++reading > 1) overlapped = true;
      try {
        return await read(id);
      } finally {
        reading--;
      }
    };
    d.onProgress = (done) => progress.push(done);

    await saveSeveral([item('m1'), item('m2'), item('m3', false)], d);

    expect(progress).toEqual([1, 2, 3]);
    expect(overlapped).toBe(false);
  });
});

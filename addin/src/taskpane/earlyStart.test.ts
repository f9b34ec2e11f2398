import { describe, expect, it } from 'vitest';
import { fakeApi } from '../test/fakeApi';
import { fakeGateway } from '../test/fakeGateway';
import { startEarly } from './earlyStart';

const message = {
  from: { displayName: 'Ana Souza', emailAddress: 'ana.souza@example.com' },
  to: [{ displayName: 'Lena Fischer', emailAddress: 'lena@example.com' }],
  cc: [],
};
const answer = { results: [{ address: 'ana.souza@example.com', valid: true, matches: [] }, { address: 'lena@example.com', valid: true, matches: [] }] };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('startEarly', () => {
  it('looks the open message up before the pane asks, and hands that answer to its first lookup', async () => {
    const { gateway } = fakeGateway(message);
    const api = fakeApi({ lookup: async () => answer });
    const early = startEarly(gateway, api);
    await settle();
    expect(api.lookup).toHaveBeenCalledTimes(1); // nobody asked yet

    const people = await early.office.readParticipants(gateway.currentItem()!);
    const result = await early.api.lookup([people.from!.emailAddress, people.to[0].emailAddress]);

    expect(result).toBe(answer);
    expect(api.lookup).toHaveBeenCalledTimes(1);
  });

  it('asks afresh for other addresses and for every later lookup', async () => {
    const { gateway } = fakeGateway(message);
    const api = fakeApi({ lookup: async () => answer });
    const early = startEarly(gateway, api);
    await settle();

    await early.api.lookup(['lena@example.com']);
    await early.api.lookup(['ana.souza@example.com', 'lena@example.com']);

    expect(api.lookup).toHaveBeenCalledTimes(3);
    expect(api.lookup.mock.calls.map((call) => call[0])).toEqual([
      ['ana.souza@example.com', 'lena@example.com'],
      ['lena@example.com'],
      ['ana.souza@example.com', 'lena@example.com'],
    ]);
  });

  it("reports the early lookup's failure to the pane's call that takes it", async () => {
    const { gateway } = fakeGateway(message);
    const api = fakeApi({
      lookup: async () => {
        throw new Error('offline');
      },
    });
    const early = startEarly(gateway, api);
    await settle();

    await expect(early.api.lookup(['ana.souza@example.com', 'lena@example.com'])).rejects.toThrow('offline');
    expect(api.lookup).toHaveBeenCalledTimes(1);
  });

  it('reads the people afresh after the first read', async () => {
    const { gateway, select } = fakeGateway(message);
    const early = startEarly(gateway, fakeApi({ lookup: async () => answer }));
    await early.office.readParticipants(gateway.currentItem()!);
    const next = { from: { displayName: 'Priya Nair', emailAddress: 'priya@example.com' }, to: [], cc: [] };
    select(next);

    expect(await early.office.readParticipants(gateway.currentItem()!)).toEqual(next);
  });

  it('never looks up a message the user left before Office answered the read of its people', async () => {
    let answerRead: (people: typeof message) => void = () => undefined;
    const { gateway, select } = fakeGateway(message);
    const held = { ...gateway, readParticipants: () => new Promise<typeof message>((resolve) => (answerRead = resolve)) };
    const api = fakeApi({ lookup: async () => answer });
    const early = startEarly(held, api);

    select({ from: { displayName: 'Sam Rivera', emailAddress: 'sam@example.com' }, to: [], cc: [] });
    await early.api.lookup(['sam@example.com']);
    answerRead(message);
    await settle();

    expect(api.lookup.mock.calls.map((call) => call[0])).toEqual([['sam@example.com']]);
  });

  it('starts nothing when no message is open', async () => {
    const { gateway } = fakeGateway(null);
    const api = fakeApi();
    const early = startEarly(gateway, api);
    await settle();

    expect(early.api).toBe(api);
    expect(api.lookup).not.toHaveBeenCalled();
  });
});

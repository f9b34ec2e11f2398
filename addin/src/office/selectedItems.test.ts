import { describe, expect, it, vi } from 'vitest';
import { loadSelectedMessage } from './loadSelected';
import { readSelectedItems } from './selectedItems';

const succeeded = <T,>(value: T) => ({ status: 'succeeded', value });

describe('several selected messages through the Office seam', () => {
  it('lists the selection, telling drafts apart', async () => {
    const office = {
      context: {
        mailbox: {
          getSelectedItemsAsync: (cb: (r: unknown) => void) =>
            cb(succeeded([{ itemId: 'a', subject: 'A', itemMode: 'Read' }, { itemId: 'b', subject: 'B', itemMode: 'Compose' }, { subject: 'no id' }])),
        },
      },
    };
    expect(await readSelectedItems(office)).toEqual([
      { itemId: 'a', subject: 'A', isRead: true },
      { itemId: 'b', subject: 'B', isRead: false },
    ]);
  });

  it('is empty where Outlook has no multi-select, or the call fails or throws', async () => {
    expect(await readSelectedItems({ context: { mailbox: {} } })).toEqual([]);
    expect(await readSelectedItems({ context: { mailbox: { getSelectedItemsAsync: (cb: (r: unknown) => void) => cb({ status: 'failed' }) } } })).toEqual([]);
    expect(
      await readSelectedItems({
        context: {
          mailbox: {
            getSelectedItemsAsync: () => {
              throw new Error('no');
            },
          },
        },
      }),
    ).toEqual([]);
  });

  it('loads one selected message, reads it as a single save would, and unloads it before answering', async () => {
    const unloadAsync = vi.fn((cb: () => void) => cb());
    const loaded = {
      internetMessageId: '<a@example.com>',
      itemId: 'a',
      subject: 'A',
      dateTimeCreated: '2025-03-10T08:00:00Z',
      from: { displayName: 'Ana', emailAddress: 'ana@example.com' },
      to: [{ displayName: 'Me', emailAddress: 'me@example.com' }],
      cc: [],
      unloadAsync,
    };
    const office = { context: { mailbox: { loadItemByIdAsync: (_id: string, cb: (r: unknown) => void) => cb(succeeded(loaded)) } } };

    const message = await loadSelectedMessage(office, 'a');

    expect(message).toMatchObject({ internetMessageId: '<a@example.com>', subject: 'A', from: { emailAddress: 'ana@example.com' } });
    expect(unloadAsync).toHaveBeenCalledTimes(1);
  });

  it('refuses where Outlook cannot load other messages (no Mailbox 1.15), or the load fails', async () => {
    await expect(loadSelectedMessage({ context: { mailbox: {} } }, 'a')).rejects.toThrow(/cannot read selected messages/);
    const failing = { context: { mailbox: { loadItemByIdAsync: (_id: string, cb: (r: unknown) => void) => cb({ status: 'failed', error: { message: 'gone' } }) } } };
    await expect(loadSelectedMessage(failing, 'a')).rejects.toThrow('gone');
  });
});

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { LookupResponse } from '../api/types';
import { translatorFor } from '../i18n/bothCatalogs';
import type { MessageDetails } from '../office/office';
import { fakeApi } from '../test/fakeApi';
import { fakeGateway } from '../test/fakeGateway';
import { App } from './App';

const ana = { displayName: 'Ana Souza', emailAddress: 'ana@example.com' };
const sam = { displayName: 'Sam Rivera', emailAddress: 'sam@example.net' };
const me = { displayName: 'Me', emailAddress: 'me@example.com' };
const anaIsClient = async (addresses: string[]): Promise<LookupResponse> => ({
  results: addresses.map((address) => ({
    address,
    valid: true,
    matches: address === ana.emailAddress ? [{ clientId: 'c-ana', displayName: 'Ana Souza', matchedAs: 'primary' }] : [],
  })),
});
const details = (id: string, from: typeof ana): MessageDetails => ({
  internetMessageId: id === 'item-1' ? '<m1@example.com>' : `<${id}@example.com>`,
  itemId: id,
  conversationId: null,
  subject: `Subject ${id}`,
  sentAt: '2025-03-10T08:00:00.000Z',
  from,
  to: [me],
  cc: [],
  preview: '',
});

describe('several emails selected', () => {
  it('offers one save for all, shows what happened in each, and the open message\'s row follows', async () => {
    const { gateway, selectMany } = fakeGateway({ from: ana, to: [me], cc: [] });
    gateway.readSelectedMessage = async (itemId) => details(itemId, itemId === 'item-2' ? sam : ana);
    const api = fakeApi({ lookup: anaIsClient, saveEmail: async () => ({ id: 'se1' }) });
    render(<App translator={translatorFor('en')} office={gateway} api={api} />);
    const row = await screen.findByRole('listitem', { name: 'From: Ana Souza' });
    await within(row).findByRole('button', { name: 'Save to record: Ana Souza' });

    selectMany([
      { itemId: 'item-1', subject: 'Subject item-1', isRead: true },
      { itemId: 'item-2', subject: 'Subject item-2', isRead: true },
      { itemId: 'draft', subject: 'Draft', isRead: false },
    ]);
    const panel = await screen.findByRole('region', { name: '3 emails selected' });
    await userEvent.click(within(panel).getByRole('button', { name: 'Save 3 emails to client records' }));

    expect(await within(panel).findByText('1 email saved and 2 not saved')).toBeTruthy();
    const results = within(panel).getByRole('list', { name: 'Each email' });
    expect(within(results).getByRole('listitem', { name: 'Subject item-1: Saved' }).textContent).toContain('Saved to the record of Ana Souza');
    expect(within(results).getByRole('listitem', { name: 'Subject item-2: Not saved' }).textContent).toContain('no one on it is a client yet');
    expect(within(results).getByRole('listitem', { name: 'Draft: Not saved' }).textContent).toContain('a draft has nothing to save yet');
    expect(api.saveEmail).toHaveBeenCalledTimes(1);
    // The open message is item-1: its row now says saved, with no Save button left.
    expect(await within(row).findByText('Saved to record')).toBeTruthy();
    expect(within(row).queryByRole('button', { name: 'Save to record: Ana Souza' })).toBeNull();
    // The panel's status line says it; the pane's own live region does not repeat it.
    expect(screen.getByTestId('announcements').textContent).toBe('');
  });

  it('shows nothing of it for one selected message', async () => {
    const { gateway, selectMany } = fakeGateway({ from: ana, to: [me], cc: [] });
    render(<App translator={translatorFor('pt-BR')} office={gateway} api={fakeApi({ lookup: anaIsClient })} />);
    await screen.findByRole('listitem', { name: 'De: Ana Souza' });
    selectMany([{ itemId: 'item-1', subject: 's', isRead: true }]);
    await screen.findByRole('listitem', { name: 'De: Ana Souza' });
    expect(screen.queryByTestId('multi-save')).toBeNull();
  });
});

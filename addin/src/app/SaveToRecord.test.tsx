import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { LookupResponse } from '../api/types';
import { ApiError } from '../api/errors';
import { fakeApi } from '../test/fakeApi';
import { fakeGateway } from '../test/fakeGateway';
import { App } from './App';

const ana = { displayName: 'Ana Souza', emailAddress: 'ana@example.com' };
const x500 = { displayName: 'Old list', emailAddress: '/o=Exchange/cn=list' };
const anaIsClient = async (addresses: string[]): Promise<LookupResponse> => ({
  results: addresses.map((address) => ({
    address,
    valid: address.includes('@'),
    matches: address === ana.emailAddress ? [{ clientId: 'c-ana', displayName: 'Ana Souza', matchedAs: 'primary' }] : [],
  })),
});

describe('save to record', () => {
  it('saves the open message (metadata and preview) to the client and shows it saved', async () => {
    const { gateway } = fakeGateway({ from: ana, to: [{ displayName: 'Me', emailAddress: 'me@example.com' }], cc: [x500] });
    const api = fakeApi({ lookup: anaIsClient, saveEmail: async () => ({ id: 'se1' }) });
    render(<App office={gateway} api={api} />);

    const row = await screen.findByRole('listitem', { name: 'From: Ana Souza' });
    await userEvent.click(await within(row).findByRole('button', { name: 'Save to record: Ana Souza' }));

    expect(await within(row).findByText('Saved to record')).toBeTruthy();
    expect(api.saveEmail).toHaveBeenCalledWith('c-ana', {
      internetMessageId: '<m1@example.com>',
      itemId: 'item-1',
      subject: 'Hello',
      from: { name: 'Ana Souza', address: 'ana@example.com' },
      to: [{ name: 'Me', address: 'me@example.com' }],
      cc: [],
      sentAt: '2025-03-10T08:00:00.000Z',
      preview: 'Hi there',
    });
  });

  it('explains a failure and lets the user try again', async () => {
    const { gateway } = fakeGateway({ from: ana, to: [], cc: [] });
    let calls = 0;
    const api = fakeApi({
      lookup: anaIsClient,
      saveEmail: async () => {
        if (calls++ === 0) throw new ApiError(503, 'unavailable');
        return { id: 'se1' };
      },
    });
    render(<App office={gateway} api={api} />);
    const row = await screen.findByRole('listitem', { name: 'From: Ana Souza' });
    const button = await within(row).findByRole('button', { name: 'Save to record: Ana Souza' });
    await userEvent.click(button);
    expect(await within(row).findByRole('alert')).toHaveProperty('textContent', 'The service is temporarily unavailable. Retry in a moment.');
    await userEvent.click(button);
    await waitFor(() => expect(within(row).getByText('Saved to record')).toBeTruthy());
  });

  it('is not offered for a draft', async () => {
    const { gateway } = fakeGateway({ from: ana, to: [], cc: [] }, { compose: true });
    render(<App office={gateway} api={fakeApi({ lookup: anaIsClient })} />);
    const row = await screen.findByRole('listitem', { name: 'From: Ana Souza' });
    await within(row).findByRole('button', { name: 'Open Ana Souza' });
    expect(within(row).queryByRole('button', { name: /Save this email/ })).toBeNull();
  });
});

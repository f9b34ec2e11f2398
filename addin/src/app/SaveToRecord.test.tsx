import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { LookupResponse } from '../api/types';
import { ApiError } from '../api/errors';
import { clientRecord, historyItem } from '../test/fixtures';
import { fakeApi } from '../test/fakeApi';
import { fakeGateway } from '../test/fakeGateway';
import { renderInPane } from '../test/render';
import { translatorFor } from '../i18n/bothCatalogs';
import { App } from './App';

const english = translatorFor('en');
import { RecordContainer } from './RecordContainer';

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
    render(<App translator={english} office={gateway} api={api} />);

    const row = await screen.findByRole('listitem', { name: 'From: Ana Souza' });
    await userEvent.click(await within(row).findByRole('button', { name: 'Save to record: Ana Souza' }));

    expect(await within(row).findByText('Saved to record')).toBeTruthy();
    expect(api.saveEmail).toHaveBeenCalledWith('c-ana', {
      internetMessageId: '<m1@example.com>',
      itemId: 'item-1',
      conversationId: null,
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
    render(<App translator={english} office={gateway} api={api} />);
    const row = await screen.findByRole('listitem', { name: 'From: Ana Souza' });
    const button = await within(row).findByRole('button', { name: 'Save to record: Ana Souza' });
    await userEvent.click(button);
    expect(await within(row).findByRole('alert')).toHaveProperty('textContent', 'The service is temporarily unavailable. Retry in a moment.');
    await userEvent.click(button);
    await waitFor(() => expect(within(row).getByText('Saved to record')).toBeTruthy());
  });

  it('is not offered for a draft', async () => {
    const { gateway } = fakeGateway({ from: ana, to: [], cc: [] }, { compose: true });
    render(<App translator={english} office={gateway} api={fakeApi({ lookup: anaIsClient })} />);
    const row = await screen.findByRole('listitem', { name: 'From: Ana Souza' });
    await within(row).findByRole('button', { name: 'Open Ana Souza' });
    expect(within(row).queryByRole('button', { name: /^Save to record/ })).toBeNull();
  });

  describe('from the open record', () => {
    const openAnasRecord = async (row = 'From: Ana Souza', open = 'Open Ana Souza') => {
      const participant = await screen.findByRole('listitem', { name: row });
      await userEvent.click(await within(participant).findByRole('button', { name: open }));
      return screen.findByRole('article', { name: 'Ana Souza' });
    };

    it('saves the open email from the client record with the one save of the rows, and the rows then show it saved', async () => {
      const { gateway } = fakeGateway({ from: ana, to: [{ displayName: 'Me', emailAddress: 'me@example.com' }], cc: [] }, { language: 'pt-BR' });
      const api = fakeApi({ lookup: anaIsClient, getClient: async () => clientRecord({ id: 'c-ana' }), saveEmail: async () => ({ id: 'se1' }) });
      render(<App translator={translatorFor('pt-BR')} office={gateway} api={api} />);
      const record = await openAnasRecord('De: Ana Souza', 'Abrir Ana Souza');
      const offer = await within(record).findByTestId('save-open-email');
      expect(within(offer).getByText('Este e-mail')).toBeTruthy();
      const button = within(offer).getByRole('button', { name: 'Salvar na ficha: Ana Souza' });
      expect(button.textContent).toBe('Salvar na ficha');
      await userEvent.click(button);

      // The note is focusable, not a second live region: the pane's one live region announces the save.
      expect(await within(offer).findByText('Salvo na ficha')).toHaveProperty('tabIndex', -1);
      expect(api.saveEmail).toHaveBeenCalledTimes(1);
      expect(api.saveEmail).toHaveBeenCalledWith('c-ana', expect.objectContaining({ internetMessageId: '<m1@example.com>', subject: 'Hello' }));

      await userEvent.click(screen.getByRole('button', { name: 'Voltar para as pessoas deste e-mail' }));
      const row = await screen.findByRole('listitem', { name: 'De: Ana Souza' });
      expect(within(row).getByText('Salvo na ficha')).toBeTruthy();
      expect(within(row).queryByRole('button', { name: /^Salvar na ficha/ })).toBeNull();
    });

    it('shows Saved in the record for an email already saved from the participant row', async () => {
      const { gateway } = fakeGateway({ from: ana, to: [], cc: [] });
      const api = fakeApi({ lookup: anaIsClient, getClient: async () => clientRecord({ id: 'c-ana' }), saveEmail: async () => ({ id: 'se1' }) });
      render(<App translator={english} office={gateway} api={api} />);
      const row = await screen.findByRole('listitem', { name: 'From: Ana Souza' });
      await userEvent.click(await within(row).findByRole('button', { name: 'Save to record: Ana Souza' }));
      await within(row).findByText('Saved to record');

      const record = await openAnasRecord();
      const offer = await within(record).findByTestId('save-open-email');
      expect(within(offer).getByText('Saved to record')).toBeTruthy();
      expect(within(offer).queryByRole('button')).toBeNull();
      expect(api.saveEmail).toHaveBeenCalledTimes(1);
    });

    it('shows Saved for an email saved to the record earlier (by anyone on the team), asking the service once', async () => {
      const { gateway } = fakeGateway({ from: ana, to: [], cc: [] });
      const api = fakeApi({
        lookup: anaIsClient,
        getClient: async () => clientRecord({ id: 'c-ana' }),
        findSavedEmail: async () => [{ id: 'se0', clientId: 'c-ana', internetMessageId: '<m1@example.com>' }],
      });
      render(<App translator={english} office={gateway} api={api} />);
      const record = await openAnasRecord();
      const offer = await within(record).findByTestId('save-open-email');
      expect(await within(offer).findByText('Saved to record')).toBeTruthy();
      expect(api.findSavedEmail).toHaveBeenCalledTimes(1);
      expect(api.findSavedEmail).toHaveBeenCalledWith('c-ana', '<m1@example.com>', expect.any(AbortSignal));
      expect(api.saveEmail).not.toHaveBeenCalled();
      // Only the Message-ID was read: the body is read only to save.
      expect(gateway.readMessage).not.toHaveBeenCalled();
    });

    it('does not ask the service about a record the open email does not involve', async () => {
      const save = { canSave: true, states: {}, onSave: () => undefined };
      const checkSaved = vi.fn();
      const api = fakeApi({ getClient: async () => clientRecord() });
      renderInPane(<RecordContainer api={api} clientId="c-ana" saveOpenEmail={{ save, participantAddresses: ['bia@example.com'], checkSaved }} />);
      await screen.findByRole('heading', { name: 'Ana Souza' });
      expect(checkSaved).not.toHaveBeenCalled();
    });

    it('offers the save again once that email is removed from the record in its History', async () => {
      const { gateway } = fakeGateway({ from: ana, to: [], cc: [] });
      const savedItem = historyItem({ id: 's:1', kind: 'saved-email', subject: 'Hello', savedEmailId: 'se1', inMailbox: false });
      let saved = false;
      const api = fakeApi({
        lookup: anaIsClient,
        getClient: async () => clientRecord({ id: 'c-ana' }),
        saveEmail: async () => {
          saved = true;
          return { id: 'se1' };
        },
        getHistory: async () => ({ items: saved ? [savedItem] : [], nextCursor: null, sources: { mailbox: 'not-connected' }, mailboxChallenge: null }),
        unsaveEmail: async () => {
          saved = false;
        },
      });
      render(<App translator={english} office={gateway} api={api} />);
      const record = await openAnasRecord();
      const offer = await within(record).findByTestId('save-open-email');
      await userEvent.click(within(offer).getByRole('button', { name: 'Save to record: Ana Souza' }));
      await within(offer).findByText('Saved to record');

      await userEvent.click(within(record).getByRole('tab', { name: 'History' }));
      await userEvent.click(await within(record).findByRole('button', { name: 'Remove from record' }));
      // Found by text, not role: in jsdom tabster may mark the dialog aria-hidden for a while (Chromium does not; e2e finds it by role).
      const dialog = (await screen.findByText('Remove this email from the record?')).closest<HTMLElement>('[role="dialog"]')!;
      await userEvent.click(within(dialog).getByText('Remove', { selector: 'button' }));

      expect(await within(offer).findByRole('button', { name: 'Save to record: Ana Souza' })).toBeTruthy();
      expect(api.unsaveEmail).toHaveBeenCalledWith('c-ana', 'se1');
    });

    it('is offered only when one of the email people is one of the record addresses', async () => {
      const save = { canSave: true, states: {}, onSave: () => undefined };
      const api = fakeApi({
        getClient: async () =>
          clientRecord({ emails: [{ address: 'ana@example.com', kind: 'primary', fieldId: null, label: null }, { address: 'Ana.Work@Example.com', kind: 'field', fieldId: 'f1', label: 'Secondary email' }] }),
      });
      const { unmount } = renderInPane(<RecordContainer api={api} clientId="c-ana" saveOpenEmail={{ save, participantAddresses: ['ana.work@example.com', 'me@example.com'] }} />);
      expect(await screen.findByRole('button', { name: 'Save to record: Ana Souza' })).toBeTruthy();
      unmount();

      renderInPane(<RecordContainer api={api} clientId="c-ana" saveOpenEmail={{ save, participantAddresses: ['bia@example.com', 'me@example.com'] }} />);
      await screen.findByRole('heading', { name: 'Ana Souza' });
      expect(screen.queryByTestId('save-open-email')).toBeNull();
    });

    it('is not offered for a draft', async () => {
      const save = { canSave: false, states: {}, onSave: () => undefined };
      renderInPane(
        <RecordContainer api={fakeApi({ getClient: async () => clientRecord() })} clientId="c-ana" saveOpenEmail={{ save, participantAddresses: ['ana@example.com'] }} />,
      );
      await screen.findByRole('heading', { name: 'Ana Souza' });
      expect(screen.queryByTestId('save-open-email')).toBeNull();
    });
  });
});

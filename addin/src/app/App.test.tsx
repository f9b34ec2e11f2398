import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { LookupResponse } from '../api/types';
import { clientRecord, intakeTemplate } from '../test/fixtures';
import { fakeApi } from '../test/fakeApi';
import { fakeGateway } from '../test/fakeGateway';
import { translatorFor } from '../i18n/bothCatalogs';
import { paneTranslator } from '../i18n/catalogs';
import { App, resolveSendsEveryMs } from './App';

const english = translatorFor('en');

const person = (displayName: string, emailAddress: string) => ({ displayName, emailAddress });
const unknownResults = (addresses: string[]): LookupResponse => ({ results: addresses.map((address) => ({ address, valid: true, matches: [] })) });

describe('App', () => {
  it('shows a calm empty state without a selected item and never calls the service', async () => {
    const { gateway } = fakeGateway(null);
    const api = fakeApi();
    render(<App translator={english} office={gateway} api={api} />);

    expect(await screen.findByText("Select a message to see who it's from")).toBeTruthy();
    expect(api.lookup).not.toHaveBeenCalled();
  });

  it('resolves everyone with one lookup and follows ItemChanged', async () => {
    const { gateway, select } = fakeGateway({ from: person('Ana', 'ana@example.com'), to: [person('Bo', 'bo@example.com')], cc: [] });
    const api = fakeApi({ lookup: async (addresses: string[]) => unknownResults(addresses) });
    render(<App translator={english} office={gateway} api={api} />);

    expect(await screen.findByRole('listitem', { name: 'From: Ana' })).toBeTruthy();
    expect(api.lookup).toHaveBeenCalledTimes(1);
    expect(api.lookup.mock.calls[0][0]).toEqual(['ana@example.com', 'bo@example.com']);

    act(() => select({ from: person('Cy', 'cy@example.com'), to: [], cc: [] }));
    expect(await screen.findByRole('listitem', { name: 'From: Cy' })).toBeTruthy();
    expect(screen.queryByRole('listitem', { name: 'From: Ana' })).toBeNull();
  });

  it('saves what was sent meanwhile: once the first people are shown, then on a later item every few minutes', async () => {
    const start = Date.parse('2026-12-08T09:00:00Z');
    const now = vi.spyOn(Date, 'now').mockReturnValue(start);
    try {
      const { gateway, select } = fakeGateway({ from: person('Ana', 'ana@example.com'), to: [], cc: [] });
      const api = fakeApi({
        lookup: async (addresses: string[]) => unknownResults(addresses),
        resolveSendSaves: async () => ({ saved: [{ key: 'k', clientId: 'c', savedEmailId: 's', subject: 'Hi', reason: null, createdAt: '' }], skipped: [], expired: [], pending: 0, mailbox: 'ok' }),
      });
      render(<App translator={english} office={gateway} api={api} />);
      expect(await screen.findByText('1 sent email saved to a record.')).toBeTruthy();
      expect(api.resolveSendSaves).toHaveBeenCalledTimes(1);

      act(() => select({ from: person('Bo', 'bo@example.com'), to: [], cc: [] }));
      expect(await screen.findByRole('listitem', { name: 'From: Bo' })).toBeTruthy();
      expect(api.resolveSendSaves).toHaveBeenCalledTimes(1);

      now.mockReturnValue(start + resolveSendsEveryMs);
      act(() => select({ from: person('Cy', 'cy@example.com'), to: [], cc: [] }));
      expect(await screen.findByRole('listitem', { name: 'From: Cy' })).toBeTruthy();
      await waitFor(() => expect(api.resolveSendSaves).toHaveBeenCalledTimes(2));
    } finally {
      now.mockRestore();
    }
  });

  it('never lets a stale answer for the previous item overwrite the current one', async () => {
    const pending: Record<string, (value: LookupResponse) => void> = {};
    const { gateway, select } = fakeGateway({ from: person('Slow', 'slow@example.com'), to: [], cc: [] });
    const api = fakeApi({ lookup: (addresses: string[]) => new Promise<LookupResponse>((resolve) => (pending[addresses[0]] = resolve)) });
    render(<App translator={english} office={gateway} api={api} />);
    await waitFor(() => expect(pending['slow@example.com']).toBeDefined());

    act(() => select({ from: person('Fast', 'fast@example.com'), to: [], cc: [] }));
    await waitFor(() => expect(pending['fast@example.com']).toBeDefined());
    await act(async () => pending['fast@example.com'](unknownResults(['fast@example.com'])));
    await act(async () => pending['slow@example.com'](unknownResults(['slow@example.com'])));

    expect(screen.getByRole('listitem', { name: 'From: Fast' })).toBeTruthy();
    expect(screen.queryByRole('listitem', { name: 'From: Slow' })).toBeNull();
    expect((api.lookup.mock.calls[0][1] as AbortSignal).aborted).toBe(true);
  });

  it('turns a linked participant into that client at once', async () => {
    const { gateway } = fakeGateway({ from: person('Ana W', 'ana.work@example.com'), to: [], cc: [] });
    const api = fakeApi({
      lookup: async (addresses: string[]) => unknownResults(addresses),
      searchClients: async () => ({ items: [{ id: 'c-ana', firstName: 'Ana', lastName: 'Souza', preferredName: null, displayName: 'Ana Souza', email: null, status: 'active' }], nextCursor: null }),
      linkEmail: async () => clientRecord({ emails: [{ address: 'ana.work@example.com', kind: 'primary', fieldId: null, label: null }] }),
    });
    render(<App translator={english} office={gateway} api={api} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Link to existing client: ana.work@example.com' }));
    await userEvent.type(await screen.findByRole('searchbox'), 'ana');
    await userEvent.click(await screen.findByRole('radio', { name: /Ana Souza/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    const row = await screen.findByRole('listitem', { name: 'From: Ana W' });
    await waitFor(() => expect(within(row).getByRole('button', { name: 'Open Ana Souza' })).toBeTruthy());
    expect(api.lookup).toHaveBeenCalledTimes(1);
  });

  it('creates a client from the header button, offers the intake, opens the record', async () => {
    const created = clientRecord({ id: 'c-new', displayName: 'Ana Souza' });
    const { gateway } = fakeGateway({ from: person('Souza, Ana', 'ana@example.com'), to: [], cc: [] });
    const api = fakeApi({
      lookup: async (addresses: string[]) => unknownResults(addresses),
      createClient: async () => created,
      getClient: async () => created,
      listIntakeTemplates: async () => [intakeTemplate()],
    });
    render(<App translator={english} office={gateway} api={api} />);
    await screen.findByRole('listitem', { name: 'From: Souza, Ana' });

    await userEvent.click(screen.getByRole('button', { name: 'New client…' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Create' }));

    // The intake modal opens once the New client dialog has finished closing.
    const intake = await screen.findByRole('alertdialog', { name: 'Send an intake form' });
    expect(await within(intake).findByText('Your intake form')).toBeTruthy();
    // Found (not got): until the New client dialog has finished closing, Fluent keeps the page behind it hidden.
    await userEvent.click(await within(intake).findByRole('button', { name: 'Skip' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(api.sendIntake).not.toHaveBeenCalled();

    expect(await screen.findByRole('heading', { name: 'Ana Souza' })).toBeTruthy();
    expect(api.createClient.mock.calls[0][1]).toMatch(/^[0-9a-f-]{36}$/);

    await userEvent.click(screen.getByRole('button', { name: 'Back to people in this email' }));
    const row = await screen.findByRole('listitem', { name: 'From: Souza, Ana' });
    expect(within(row).getByRole('button', { name: 'Open Ana Souza' })).toBeTruthy();
  });

  it('gives each New client a name of its own: one per unknown participant, and the header\'s that asks whom', async () => {
    const { gateway } = fakeGateway({ from: person('Ana', 'ana@example.com'), to: [person('Bo', 'bo@example.com')], cc: [] });
    const api = fakeApi({ lookup: async (addresses: string[]) => unknownResults(addresses) });
    render(<App translator={english} office={gateway} api={api} />);
    await screen.findByRole('listitem', { name: 'From: Ana' });

    const names = screen.getAllByRole('button', { name: /new client/i }).map((button) => button.getAttribute('aria-label') ?? button.textContent);
    expect(names).toEqual(['New client…', 'New client: ana@example.com', 'New client: bo@example.com']);
    expect(new Set(screen.getAllByRole('button', { name: /new client/i }).map((button) => button.textContent)).size).toBe(2);

    await userEvent.click(screen.getByRole('button', { name: 'New client…' }));
    const dialog = await screen.findByRole('dialog', { name: 'New client' });
    expect(within(dialog).getByRole('radiogroup', { name: 'Create from' })).toBeTruthy();
  });

  it('speaks Portuguese when Outlook does', async () => {
    const { gateway } = fakeGateway(null, { language: 'pt-BR' });
    render(<App translator={await paneTranslator(gateway)} office={gateway} api={fakeApi()} />);

    expect(await screen.findByText('Selecione uma mensagem para ver quem a enviou')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Novo cliente…' })).toBeTruthy();
  });
});

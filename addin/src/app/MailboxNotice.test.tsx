import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LookupResponse } from '../api/types';
import { fakeApi } from '../test/fakeApi';
import { fakeGateway } from '../test/fakeGateway';
import { translatorFor } from '../i18n/bothCatalogs';
import { App } from './App';

const person = (displayName: string, emailAddress: string) => ({ displayName, emailAddress });
const unknownResults = (addresses: string[]): LookupResponse => ({ results: addresses.map((address) => ({ address, valid: true, matches: [] })) });
const item = { from: person('Ana', 'ana@example.com'), to: [], cc: [] };

describe('whose mailbox the pane reads', () => {
  it('names a shared mailbox in both languages', async () => {
    const { gateway } = fakeGateway(item, { mailboxOwner: { kind: 'shared', address: 'recepcao@example.com' }, language: 'pt-BR' });
    render(<App translator={translatorFor('pt-BR')} office={gateway} api={fakeApi({ lookup: async (a: string[]) => unknownResults(a) })} />);
    expect((await screen.findByTestId('mailbox-notice')).textContent).toBe(
      'Caixa compartilhada recepcao@example.com: o histórico e o salvamento usam esta caixa; o que você salva fica em seu nome.',
    );
  });

  it("says it reads the user's own mailbox where Outlook cannot tell", async () => {
    const { gateway } = fakeGateway(item, { mailboxOwner: { kind: 'unknown' } });
    render(<App translator={translatorFor('en')} office={gateway} api={fakeApi({ lookup: async (a: string[]) => unknownResults(a) })} />);
    expect((await screen.findByTestId('mailbox-notice')).textContent).toBe(
      'Reading your own mailbox: this Outlook cannot tell whether the email is in a shared mailbox.',
    );
  });

  it('says nothing for the own mailbox, and follows the selection', async () => {
    let owner: { kind: 'own' } | { kind: 'shared'; address: string } = { kind: 'own' };
    const { gateway, select } = fakeGateway(item);
    gateway.mailboxOwner = async () => owner;
    render(<App translator={translatorFor('en')} office={gateway} api={fakeApi({ lookup: async (a: string[]) => unknownResults(a) })} />);
    expect(await screen.findByRole('listitem', { name: 'From: Ana' })).toBeTruthy();
    expect(screen.queryByTestId('mailbox-notice')).toBeNull();

    owner = { kind: 'shared', address: 'info@example.com' };
    act(() => select({ from: person('Bo', 'bo@example.com'), to: [], cc: [] }));
    await waitFor(() => expect(screen.getByTestId('mailbox-notice').textContent).toContain('info@example.com'));
  });
});

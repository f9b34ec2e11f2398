import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import type { ResolvedParticipant } from '../participants/participantStatus';
import type { ParticipantsState } from './ParticipantsList';
import { renderInPane } from '../test/render';
import { ParticipantsList } from './ParticipantsList';

const participants: ResolvedParticipant[] = [
  { role: 'from', displayName: 'Ana Souza', emailAddress: 'ana@example.com', status: { kind: 'client', match: { clientId: 'c-ana', displayName: 'Ana Souza', matchedAs: 'primary' } } },
  {
    role: 'to',
    displayName: 'Okafor Family',
    emailAddress: 'family@example.org',
    status: {
      kind: 'shared',
      matches: [
        { clientId: 'c-amara', displayName: 'Amara Okafor', matchedAs: 'primary' },
        { clientId: 'c-chidi', displayName: 'Chidi Okafor', matchedAs: 'primary' },
      ],
    },
  },
  { role: 'cc', displayName: '<img src=x onerror=alert(1)>', emailAddress: 'sam@example.com', status: { kind: 'unknown', checking: false, suggestions: [] } },
  { role: 'cc', displayName: 'Old list', emailAddress: '/o=ExchangeLabs/cn=list', status: { kind: 'invalid' } },
];

function renderList(state: ParticipantsState, locale: 'en' | 'pt-BR' = 'en') {
  const props = { onRetry: vi.fn(), onOpenClient: vi.fn(), onNewClient: vi.fn(), onLinkExisting: vi.fn(), onLinkSuggestion: vi.fn(async () => {}) };
  renderInPane(<ParticipantsList state={state} {...props} />, locale);
  return props;
}

const row = (name: RegExp) => screen.getByRole('listitem', { name });

describe('ParticipantsList', () => {
  it('opens a known client by name', async () => {
    const props = renderList({ kind: 'ready', participants });

    await userEvent.click(within(row(/^From: Ana Souza/)).getByRole('button', { name: 'Open Ana Souza' }));

    expect(props.onOpenClient).toHaveBeenCalledWith('c-ana');
    expect(within(row(/^From: Ana Souza/)).getByText('Client')).toBeTruthy();
  });

  it('lets the user choose among the clients sharing an address', async () => {
    const props = renderList({ kind: 'ready', participants });
    const shared = row(/^To: Okafor Family/);

    expect(within(shared).getByText('Shared by 2 clients. Choose one:')).toBeTruthy();
    await userEvent.click(within(shared).getByRole('button', { name: 'Open Chidi Okafor' }));

    expect(props.onOpenClient).toHaveBeenCalledWith('c-chidi');
  });

  it('says which address identified a client when it is not the primary one, for each client sharing it', () => {
    const bySecondary: ResolvedParticipant[] = [
      { role: 'from', displayName: 'Ana Souza', emailAddress: 'ana.work@example.com', status: { kind: 'client', match: { clientId: 'c-ana', displayName: 'Ana Souza', matchedAs: 'Secondary email' } } },
      {
        role: 'cc',
        displayName: 'Okafor Family',
        emailAddress: 'family@example.org',
        status: {
          kind: 'shared',
          matches: [
            { clientId: 'c-amara', displayName: 'Amara Okafor', matchedAs: 'primary' },
            { clientId: 'c-chidi', displayName: 'Chidi Okafor', matchedAs: 'Family email' },
          ],
        },
      },
    ];
    renderList({ kind: 'ready', participants: bySecondary });

    expect(within(row(/^From: Ana Souza/)).getByText('Identified by Secondary email')).toBeTruthy();
    const choices = within(row(/^Cc: Okafor Family/)).getAllByRole('listitem');
    expect(within(choices[0]).queryByText(/Identified by/)).toBeNull();
    expect(within(choices[1]).getByText('Identified by Family email')).toBeTruthy();
  });

  it('says nothing about how a client was identified by the primary address', () => {
    renderList({ kind: 'ready', participants });
    expect(screen.queryByText(/Identified by/)).toBeNull();
  });

  it('says which address identified a client in Portuguese', () => {
    const bySecondary: ResolvedParticipant[] = [
      { role: 'from', displayName: 'Ana Souza', emailAddress: 'ana.trabalho@example.com', status: { kind: 'client', match: { clientId: 'c-ana', displayName: 'Ana Souza', matchedAs: 'E-mail secundário' } } },
    ];
    renderList({ kind: 'ready', participants: bySecondary }, 'pt-BR');
    expect(within(row(/^De: Ana Souza/)).getByText('Identificado por E-mail secundário')).toBeTruthy();
  });

  it('offers New client and Link for an unknown address, rendering the name as text', async () => {
    const props = renderList({ kind: 'ready', participants });
    const unknown = screen.getByRole('listitem', { name: 'Cc: <img src=x onerror=alert(1)>' });

    expect(within(unknown).getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    await userEvent.click(within(unknown).getByRole('button', { name: 'New client: sam@example.com' }));
    await userEvent.click(within(unknown).getByRole('button', { name: 'Link to existing client: sam@example.com' }));

    expect(props.onNewClient).toHaveBeenCalledWith(participants[2]);
    expect(props.onLinkExisting).toHaveBeenCalledWith(participants[2]);
  });

  it('offers New client and Link for an unknown address in Portuguese', () => {
    renderList({ kind: 'ready', participants }, 'pt-BR');
    const unknown = screen.getByRole('listitem', { name: 'Cc: <img src=x onerror=alert(1)>' });

    expect(within(unknown).getByRole('button', { name: 'Novo cliente: sam@example.com' }).textContent).toBe('+ Novo cliente');
    expect(within(unknown).getByRole('button', { name: 'Vincular a cliente existente: sam@example.com' })).toBeTruthy();
  });

  it('shows an invalid address calmly, without actions', () => {
    renderList({ kind: 'ready', participants });
    const invalid = row(/^Cc: Old list/);

    expect(within(invalid).getByText('Not an email address we can match')).toBeTruthy();
    expect(within(invalid).queryByRole('button')).toBeNull();
  });

  it('shows a calm empty state when no message is selected', () => {
    renderList({ kind: 'empty' });
    expect(screen.getByRole('status').textContent).toContain("Select a message to see who it's from");
    expect(screen.queryByText("That didn't work")).toBeNull();
  });

  it('shows a translated error with Retry', async () => {
    const props = renderList({ kind: 'error', error: new ApiError(503, 'unavailable') }, 'pt-BR');

    expect(screen.getByText(/O serviço está temporariamente indisponível/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Tentar novamente' }));

    expect(props.onRetry).toHaveBeenCalled();
  });

  it('explains being offline', () => {
    renderList({ kind: 'error', error: ApiError.network() });
    expect(screen.getByText(/offline/)).toBeTruthy();
  });

  it('shows a loading skeleton', () => {
    renderList({ kind: 'loading' });
    expect(screen.getByRole('progressbar', { name: 'Finding people in this email…' })).toBeTruthy();
  });
});

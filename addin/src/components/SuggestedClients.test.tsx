import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import type { ResolvedParticipant } from '../participants/participantStatus';
import { renderInPane } from '../test/render';
import { ParticipantsList } from './ParticipantsList';

const unknownWithSuggestions: ResolvedParticipant = {
  role: 'from',
  displayName: 'Bia Costa',
  emailAddress: 'bia.new@example.net',
  status: {
    kind: 'unknown',
    checking: false,
    suggestions: [
      { clientId: 'c-beatriz', displayName: 'Beatriz Costa', reason: 'sameNameReversed', domain: null, linkAs: 'secondary' },
      { clientId: 'c-ada', displayName: 'Ada Okafor', reason: 'sameDomain', domain: 'okafor.family', linkAs: 'primary' },
    ],
  },
};

function renderRows(participants: ResolvedParticipant[], locale: 'en' | 'pt-BR' = 'en', onLinkSuggestion = vi.fn(async () => {})) {
  const props = { onRetry: vi.fn(), onOpenClient: vi.fn(), onNewClient: vi.fn(), onLinkExisting: vi.fn(), onLinkSuggestion };
  renderInPane(<ParticipantsList state={{ kind: 'ready', participants }} {...props} />, locale);
  return props;
}

describe('Suggested clients', () => {
  it('shows each likely client with the reason in words and links with one click as it says', async () => {
    const props = renderRows([unknownWithSuggestions]);

    const suggestions = screen.getAllByTestId('suggestion');
    expect(suggestions.map((s) => s.textContent)).toEqual([
      'Beatriz CostaSame name, written surname firstLink as secondary email',
      'Ada OkaforSame family address domain (okafor.family)Link as primary email',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Link as secondary email: Beatriz Costa' }));

    expect(props.onLinkSuggestion).toHaveBeenCalledWith(unknownWithSuggestions, unknownWithSuggestions.status.kind === 'unknown' && unknownWithSuggestions.status.suggestions[0]);
    // The usual actions stay: the suggestion may be wrong.
    expect(screen.getByRole('button', { name: 'New client: bia.new@example.net' })).toBeTruthy();
  });

  it('says why a link failed, in the pane language', async () => {
    renderRows([unknownWithSuggestions], 'pt-BR', vi.fn(async () => Promise.reject(new ApiError(409, 'email-in-use'))));

    await userEvent.click(screen.getByRole('button', { name: 'Vincular como e-mail principal: Ada Okafor' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Este endereço já pertence a outro cliente.');
    expect(screen.getByText('Será que é…')).toBeTruthy();
  });

  it('offers nothing for a colleague or a never-tracked sender, and waits while an unknown address is being checked', () => {
    renderRows(
      [
        { role: 'to', displayName: 'Dra. Paula', emailAddress: 'paula@clinica.example', status: { kind: 'colleague' } },
        { role: 'cc', displayName: 'Lab', emailAddress: 'results@lab.example', status: { kind: 'notTracked' } },
        { role: 'cc', displayName: 'New', emailAddress: 'new@example.net', status: { kind: 'unknown', checking: true, suggestions: [] } },
      ],
      'pt-BR',
    );

    expect(within(screen.getByRole('listitem', { name: /^Para: Dra. Paula/ })).getByText('Colega')).toBeTruthy();
    expect(within(screen.getByRole('listitem', { name: /^Cc: Lab/ })).getByText('Não acompanhado')).toBeTruthy();
    expect(within(screen.getByRole('listitem', { name: /^Cc: New/ })).getByText('Verificando…')).toBeTruthy();
    expect(screen.queryAllByRole('button')).toEqual([]);
  });
});

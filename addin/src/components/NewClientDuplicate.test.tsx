import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Suggestion } from '../api/types';
import type { ResolvedParticipant } from '../participants/participantStatus';
import { clientRecord } from '../test/fixtures';
import { renderInPane } from '../test/render';
import { NewClientDialog } from './NewClientDialog';

const participants: ResolvedParticipant[] = [
  { role: 'from', displayName: 'Beatriz Costa', emailAddress: 'bia.new@example.net', status: { kind: 'unknown', checking: false, suggestions: [] } },
];
const beatriz: Suggestion = { clientId: 'c-beatriz', displayName: 'Beatriz Costa', reason: 'sameName', domain: null, linkAs: 'secondary' };

function renderDialog(sameName: Suggestion[] | Error, locale: 'en' | 'pt-BR' = 'en') {
  const props = {
    createClient: vi.fn(async () => clientRecord()),
    onCreated: vi.fn(),
    onOpenClient: vi.fn(),
    onDismiss: vi.fn(),
    findSameName: vi.fn(async () => (sameName instanceof Error ? Promise.reject(sameName) : sameName)),
    onLinkInstead: vi.fn(async () => {}),
  };
  renderInPane(<NewClientDialog participants={participants} initialAddress="bia.new@example.net" {...props} />, locale);
  return props;
}

describe('NewClientDialog: a client with the same name', () => {
  it('warns before creating and links the address instead with one click', async () => {
    const props = renderDialog([beatriz], 'pt-BR');

    await userEvent.click(screen.getByRole('button', { name: 'Criar' }));

    expect((await screen.findByTestId('same-name')).textContent).toContain('Beatriz Costa já existe. Vincular este endereço em vez de criar?');
    expect(props.findSameName).toHaveBeenCalledWith('Beatriz', 'Costa', 'bia.new@example.net');
    expect(props.createClient).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Vincular a Beatriz Costa' }));
    expect(props.onLinkInstead).toHaveBeenCalledWith(beatriz, 'bia.new@example.net');
    expect(props.createClient).not.toHaveBeenCalled();
  });

  it('creates anyway when asked, and asks only once', async () => {
    const props = renderDialog([beatriz]);

    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Create anyway' }));

    expect(props.createClient).toHaveBeenCalledTimes(1);
    expect(props.findSameName).toHaveBeenCalledTimes(1);
    expect(props.onCreated).toHaveBeenCalled();
  });

  it('creates straight away when nobody has the name, or when the check fails', async () => {
    for (const answer of [[], new Error('offline')]) {
      const props = renderDialog(answer);
      await userEvent.click(screen.getAllByRole('button', { name: 'Create' }).at(-1)!);
      await vi.waitFor(() => expect(props.createClient).toHaveBeenCalledTimes(1));
      expect(screen.queryByTestId('same-name')).toBeNull();
    }
  });
});

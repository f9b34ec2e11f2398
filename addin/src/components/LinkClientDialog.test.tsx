import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import type { ClientSummary, LinkEmailBody } from '../api/types';
import { clientRecord } from '../test/fixtures';
import { renderInPane } from '../test/render';
import { LinkClientContainer as LinkClientDialog } from '../app/LinkClientContainer';

const ana: ClientSummary = { id: 'c-ana', firstName: 'Ana', lastName: 'Souza', preferredName: null, displayName: 'Ana Souza', email: 'ana@example.com', status: 'active' };
const bo: ClientSummary = { id: 'c-bo', firstName: 'Bo', lastName: 'Lee', preferredName: null, displayName: 'Bo Lee', email: null, status: 'active' };

function renderDialog(linkEmail: (id: string, body: LinkEmailBody) => Promise<unknown>, locale: 'en' | 'pt-BR' = 'en') {
  const searchClients = vi.fn(async (query: string) => [ana, bo].filter((c) => c.displayName.toLowerCase().includes(query.toLowerCase())));
  const props = { searchClients, linkEmail: vi.fn(linkEmail), onLinked: vi.fn(), onDismiss: vi.fn() };
  renderInPane(
    <LinkClientDialog address="ana.work@example.com" searchDelayMs={0} {...props} linkEmail={props.linkEmail as never} />,
    locale,
  );
  return props;
}

async function pick(query: string, name: string) {
  await userEvent.type(screen.getByRole('searchbox'), query);
  await userEvent.click(await screen.findByRole('radio', { name: new RegExp(name) }));
}

describe('LinkClientDialog', () => {
  it('searches as the user types and links as a secondary email with the default label', async () => {
    const record = clientRecord();
    const props = renderDialog(async () => record);

    await pick('ana', 'Ana Souza');
    expect(props.searchClients).toHaveBeenLastCalledWith('ana', expect.any(AbortSignal));
    await userEvent.click(screen.getByRole('radio', { name: 'Secondary email' }));
    expect((screen.getByRole('textbox', { name: 'Field label' }) as HTMLInputElement).value).toBe('Secondary email');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(props.onLinked).toHaveBeenCalledWith(record, 'ana.work@example.com'));
    expect(props.linkEmail).toHaveBeenCalledWith('c-ana', { address: 'ana.work@example.com', as: 'secondary', label: 'Secondary email' });
  });

  it('uses the Portuguese default label', async () => {
    renderDialog(async () => clientRecord(), 'pt-BR');
    await userEvent.click(screen.getByRole('radio', { name: 'E-mail secundário' }));
    expect((screen.getByRole('textbox', { name: 'Nome do campo' }) as HTMLInputElement).value).toBe('E-mail secundário');
  });

  it('names the list of results once, with how many were found', async () => {
    renderDialog(async () => clientRecord());
    await userEvent.type(screen.getByRole('searchbox'), 'o');

    const results = await screen.findByRole('radiogroup', { name: /^Choose the client \(2 found\)/ });
    expect(results).toBeTruthy();
    expect(screen.queryByText(/clients? found/)).toBeNull();
  });

  it('names the list of results once in Portuguese, singular and plural', async () => {
    renderDialog(async () => clientRecord(), 'pt-BR');
    await userEvent.type(screen.getByRole('searchbox'), 'o');
    await screen.findByRole('radiogroup', { name: /^Escolha o cliente \(2 encontrados\)/ });

    await userEvent.type(screen.getByRole('searchbox'), 'uza');
    await screen.findByRole('radiogroup', { name: /^Escolha o cliente \(1 encontrado\)/ });
    expect(screen.queryByText(/Cliente ·/)).toBeNull();
  });

  it('asks before replacing an existing primary email and can keep the old one as secondary', async () => {
    const props = renderDialog(async () => clientRecord());

    await pick('ana', 'Ana Souza');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(props.linkEmail).not.toHaveBeenCalled();
    expect(screen.getByText('Ana Souza already has ana@example.com as primary email. Replace it?')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Replace and save' }));
    await waitFor(() =>
      expect(props.linkEmail).toHaveBeenCalledWith('c-ana', { address: 'ana.work@example.com', as: 'primary', replacePrimary: true, keepPreviousAsSecondary: true }),
    );
  });

  it('replaces without keeping the old one when unticked', async () => {
    const props = renderDialog(async () => clientRecord());
    await pick('ana', 'Ana Souza');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Keep the old one as a secondary email' }));
    await userEvent.click(screen.getByRole('button', { name: 'Replace and save' }));

    await waitFor(() => expect(props.linkEmail.mock.calls[0][1]).toMatchObject({ replacePrimary: true, keepPreviousAsSecondary: false }));
  });

  it('links as primary straight away for a client without one', async () => {
    const props = renderDialog(async () => clientRecord({ id: 'c-bo' }));
    await pick('bo', 'Bo Lee');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(props.linkEmail).toHaveBeenCalledWith('c-bo', { address: 'ana.work@example.com', as: 'primary' }));
  });

  it('offers linking anyway when the address belongs to another client', async () => {
    const answers = [() => Promise.reject(new ApiError(409, 'email-in-use', { existingClientIds: ['c-x'] })), () => Promise.resolve(clientRecord({ id: 'c-bo' }))];
    const props = renderDialog(() => answers.shift()!());
    await pick('bo', 'Bo Lee');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await userEvent.click(await screen.findByRole('button', { name: 'Link anyway (shared address)' }));

    await waitFor(() => expect(props.onLinked).toHaveBeenCalled());
    expect(props.linkEmail.mock.calls[1][1]).toEqual({ address: 'ana.work@example.com', as: 'primary', allowSharedEmail: true });
  });

  it('says when nothing matches and asks to choose a client before saving', async () => {
    const props = renderDialog(async () => clientRecord());
    await userEvent.type(screen.getByRole('searchbox'), 'zed');
    expect(await screen.findByText('No clients match “zed”.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Choose a client.')).toBeTruthy();
    expect(props.linkEmail).not.toHaveBeenCalled();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { clientRecord } from '../test/fixtures';
import { fakeApi } from '../test/fakeApi';
import { renderInPane } from '../test/render';
import { RecordContainer } from './RecordContainer';

describe('client record', () => {
  it('shows the header, contact details and the record history', async () => {
    const api = fakeApi({
      getClient: async () =>
        clientRecord({
          emails: [
            { address: 'ana@example.com', kind: 'primary', fieldId: null, label: null },
            { address: 'ana.work@example.com', kind: 'field', fieldId: 'f1', label: 'Secondary email' },
          ],
        }),
    });
    renderInPane(<RecordContainer api={api} clientId="c-ana" />);

    expect(await screen.findByRole('heading', { name: 'Ana Souza' })).toBeTruthy();
    const addresses = screen.getByRole('list', { name: 'Email addresses' });
    expect(within(addresses).getByText('ana.work@example.com')).toBeTruthy();
    expect(within(addresses).getByText('Secondary email')).toBeTruthy();
    expect(screen.getByText('Apr 1, 1990')).toBeTruthy();

    await userEvent.click(screen.getByRole('tab', { name: 'History' }));
    expect(screen.getByText(/Created .* by Preview User/)).toBeTruthy();
    expect(screen.getByText(/listed here by the History feature/)).toBeTruthy();
  });

  it('saves only the changed contact details with the record version', async () => {
    const api = fakeApi({
      getClient: async () => clientRecord(),
      updateClient: async () => clientRecord({ phone: '+55 11 0000-1111', version: '"v2"' }),
    });
    renderInPane(<RecordContainer api={api} clientId="c-ana" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit contact details' }));
    const phone = screen.getByRole('textbox', { name: 'Phone' });
    await userEvent.clear(phone);
    await userEvent.type(phone, '+55 11 0000-1111');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.getByText('+55 11 0000-1111')).toBeTruthy());
    expect(api.updateClient).toHaveBeenCalledWith('c-ana', { phone: '+55 11 0000-1111' }, '"v1"');
  });

  it('asks in Portuguese how the client prefers to be called, never for a "nome social"', async () => {
    const api = fakeApi({ getClient: async () => clientRecord({ preferredName: 'Aninha' }) });
    renderInPane(<RecordContainer api={api} clientId="c-ana" />, 'pt-BR');
    await userEvent.click(await screen.findByRole('button', { name: 'Editar dados de contato' }));

    expect((screen.getByRole('textbox', { name: 'Como prefere ser chamado(a)' }) as HTMLInputElement).value).toBe('Aninha');
    expect(screen.queryByText(/nome social/i)).toBeNull();
  });

  it('explains a conflict, reloads the record and keeps the user edits to save again', async () => {
    const versions = [
      clientRecord(),
      clientRecord({ lastName: 'Souza-Lima', version: '"v2"' }),
    ];
    const api = fakeApi({
      getClient: async () => versions.shift() ?? clientRecord({ lastName: 'Souza-Lima', version: '"v2"' }),
      updateClient: async (_id: string, _changes: unknown, version: string) => {
        if (version === '"v1"') throw new ApiError(412, 'version-mismatch');
        return clientRecord({ lastName: 'Souza-Lima', phone: '123', version: '"v3"' });
      },
    });
    renderInPane(<RecordContainer api={api} clientId="c-ana" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit contact details' }));
    const phone = screen.getByRole('textbox', { name: 'Phone' });
    await userEvent.clear(phone);
    await userEvent.type(phone, '123');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText(/Someone else changed this record while you were editing/)).toBeTruthy();
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Last name' }) as HTMLInputElement).value).toBe('Souza-Lima'));
    expect((screen.getByRole('textbox', { name: 'Phone' }) as HTMLInputElement).value).toBe('123');

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.updateClient).toHaveBeenCalledTimes(2));
    expect(api.updateClient).toHaveBeenLastCalledWith('c-ana', { phone: '123' }, '"v2"');
  });

  it('adds a new field and then sets its value', async () => {
    const api = fakeApi({
      getClient: async () => clientRecord(),
      createField: async () => ({ id: 'f-ins', label: 'Insurer', type: 'text' }),
      setFieldValue: async () => clientRecord({ fields: [{ fieldId: 'f-ins', label: 'Insurer', type: 'text', value: 'Acme Health' }] }),
    });
    renderInPane(<RecordContainer api={api} clientId="c-ana" />);
    await userEvent.click(await screen.findByRole('button', { name: '+ New field' }));
    await userEvent.type(screen.getByRole('textbox', { name: /^Label/ }), 'Insurer');
    await userEvent.type(screen.getByRole('textbox', { name: 'Value' }), 'Acme Health');
    await userEvent.click(screen.getByRole('button', { name: 'Add field' }));

    expect(await screen.findByText('Acme Health')).toBeTruthy();
    expect(api.createField).toHaveBeenCalledWith('Insurer', 'text');
    expect(api.setFieldValue).toHaveBeenCalledWith('c-ana', 'f-ins', 'Acme Health');
  });

  it('removes an address after a confirmation that names it and says what happens to its history', async () => {
    const api = fakeApi({
      getClient: async () => clientRecord(),
      unlinkEmail: async () => clientRecord({ email: null, emails: [] }),
    });
    renderInPane(<RecordContainer api={api} clientId="c-ana" />);
    // The visible words start its accessible name, which then names the address.
    const remove = await screen.findByRole('button', { name: 'Remove address: ana@example.com' });
    expect(remove.textContent).toBe('Remove address');
    await userEvent.click(remove);

    const dialog = screen.getByRole('dialog', { name: 'Remove this address?' });
    expect(within(dialog).getByText(/^ana@example.com will be removed from the record of Ana Souza/)).toBeTruthy();
    expect(within(dialog).getByText(/emails saved to the record stay, and the History notes the removal/)).toBeTruthy();
    expect(api.unlinkEmail).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove address' }));

    await waitFor(() => expect(api.unlinkEmail).toHaveBeenCalledWith('c-ana', 'ana@example.com'));
    await waitFor(() => expect(screen.queryByText('ana@example.com')).toBeNull());
    // The page behind the closed modal is reachable again.
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Personal' })).toBeTruthy());
  });

  it('keeps an address when the removal is cancelled, and explains a failed removal in the dialog', async () => {
    const answers = [() => Promise.reject(new ApiError(503, 'unavailable')), () => Promise.resolve(clientRecord({ email: null, emails: [] }))];
    const api = fakeApi({ getClient: async () => clientRecord(), unlinkEmail: () => answers.shift()!() });
    renderInPane(<RecordContainer api={api} clientId="c-ana" />, 'pt-BR');
    await userEvent.click(await screen.findByRole('button', { name: 'Remover endereço: ana@example.com' }));
    await userEvent.click(within(screen.getByRole('dialog', { name: 'Remover este endereço?' })).getByRole('button', { name: 'Cancelar' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.unlinkEmail).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Remover endereço: ana@example.com' }));
    const dialog = screen.getByRole('dialog', { name: 'Remover este endereço?' });
    expect(within(dialog).getByText(/^ana@example.com será removido da ficha de Ana Souza/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remover endereço' }));
    expect(await within(dialog).findByText(/temporariamente indisponível/)).toBeTruthy();
    expect(screen.getByText('ana@example.com', { selector: '[data-testid="record-address"] *' })).toBeTruthy();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Remover endereço' }));
    await waitFor(() => expect(screen.queryByTestId('record-address')).toBeNull());
  });

  it('shows a retryable error when the record cannot be loaded', async () => {
    const answers = [() => Promise.reject(new ApiError(403, 'forbidden')), () => Promise.resolve(clientRecord())];
    const api = fakeApi({ getClient: () => answers.shift()!() });
    renderInPane(<RecordContainer api={api} clientId="c-ana" />);

    expect(await screen.findByText(/You don't have permission/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Ana Souza' })).toBeTruthy();
  });
});

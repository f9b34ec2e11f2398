import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import type { ClientRecord, CreateClientBody } from '../api/types';
import type { ResolvedParticipant } from '../participants/participantStatus';
import { clientRecord } from '../test/fixtures';
import { renderInPane } from '../test/render';
import { NewClientDialog } from './NewClientDialog';

const participants: ResolvedParticipant[] = [
  { role: 'from', displayName: 'Souza, Ana', emailAddress: 'ana@example.com', status: { kind: 'unknown', checking: false, suggestions: [] } },
  { role: 'to', displayName: 'Bo Lee', emailAddress: 'bo@example.com', status: { kind: 'unknown', checking: false, suggestions: [] } },
  { role: 'cc', displayName: 'Known Person', emailAddress: 'known@example.com', status: { kind: 'client', match: { clientId: 'c-k', displayName: 'Known Person', matchedAs: 'primary' } } },
];

function renderDialog(createClient: (body: CreateClientBody, key: string) => Promise<ClientRecord>, initialAddress?: string, locale: 'en' | 'pt-BR' = 'en') {
  const props = { createClient: vi.fn(createClient), onCreated: vi.fn(), onOpenClient: vi.fn(), onDismiss: vi.fn() };
  renderInPane(<NewClientDialog participants={participants} initialAddress={initialAddress} {...props} />, locale);
  return props;
}

const input = (name: string) => screen.getByRole('textbox', { name: new RegExp(`^${name}`) }) as HTMLInputElement;

describe('NewClientDialog', () => {
  it('preselects the sender and prefills the split name and address', () => {
    renderDialog(async () => clientRecord());

    expect((screen.getByRole('radio', { name: 'Souza, Ana · From · ana@example.com' }) as HTMLInputElement).checked).toBe(true);
    expect(input('First name').value).toBe('Ana');
    expect(input('Last name').value).toBe('Souza');
    expect(input('Email').value).toBe('ana@example.com');
  });

  it('refills the form when another participant is chosen', async () => {
    renderDialog(async () => clientRecord());

    await userEvent.click(screen.getByRole('radio', { name: 'Bo Lee · To · bo@example.com' }));

    expect(input('First name').value).toBe('Bo');
    expect(input('Email').value).toBe('bo@example.com');
  });

  it('shows each participant\'s name and role, and the whole address on a line of its own, grouped by whether they are clients', () => {
    renderDialog(async () => clientRecord());
    const choices = screen.getByRole('radiogroup', { name: 'Create from' });

    const notYet = within(choices).getByRole('group', { name: 'Not a client yet' });
    expect(within(notYet).getAllByRole('radio').map((radio) => radio.getAttribute('value'))).toEqual(['ana@example.com', 'bo@example.com']);
    expect(within(notYet).getByText('Souza, Ana · From')).toBeTruthy();
    expect(within(notYet).getByText('ana@example.com')).toBeTruthy();
    const known = within(choices).getByRole('group', { name: 'Already known' });
    expect(within(known).getByText('Known Person · Cc')).toBeTruthy();
    expect(within(known).getByText('known@example.com')).toBeTruthy();
  });

  it('shows the participants with their roles in Portuguese', () => {
    renderDialog(async () => clientRecord(), undefined, 'pt-BR');
    const choices = screen.getByRole('radiogroup', { name: 'Criar a partir de' });

    expect(within(choices).getByText('Souza, Ana · De')).toBeTruthy();
    expect(within(choices).getByText('Bo Lee · Para')).toBeTruthy();
    expect((within(choices).getByRole('radio', { name: 'Souza, Ana · De · ana@example.com' }) as HTMLInputElement).checked).toBe(true);
    expect(within(choices).getByRole('group', { name: 'Ainda não são clientes' })).toBeTruthy();
  });

  it('requires a first name and a valid email before sending anything', async () => {
    const props = renderDialog(async () => clientRecord());
    await userEvent.clear(input('First name'));
    await userEvent.clear(input('Email'));
    await userEvent.type(input('Email'), 'not-an-address');

    await userEvent.click(screen.getByRole('button', { name: 'Create' }));

    expect(screen.getByText('Enter a first name.')).toBeTruthy();
    expect(screen.getByText('Enter a valid email address, or leave it empty.')).toBeTruthy();
    expect(props.createClient).not.toHaveBeenCalled();
  });

  it('creates once on a double click and hands the record over', async () => {
    let finish: (record: ClientRecord) => void = () => undefined;
    const props = renderDialog(() => new Promise((resolve) => (finish = resolve)));
    const create = screen.getByRole('button', { name: 'Create' });

    await userEvent.dblClick(create);
    finish(clientRecord());

    await waitFor(() => expect(props.onCreated).toHaveBeenCalledWith(clientRecord()));
    expect(props.createClient).toHaveBeenCalledTimes(1);
    expect(props.createClient.mock.calls[0][0]).toEqual({ firstName: 'Ana', lastName: 'Souza', email: 'ana@example.com' });
  });

  it('reuses the idempotency key when the same submission is retried after a failure', async () => {
    const props = renderDialog(async () => {
      throw ApiError.network();
    });

    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Retry' }));

    await waitFor(() => expect(props.createClient).toHaveBeenCalledTimes(2));
    expect(props.createClient.mock.calls[0][1]).toBe(props.createClient.mock.calls[1][1]);
  });

  it('on email-in-use offers to open the existing client or create a shared one', async () => {
    const responses = [
      () => Promise.reject(new ApiError(409, 'email-in-use', { code: 'email-in-use', existingClientIds: ['c-existing'] })),
      () => Promise.resolve(clientRecord({ id: 'c-new' })),
    ];
    const props = renderDialog(() => responses.shift()!());

    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('This address already belongs to a client.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Open existing' }));
    expect(props.onOpenClient).toHaveBeenCalledWith('c-existing');

    await userEvent.click(screen.getByRole('button', { name: 'Create anyway (shared address)' }));
    await waitFor(() => expect(props.onCreated).toHaveBeenCalled());
    const [firstBody, firstKey] = props.createClient.mock.calls[0];
    const [secondBody, secondKey] = props.createClient.mock.calls[1];
    expect(firstBody.allowSharedEmail).toBeUndefined();
    expect(secondBody.allowSharedEmail).toBe(true);
    expect(secondKey).not.toBe(firstKey);
  });

  it('lists every existing client when several share the address', async () => {
    renderDialog(() => Promise.reject(new ApiError(409, 'email-in-use', { existingClientIds: ['c-1', 'c-k'] })));

    await userEvent.click(screen.getByRole('button', { name: 'Create' }));

    expect(await screen.findByText('This address already belongs to 2 clients.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open existing client 1' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open Known Person' })).toBeTruthy();
  });
});

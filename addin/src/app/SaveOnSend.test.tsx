import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ResolvedParticipant } from '../participants/participantStatus';
import { ParticipantsList } from '../components/ParticipantsList';
import { fakeApi } from '../test/fakeApi';
import { renderInPane } from '../test/render';
import { SaveOnSend, type RowControls, type SendKeyGateway } from './SaveOnSend';

const ana: ResolvedParticipant = {
  role: 'to',
  displayName: 'Ana Souza',
  emailAddress: 'ana@example.com',
  status: { kind: 'client', match: { clientId: 'c-ana', displayName: 'Ana Souza', matchedAs: 'primary' } },
};
const bruno: ResolvedParticipant = {
  role: 'cc',
  displayName: 'Bruno Lima',
  emailAddress: 'bruno@example.com',
  status: { kind: 'client', match: { clientId: 'c-bruno', displayName: 'Bruno Lima', matchedAs: 'primary' } },
};
const stranger: ResolvedParticipant = { role: 'to', displayName: 'New Person', emailAddress: 'new@example.net', status: { kind: 'unknown', checking: false, suggestions: [] } };

function gateway(overrides: Partial<SendKeyGateway> = {}): SendKeyGateway & { [K in keyof SendKeyGateway]: ReturnType<typeof vi.fn> } {
  return {
    canStampSendKey: vi.fn(() => true),
    readSendKey: vi.fn(async () => null),
    stampSendKey: vi.fn(async () => undefined),
    rememberSendSettings: vi.fn(async () => undefined),
    ...overrides,
  } as never;
}

/** The participant rows with the lazily loaded save-on-send controls, as App wires them in compose mode. */
function Compose({ api, office }: { api: ReturnType<typeof fakeApi>; office: SendKeyGateway }) {
  const [controls, setControls] = useState<RowControls | undefined>(undefined);
  const participants = [ana, bruno, stranger];
  return (
    <ParticipantsList
      state={{ kind: 'ready', participants }}
      onRetry={vi.fn()}
      onOpenClient={vi.fn()}
      onNewClient={vi.fn()}
      onLinkExisting={vi.fn()}
      onLinkSuggestion={vi.fn()}
      sendSaveFor={controls}
      footer={
        <SaveOnSend
          api={api}
          gateway={office}
          newKey={() => 'k'.repeat(32)}
          serviceOrigin="https://crm.example"
          clients={[ana, bruno].map((p) => (p.status.kind === 'client' ? p.status.match : null)!)}
          onRowControls={(next) => setControls(() => next)}
        />
      }
    />
  );
}

describe('save on send in compose mode', () => {
  it('offers "Save to record when sent" on each known client row; choosing one stamps the draft and records the choice', async () => {
    const api = fakeApi({ setSendSave: async (key: string, clientIds: string[]) => ({ key, clients: clientIds.map((clientId) => ({ clientId, state: 'pending' })) }) });
    const office = gateway();
    renderInPane(<Compose api={api} office={office} />);

    const anaSwitch = await screen.findByRole('switch', { name: 'Save to record when sent: Ana Souza' });
    expect(screen.getAllByTestId('send-save-switch')).toHaveLength(2); // not on the unknown address
    expect((anaSwitch as HTMLInputElement).checked).toBe(false);
    expect(office.stampSendKey).not.toHaveBeenCalled();
    expect(office.rememberSendSettings).toHaveBeenCalledWith({ saveOnSendDefault: false, serviceOrigin: 'https://crm.example' });

    await userEvent.click(anaSwitch);
    await waitFor(() => expect(api.setSendSave).toHaveBeenLastCalledWith('k'.repeat(32), ['c-ana']));
    expect(office.stampSendKey).toHaveBeenCalledExactlyOnceWith('k'.repeat(32));
    expect((anaSwitch as HTMLInputElement).checked).toBe(true);

    // Unchoosing keeps the key and clears the choice on the service.
    await userEvent.click(anaSwitch);
    await waitFor(() => expect(api.setSendSave).toHaveBeenLastCalledWith('k'.repeat(32), []));
    expect(office.stampSendKey).toHaveBeenCalledTimes(1);
  });

  it('with the default on, chooses every known client at once; a row can opt out', async () => {
    const api = fakeApi({
      getSaveSettings: async () => ({ saveToKnownClientsWhenSent: true }),
      setSendSave: async (key: string) => ({ key, clients: [] }),
    });
    renderInPane(<Compose api={api} office={gateway({ readSendKey: vi.fn(async () => 'stamped-before-0123456789') })} />);

    await waitFor(() => expect(api.setSendSave).toHaveBeenLastCalledWith('stamped-before-0123456789', ['c-ana', 'c-bruno']));
    expect((screen.getByTestId('send-save-default') as HTMLInputElement).checked).toBe(true);
    await userEvent.click(screen.getByRole('switch', { name: 'Save to record when sent: Bruno Lima' }));
    await waitFor(() => expect(api.setSendSave).toHaveBeenLastCalledWith('stamped-before-0123456789', ['c-ana']));
  });

  it('changes the default for the user and the send event', async () => {
    const api = fakeApi({ setSaveSettings: async (s: unknown) => s, setSendSave: async (key: string) => ({ key, clients: [] }) });
    const office = gateway();
    renderInPane(<Compose api={api} office={office} />);

    await userEvent.click(await screen.findByRole('switch', { name: 'Save emails to known clients when sent' }));
    expect(api.setSaveSettings).toHaveBeenCalledWith({ saveToKnownClientsWhenSent: true });
    await waitFor(() => expect(office.rememberSendSettings).toHaveBeenLastCalledWith({ saveOnSendDefault: true, serviceOrigin: 'https://crm.example' }));
    await waitFor(() => expect(api.setSendSave).toHaveBeenLastCalledWith('k'.repeat(32), ['c-ana', 'c-bruno']));
  });

  it('says so where Outlook cannot stamp the draft (no Mailbox 1.8), and offers no switches', async () => {
    renderInPane(<Compose api={fakeApi()} office={gateway({ canStampSendKey: vi.fn(() => false) })} />);
    expect((await screen.findByRole('note')).textContent).toContain('This version of Outlook cannot save an email when it is sent.');
    expect(screen.queryByTestId('send-save-switch')).toBeNull();
  });

  it('reports what the pane\'s resolve did, in both languages', async () => {
    const { SendSaveReport } = await import('../components/SendSaveReport');
    const at = '2026-12-01T10:00:00Z';
    const result = {
      saved: [{ key: 'a', clientId: 'c-ana', savedEmailId: 's', subject: 'Hi', reason: null, createdAt: at }],
      expired: [1, 2].map((n) => ({ key: `e${n}`, clientId: 'c-ana', savedEmailId: null, subject: null, reason: null, createdAt: at })),
      skipped: [],
      pending: 0,
      mailbox: 'ok' as const,
    };
    const onDismiss = vi.fn();
    const { unmount } = renderInPane(<SendSaveReport result={result} onDismiss={onDismiss} />);
    expect(screen.getByTestId('send-save-report').textContent).toBe(
      '1 sent email saved to a record.2 sent emails could not be saved to records: they were not found in Sent Items within 7 days.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalled();
    unmount();
    renderInPane(<SendSaveReport result={result} onDismiss={onDismiss} />, 'pt-BR');
    expect(screen.getByTestId('send-save-report').textContent).toContain('2 e-mails enviados não puderam ser salvos nas fichas');
  });

  it('explains a refused choice in the user language', async () => {
    const { ApiError } = await import('../api/errors');
    const api = fakeApi({ setSendSave: async () => Promise.reject(new ApiError(409, 'send-save-closed')) });
    renderInPane(<Compose api={api} office={gateway()} />, 'pt-BR');

    await userEvent.click(await screen.findByRole('switch', { name: 'Salvar na ficha ao enviar: Ana Souza' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Este e-mail já foi enviado');
    expect(screen.getByRole('switch', { name: 'Salvar na ficha os e-mails para clientes conhecidos ao enviar' })).toBeTruthy();
  });
});

import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { Api, participant, type PaneSession } from './support/pane';
import { usePaneSessions } from './support/paneSessions';

const { baseUrl, open } = usePaneSessions();

/** The pane's calls that read a mailbox (history, saving), as the service received them. */
function mailboxCalls(session: PaneSession): string[] {
  const calls: string[] = [];
  session.context.on('request', (request) => {
    const url = new URL(request.url());
    if (/\/api\/clients\/[^/]+\/(history|saved-emails)$/.test(url.pathname)) calls.push(`${request.method()} ${url.pathname.replace(/clients\/[^/]+/, 'clients/{id}')}${url.search}`);
  });
  return calls;
}

test('an email in the shared front-desk mailbox: the desk is "us", history and saving name that mailbox, the practitioner saves it', async () => {
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  const ana = await api.createClient({ firstName: 'Ana', lastName: 'Souza', email: 'ana.souza@example.com' });
  const session = await open({ tenant, message: 'msg-front-desk' });
  const calls = mailboxCalls(session);
  const { pane } = session;

  await pane.getByTestId('mailbox-notice').getByText('Shared mailbox recepcao@example.com', { exact: false }).waitFor();
  const sender = participant(pane, 'From: Ana Souza');
  await sender.waitFor();
  await participant(pane, 'Cc: Caio Lima').waitFor();
  // The front desk is the mailbox itself, never a participant to look up or to make a client of.
  expect((await session.participantsEverShown()).filter((label) => /recep/i.test(label))).toEqual([]);

  await sender.getByRole('button', { name: 'Save to record: Ana Souza' }).click();
  await sender.getByText('Saved to record').waitFor();
  await sender.getByRole('button', { name: 'Open Ana Souza' }).click();
  const record = pane.getByRole('article', { name: 'Ana Souza' });
  await record.getByRole('tab', { name: 'History' }).click();
  const entry = record.getByRole('article', { name: /^Email saved to the record: Remarcar para a semana que vem · / });
  // Saved by the person signed in, not by the front desk.
  await entry.getByText('Saved to record by Preview User').waitFor();
  await session.screenshot('17-shared-mailbox-history');

  const saved = (await (await api.send('GET', `/api/clients/${ana.id}/history`)).json()) as { items: { kind: string; actorName: string | null }[] };
  expect(saved.items.filter((i) => i.kind === 'saved-email').map((i) => i.actorName)).toEqual(['Preview User']);
  expect(calls).toContain('POST /api/clients/{id}/saved-emails?mailbox=recepcao%40example.com');
  expect(calls.filter((c) => c.startsWith('GET /api/clients/{id}/history'))).toEqual(['GET /api/clients/{id}/history?limit=25&mailbox=recepcao%40example.com']);
  console.log(`shared mailbox: participants shown ${JSON.stringify(await session.participantsEverShown())}; mailbox calls ${JSON.stringify(calls)}`);
});

test('an Outlook that cannot tell shared mailboxes apart: the pane says it reads the user\'s own mailbox and asks for no other', async () => {
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  await api.createClient({ firstName: 'Ana', lastName: 'Souza', email: 'ana.souza@example.com' });
  const session = await open({ tenant, message: 'msg-front-desk', mailboxVersion: '1.7', lang: 'pt-BR' });
  const calls = mailboxCalls(session);
  const { pane } = session;

  await pane.getByTestId('mailbox-notice').getByText('Lendo a sua própria caixa de correio', { exact: false }).waitFor();
  // Without the owner, the desk's address is just another participant.
  await participant(pane, 'Para: Recepção').waitFor();
  await participant(pane, 'De: Ana Souza').getByRole('button', { name: 'Abrir Ana Souza' }).click();
  await pane.getByRole('article', { name: 'Ana Souza' }).getByRole('tab', { name: 'Histórico' }).click();
  const historyCalls = () => calls.filter((c) => c.startsWith('GET /api/clients/{id}/history'));
  await expect.poll(() => historyCalls().length).toBeGreaterThan(0);
  expect(historyCalls()).toEqual(['GET /api/clients/{id}/history?limit=25']);
  await session.screenshot('17-shared-mailbox-unknown-pt-BR');
  console.log(`no Mailbox 1.8: participants shown ${JSON.stringify(await session.participantsEverShown())}; mailbox calls ${JSON.stringify(calls)}`);
});

test('an email in the user\'s own mailbox shows no mailbox notice', async () => {
  const session = await open({ message: 'msg-known-client' });
  await participant(session.pane, 'From: Ana Souza').waitFor();
  expect(await session.pane.getByTestId('mailbox-notice').count()).toBe(0);
});

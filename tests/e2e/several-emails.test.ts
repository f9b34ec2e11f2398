import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { Api, participant, type PaneSession } from './support/pane';
import { usePaneSessions } from './support/paneSessions';
import { fitsWidth, smallTouchTargets } from './support/touch';

const { baseUrl, open } = usePaneSessions();

type History = { items: { kind: string; internetMessageId: string }[] };

/** A practice with the preview's sample clients: Ana, Lena, and the Okafors sharing one address. */
async function practice() {
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  const ana = await api.createClient({ firstName: 'Ana', lastName: 'Souza', email: 'ana.souza@example.com' });
  const lena = await api.createClient({ firstName: 'Lena', lastName: 'Fischer', email: 'lena.fischer@example.com' });
  const chidi = await api.createClient({ firstName: 'Chidi', lastName: 'Okafor', email: 'okafor.family@example.org' });
  const amara = await api.createClient({ firstName: 'Amara', lastName: 'Okafor', email: 'okafor.family@example.org', allowSharedEmail: true });
  const savedEmails = async (clientId: string) =>
    ((await (await api.send('GET', `/api/clients/${clientId}/history`)).json()) as History).items.filter((i) => i.kind === 'saved-email').map((i) => i.internetMessageId);
  return { tenant, api, ana, lena, chidi, amara, savedEmails };
}

const loads = (session: PaneSession) =>
  session.paneFrame().evaluate(() => [...(window as unknown as { fakeOffice: { calls: { loadItemByIdAsync: string[] } } }).fakeOffice.calls.loadItemByIdAsync]);

test('several emails at once: saved to their clients\' records in one action, with what was and was not saved, and why', async () => {
  const { tenant, api, ana, lena, chidi, amara, savedEmails } = await practice();
  // Ana's message is on her record already.
  const known = '<reagendar.quinta.7f3a@mail.example.com>';
  const before = await api.send('POST', `/api/clients/${ana.id}/saved-emails`, {
    internetMessageId: known,
    subject: 'Reagendar a consulta de quinta',
    from: { name: 'Ana Souza', address: 'ana.souza@example.com' },
    to: [],
    cc: [],
    sentAt: '2025-03-10T07:45:00Z',
    preview: 'Olá!',
  });
  expect(before.status).toBe(201);

  const session = await open({ tenant, message: 'msg-several-recipients' });
  const { pane } = session;
  // Before the selection grows, the open message offers its own saves.
  const lenaRow = participant(pane, 'From: Lena Fischer');
  await lenaRow.getByRole('button', { name: 'Save to record: Lena Fischer' }).waitFor();
  expect(await pane.getByTestId('multi-save').count()).toBe(0);

  await session.selectMany(['msg-several-recipients', 'msg-known-client', 'msg-unknown-sender', 'msg-shared-family']);
  const panel = pane.getByRole('region', { name: '4 emails selected' });
  await panel.getByRole('button', { name: 'Save 4 emails to client records' }).click();
  await panel.getByRole('status').getByText('2 emails saved, 1 already saved, and 1 not saved').waitFor();

  const results = panel.getByRole('list', { name: 'Each email' });
  const result = (name: string) => results.getByRole('listitem', { name, exact: true });
  await result('Group workshop on Saturday: Saved').getByText('Saved to the record of Lena Fischer').waitFor();
  for (const name of ['Ana Souza', 'Chidi Okafor', 'Amara Okafor']) await result('Group workshop on Saturday: Saved').getByText(`Saved to the record of ${name}`).waitFor();
  await result('Reagendar a consulta de quinta: Already saved').getByText('Already on the record of Ana Souza').waitFor();
  await result('Question about my first session: Not saved').getByText('Not saved: no one on it is a client yet').waitFor();
  await result('Appointments for both kids: Saved').getByText('Saved to the record of Amara Okafor').waitFor();
  await session.screenshot('17-several-emails-summary');

  // The service holds exactly those saves, each email once per record.
  expect(await savedEmails(lena.id)).toEqual(['<msg-several-recipients@example.com>']);
  expect((await savedEmails(ana.id)).sort()).toEqual(['<msg-several-recipients@example.com>', known].sort());
  expect((await savedEmails(chidi.id)).sort()).toEqual(['<msg-several-recipients@example.com>', '<msg-shared-family@example.com>']);
  expect((await savedEmails(amara.id)).sort()).toEqual(['<msg-several-recipients@example.com>', '<msg-shared-family@example.com>']);
  // Outlook loaded the read messages one at a time, for reading only.
  expect(await loads(session)).toEqual(['msg-several-recipients', 'msg-known-client', 'msg-unknown-sender', 'msg-shared-family']);

  // The open message's rows agree: Lena's save is done, no stale "Save" button.
  await lenaRow.getByText('Saved to record').waitFor();
  expect(await lenaRow.getByRole('button', { name: 'Save to record: Lena Fischer' }).count()).toBe(0);

  // Back to one message: the panel goes, and the family's message says it is saved for both.
  await session.select('msg-shared-family');
  await pane.getByTestId('multi-save').waitFor({ state: 'detached' });
  const family = participant(pane, 'From: Okafor Family');
  await family.getByText('Shared by 2 clients. Choose one:').waitFor();
  expect(await family.getByText('Saved to record').count()).toBe(2);
  expect(await family.getByRole('button', { name: /^Save to record/ }).count()).toBe(0);
  console.log(`several emails: loads ${JSON.stringify(await loads(session))}; Lena ${JSON.stringify(await savedEmails(lena.id))}`);
});

test('on a phone in Portuguese: the selection is saved by touch and the summary says what was not saved and why', async () => {
  const { tenant, savedEmails, ana } = await practice();
  const phone = { width: 390, height: 844 };
  const session = await open({ tenant, lang: 'pt-BR', phone, message: 'msg-known-client', selected: ['msg-known-client', 'msg-address-as-name', 'msg-shared-family'] });
  const { pane } = session;

  const panel = pane.getByRole('region', { name: '3 e-mails selecionados' });
  const save = panel.getByRole('button', { name: 'Salvar 3 e-mails nas fichas dos clientes' });
  await save.waitFor();
  expect([await smallTouchTargets(session.paneFrame()), await fitsWidth(session.paneFrame())]).toEqual([[], true]);
  await session.screenshot('17-several-emails-phone-pt-BR');
  await save.tap();
  await panel.getByRole('status').getByText('2 e-mails salvos e 1 não salvo').waitFor();
  const results = panel.getByRole('list', { name: 'Cada e-mail' });
  await results.getByRole('listitem', { name: 'Reagendar a consulta de quinta: Salvo' }).getByText('Salvo na ficha de Ana Souza').waitFor();
  await results.getByRole('listitem', { name: 'Your booking is confirmed: Não salvo' }).getByText('Não salvo: ninguém nele é cliente ainda').waitFor();
  await results.getByRole('listitem', { name: 'Appointments for both kids: Salvo' }).getByText('Salvo na ficha de Chidi Okafor').waitFor();
  expect([await smallTouchTargets(session.paneFrame()), await fitsWidth(session.paneFrame())]).toEqual([[], true]);
  await session.screenshot('17-several-emails-phone-summary-pt-BR');
  expect(await savedEmails(ana.id)).toEqual(['<reagendar.quinta.7f3a@mail.example.com>']);
  // Ana's message is the one open: its row says saved.
  const anaRow = participant(pane, 'De: Ana Souza');
  await anaRow.getByText('Salvo na ficha', { exact: true }).waitFor();
  expect(await anaRow.getByRole('button', { name: 'Salvar na ficha: Ana Souza' }).count()).toBe(0);
});

test('an Outlook that lists the selection but cannot read other messages (Mailbox 1.14): nothing is saved, and each email says why', async () => {
  const { tenant, savedEmails, lena } = await practice();
  const session = await open({ tenant, mailboxVersion: '1.14', message: 'msg-several-recipients', selected: ['msg-several-recipients', 'msg-shared-family'] });
  const panel = session.pane.getByRole('region', { name: '2 emails selected' });
  await panel.getByRole('button', { name: 'Save 2 emails to client records' }).click();
  await panel.getByRole('status').getByText('2 not saved').waitFor();
  expect(await panel.getByText(/^Not saved: Outlook could not read it/).count()).toBe(2);
  expect(await savedEmails(lena.id)).toEqual([]);
});

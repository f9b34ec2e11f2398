import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { Api, participant } from './support/pane';
import { usePaneSessions } from './support/paneSessions';

const { baseUrl, open } = usePaneSessions();

test('saves the open message to the client record, lists it in History and unsaves it', async () => {
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  const ana = await api.createClient({ firstName: 'Ana', lastName: 'Souza', email: 'ana.souza@example.com' });
  const session = await open({ tenant, message: 'msg-known-client' });
  const { pane } = session;

  const sender = participant(pane, 'From: Ana Souza');
  await sender.getByRole('button', { name: 'Save to record: Ana Souza' }).click();
  await sender.getByText('Saved to record').waitFor();
  await session.screenshot('11-save-to-record-saved');
  // The body was read once through Office, only for the preview.
  expect(await session.paneFrame().evaluate(() => (window as unknown as { fakeOffice: { calls: { bodyGetAsync: string[] } } }).fakeOffice.calls.bodyGetAsync)).toEqual(['text']);

  const history = async () => (await (await api.send('GET', `/api/clients/${ana.id}/history`)).json()) as { items: { kind: string; subject: string; preview: string; internetMessageId: string }[] };
  const saved = (await history()).items.filter((i) => i.kind === 'saved-email');
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({ subject: 'Reagendar a consulta de quinta', internetMessageId: '<reagendar.quinta.7f3a@mail.example.com>' });
  expect(saved[0].preview.startsWith('Olá! Preciso remarcar a consulta de quinta-feira.')).toBe(true);
  expect(saved[0].preview.length).toBeLessThanOrEqual(201);

  await sender.getByRole('button', { name: 'Open Ana Souza' }).click();
  const record = pane.getByRole('article', { name: 'Ana Souza' });
  // The record says the open email is saved: it was, from the participant row.
  const offer = record.getByTestId('save-open-email');
  await offer.getByText('Saved to record').waitFor();
  await record.getByRole('tab', { name: 'History' }).click();
  // A feed article, named by its kind and subject, then its day and time.
  const entry = record.getByRole('article', { name: /^Email saved to the record: Reagendar a consulta de quinta · / });
  await entry.getByText('Olá! Preciso remarcar', { exact: false }).waitFor();
  // Named after the signed-in practitioner who saved it.
  await entry.getByText(/^Saved to record by \S/).waitFor();
  // Grouped by day: the record was created today, the sample message is dated 10 March 2025.
  await record.getByRole('heading', { name: 'Today', level: 4 }).waitFor();
  await record.getByRole('heading', { name: 'Mon, Mar 10, 2025', level: 4 }).waitFor();
  await record.getByText('Record created').waitFor();
  await session.screenshot('11-save-to-record-history');

  await entry.getByRole('button', { name: 'Remove from record' }).click();
  const confirm = pane.getByRole('dialog', { name: 'Remove this email from the record?' });
  await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
  await confirm.waitFor({ state: 'hidden' });
  await expect.poll(async () => (await history()).items.filter((i) => i.kind === 'saved-email').length).toBe(0);
  await expect.poll(() => pane.getByTestId('timeline-item').filter({ hasText: 'Reagendar a consulta de quinta' }).count()).toBe(0);
  await session.screenshot('11-save-to-record-removed');
  // Removed from the record, the open email can be saved again right there.
  await offer.getByRole('button', { name: 'Save to record: Ana Souza' }).waitFor();

  // Saving again (the undo) works from the message, once it is opened again.
  await pane.getByRole('button', { name: 'Back to people in this email' }).click();
  await session.select('msg-unknown-sender');
  await session.select('msg-known-client');
  await sender.getByRole('button', { name: 'Save to record: Ana Souza' }).click();
  await sender.getByText('Saved to record').waitFor();
  expect((await history()).items.filter((i) => i.kind === 'saved-email')).toHaveLength(1);

  // Another time (the pane starts over): the record asks the service and shows the email as saved.
  await session.select('msg-unknown-sender');
  await session.select('msg-known-client');
  await sender.getByRole('button', { name: 'Save to record: Ana Souza' }).waitFor();
  await sender.getByRole('button', { name: 'Open Ana Souza' }).click();
  await offer.getByText('Saved to record').waitFor();
  expect((await history()).items.filter((i) => i.kind === 'saved-email')).toHaveLength(1);
});

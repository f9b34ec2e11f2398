import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { Api, participant } from './support/pane';
import { usePaneSessions } from './support/paneSessions';

const { baseUrl, open } = usePaneSessions();

test('an unknown sender with a client’s name is linked with one click from the suggestion', async () => {
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  const beatriz = await api.createClient({ firstName: 'Beatriz', lastName: 'Costa', email: 'beatriz.trabalho@example.org' });

  const session = await open({ tenant, message: 'msg-last-first', lang: 'pt-BR' });
  const sender = participant(session.pane, 'De: Costa, Beatriz');
  const suggestion = sender.getByTestId('suggestion');
  await suggestion.getByText('Mesmo nome', { exact: true }).waitFor();
  expect(await suggestion.getByText('Beatriz Costa').textContent()).toBe('Beatriz Costa');
  await sender.getByText('Será que é…').waitFor();
  await session.screenshot('16-pt-BR-suggestion');

  await suggestion.getByRole('button', { name: 'Vincular como e-mail secundário: Beatriz Costa' }).click();
  await sender.getByRole('button', { name: 'Abrir Beatriz Costa' }).waitFor();
  await sender.getByText('Identificado por E-mail secundário').waitFor();
  const stored = await api.getClient(beatriz.id);
  expect(stored.email).toBe('beatriz.trabalho@example.org');
  expect(stored.fields).toEqual([expect.objectContaining({ type: 'email', value: 'bia.costa@example.com' })]);
});

test('a colleague and a never-tracked sender are shown for what they are, with nothing to create or link', async () => {
  const tenant = randomUUID();
  const admin = await Api.forTenant(baseUrl, tenant);
  const listed = await admin.send('POST', '/api/never-track', { value: 'labvida.example' });
  expect(listed.status).toBe(201);

  const session = await open({ tenant, message: 'msg-practice-team', lang: 'pt-BR' });
  const colleague = participant(session.pane, 'De: Dra. Paula Menezes');
  const lab = participant(session.pane, 'Cc: Resultados Lab Vida');
  await colleague.getByText('Colega', { exact: true }).waitFor();
  await colleague.getByText('Alguém da sua organização').waitFor();
  await lab.getByText('Não acompanhado', { exact: true }).waitFor();
  await lab.getByText('Sua clínica nunca guarda e-mails deste remetente.').waitFor();
  expect(await colleague.getByRole('button').count()).toBe(0);
  expect(await lab.getByRole('button').count()).toBe(0);
  await session.screenshot('16-pt-BR-colleague-and-not-tracked');
  // Neither is offered in the header's New client either.
  await session.pane.getByRole('button', { name: 'Novo cliente…', exact: true }).click();
  const dialog = session.pane.getByRole('dialog', { name: 'Novo cliente' });
  await dialog.getByRole('textbox', { name: 'Nome', exact: true }).waitFor();
  expect(await dialog.getByRole('radio').count()).toBe(0);
});

test('+ New client warns that a client with the same name exists and links the address instead', async () => {
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  const beatriz = await api.createClient({ firstName: 'Beatriz', lastName: 'Costa' });

  const session = await open({ tenant, message: 'msg-last-first', lang: 'pt-BR' });
  const sender = participant(session.pane, 'De: Costa, Beatriz');
  // Without an address the suggestion offers it as the primary email.
  await sender.getByRole('button', { name: 'Vincular como e-mail principal: Beatriz Costa' }).waitFor();
  await sender.getByRole('button', { name: 'Novo cliente: bia.costa@example.com' }).click();
  const dialog = session.pane.getByRole('dialog', { name: 'Novo cliente' });
  await dialog.getByRole('button', { name: 'Criar', exact: true }).click();
  const warning = dialog.getByTestId('same-name');
  await warning.getByText('Beatriz Costa já existe. Vincular este endereço em vez de criar?').waitFor();
  await dialog.getByRole('button', { name: 'Criar mesmo assim' }).waitFor();
  await session.screenshot('16-pt-BR-duplicate-warning');

  await warning.getByRole('button', { name: 'Vincular a Beatriz Costa' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await session.pane.getByRole('article', { name: 'Beatriz Costa' }).waitFor();
  expect((await api.getClient(beatriz.id)).email).toBe('bia.costa@example.com');
  expect((await api.search('Beatriz')).items).toHaveLength(1);
});

import type { FrameLocator } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { Api, outbox, screenshotDir } from './support/pane';
import { usePaneSessions } from './support/paneSessions';
import { join } from 'node:path';

const { baseUrl, open } = usePaneSessions();

/** The newest outbox email to `address` that was not there before. */
async function newEmailTo(api: Api, address: string, before: Set<string>) {
  let found: Awaited<ReturnType<typeof outbox>>[number] | undefined;
  await expect.poll(async () => {
    found = (await outbox(api)).find((m) => m.to === address && !before.has(m.id));
    return !!found;
  }).toBe(true);
  return found!;
}

async function createFromSender(pane: FrameLocator, names: { newClient: string; create: string; dialog: string }) {
  await pane.getByRole('button', { name: names.newClient, exact: true }).click();
  const dialog = pane.getByRole('dialog', { name: names.dialog });
  await dialog.getByRole('button', { name: names.create, exact: true }).click();
}

test('create a client → the intake modal → Send → the client fills in the public form → the record shows the answers', async () => {
  const tenant = randomUUID();
  const session = await open({ tenant, message: 'msg-unknown-sender' });
  const { pane, context } = session;
  const api = await Api.forTenant(baseUrl, tenant);
  const before = new Set((await outbox(api)).map((m) => m.id));

  await createFromSender(pane, { newClient: 'New client…', create: 'Create', dialog: 'New client' });
  const intake = pane.getByRole('alertdialog', { name: 'Send an intake form' });
  await intake.getByText('Send Sam Rivera the intake form by email', { exact: false }).waitFor();
  await intake.getByText('To: sam.rivera@example.com').waitFor();
  await intake.getByTestId('intake-subject').getByText('Your intake form').waitFor();
  expect(await intake.getByTestId('intake-message').innerText()).toMatch(/^Hello,? Sam/);
  expect(await intake.getByLabel('Language of the email and form').inputValue()).toBe('en');
  // Another language: the preview shows the built-in email as the service would send it in that language.
  await intake.getByLabel('Language of the email and form').selectOption('pt-BR');
  await intake.getByTestId('intake-subject').getByText('Seu formulário inicial').waitFor();
  expect(await intake.getByTestId('intake-message').innerText()).toMatch(/^Olá, Sam/);
  await intake.getByLabel('Language of the email and form').selectOption('en');
  await intake.getByTestId('intake-subject').getByText('Your intake form').waitFor();
  await session.screenshot('13-intake-modal');

  await intake.getByRole('button', { name: 'Send intake form' }).click();
  await intake.waitFor({ state: 'hidden' });
  const record = pane.getByRole('article', { name: 'Sam Rivera' });
  await record.getByRole('tab', { name: 'Intake', selected: true }).waitFor();
  const sent = record.getByRole('listitem', { name: 'New client intake' });
  await sent.getByText('Sent', { exact: true }).waitFor();
  await session.screenshot('13-intake-sent');

  // The client opens the link from the email (the development outbox) and answers.
  const email = await newEmailTo(api, 'sam.rivera@example.com', before);
  expect(email.body).toContain(email.link);
  const form = await context.newPage();
  await form.goto(email.link);
  expect(await form.locator('html').getAttribute('lang')).toBe('en');
  await form.getByLabel('Full name').fill('Samuel Rivera');
  await form.getByRole('group', { name: /Are the details we have on file/ }).getByLabel('Yes').check();
  await form.getByLabel('What would you like help with?').fill('Sleep problems <b>and</b> stress at work.');
  await form.getByLabel(/I consent to the practice keeping my information/).check();
  await form.screenshot({ path: join(screenshotDir, '13-intake-public-form.png'), fullPage: true });
  await form.getByRole('button', { name: 'Send my answers' }).click();
  await form.getByRole('heading', { name: 'Thank you' }).waitFor();
  await form.close();

  // Back in the pane: the Intake tab reloads when shown again.
  await record.getByRole('tab', { name: 'Personal' }).click();
  await record.getByRole('tab', { name: 'Intake' }).click();
  await sent.getByText('Completed', { exact: true }).waitFor();
  await sent.getByRole('button', { name: 'View answers' }).click();
  const answers = sent.getByRole('region', { name: 'Answers' });
  await answers.getByText('Samuel Rivera').waitFor();
  await answers.getByText('Sleep problems <b>and</b> stress at work.').waitFor();
  await answers.getByText('Consent given').waitFor();
  await answers.getByText('Answers are not copied into the record', { exact: false }).waitFor();
  await session.screenshot('13-intake-answers');

  // Never applied silently: the record keeps its first name.
  const [match] = (await api.lookup(['sam.rivera@example.com'])).results[0].matches;
  expect((await api.getClient(match.clientId)).firstName).toBe('Sam');

  // The History tab tells the intake's story as record events.
  await record.getByRole('tab', { name: 'History' }).click();
  await record.getByText('Intake form “New client intake” completed by the client').waitFor();
  await record.getByText('Intake form “New client intake” sent to sam.rivera@example.com').waitFor();
});

test('in Portuguese the intake modal and the public form speak Portuguese', async () => {
  const tenant = randomUUID();
  const session = await open({ tenant, message: 'msg-last-first', lang: 'pt-BR' });
  const { pane, context } = session;
  const api = await Api.forTenant(baseUrl, tenant);
  const before = new Set((await outbox(api)).map((m) => m.id));

  await createFromSender(pane, { newClient: 'Novo cliente…', create: 'Criar', dialog: 'Novo cliente' });
  const intake = pane.getByRole('alertdialog', { name: 'Enviar formulário de admissão' });
  await intake.getByTestId('intake-subject').getByText('Seu formulário inicial').waitFor();
  expect(await intake.getByTestId('intake-message').innerText()).toMatch(/^Olá, Beatriz/);
  expect(await intake.getByLabel('Idioma do e-mail e do formulário').inputValue()).toBe('pt-BR');
  await intake.getByRole('combobox', { name: 'Modelo' }).waitFor();
  await intake.getByRole('button', { name: 'Pular', exact: true }).waitFor();
  await session.screenshot('14-pt-BR-intake-modal');

  await intake.getByRole('button', { name: 'Enviar formulário de admissão' }).click();
  await intake.waitFor({ state: 'hidden' });
  const record = pane.getByRole('article', { name: 'Beatriz Costa' });
  await record.getByRole('tab', { name: 'Admissão', selected: true }).waitFor();
  await record.getByRole('listitem', { name: 'Cadastro de novo cliente' }).getByText('Enviado', { exact: true }).waitFor();
  await session.screenshot('14-pt-BR-intake-sent');

  const email = await newEmailTo(api, 'bia.costa@example.com', before);
  expect(email.subject).toBe('Seu formulário inicial');
  const form = await context.newPage();
  await form.goto(email.link);
  expect(await form.locator('html').getAttribute('lang')).toBe('pt-BR');
  await form.getByRole('button', { name: 'Enviar minhas respostas' }).waitFor();
  await form.getByLabel('Nome completo').waitFor();
  await form.screenshot({ path: join(screenshotDir, '14-pt-BR-intake-public-form.png'), fullPage: true });
  await form.close();
});

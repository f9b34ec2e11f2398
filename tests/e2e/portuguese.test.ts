import type { Browser } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { Api, launchBrowser, openPane, participant, type PaneSession } from './support/pane';

const baseUrl = inject('baseUrl');
let browser: Browser;
let session: PaneSession | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await session?.close();
  await browser?.close();
});

test('lang=pt-BR shows the pane in Portuguese through the create-client flow', async () => {
  const tenant = randomUUID();
  session = await openPane(browser, baseUrl, { tenant, message: 'msg-last-first', lang: 'pt-BR' });
  const { pane } = session;

  expect(await session.paneFrame().evaluate(() => document.querySelector('.fui-FluentProvider')?.getAttribute('lang'))).toBe('pt-BR');
  await pane.getByRole('heading', { name: 'Pessoas neste e-mail', level: 2 }).waitFor();
  const sender = participant(pane, 'De: Costa, Beatriz');
  await sender.getByText('Ainda não é cliente', { exact: true }).waitFor();
  await session.screenshot('09-pt-BR-participants');

  await pane.getByRole('button', { name: '+ Novo cliente', exact: true }).click();
  const dialog = pane.getByRole('dialog', { name: 'Novo cliente' });
  await dialog.waitFor();
  // "Costa, Beatriz" is last name, first name.
  await expect.poll(() => dialog.getByRole('textbox', { name: 'Nome', exact: true }).inputValue()).toBe('Beatriz');
  expect(await dialog.getByRole('textbox', { name: 'Sobrenome' }).inputValue()).toBe('Costa');
  expect(await dialog.getByRole('textbox', { name: 'E-mail' }).inputValue()).toBe('bia.costa@example.com');
  await dialog.getByRole('button', { name: 'Cancelar' }).waitFor();
  await session.screenshot('09-pt-BR-new-client');

  await dialog.getByRole('button', { name: 'Criar', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  // The intake step follows every create; these tests skip it (intake.test.ts sends it).
  const intakeStep = pane.getByRole('alertdialog', { name: 'Enviar formulário de admissão' });
  await intakeStep.getByRole('button', { name: 'Pular', exact: true }).click();
  await intakeStep.waitFor({ state: 'hidden' });
  const record = pane.getByRole('article', { name: 'Beatriz Costa' });
  await record.getByRole('heading', { name: 'Beatriz Costa', level: 2 }).waitFor();
  await record.getByRole('tab', { name: 'Pessoal', selected: true }).waitFor();
  await record.getByRole('tab', { name: 'Histórico' }).waitFor();
  await session.screenshot('09-pt-BR-record');

  await pane.getByRole('button', { name: 'Voltar para as pessoas deste e-mail' }).click();
  await sender.getByText('Cliente', { exact: true }).waitFor();
  await sender.getByRole('button', { name: 'Abrir Beatriz Costa' }).waitFor();

  const api = await Api.forTenant(baseUrl, tenant);
  const [result] = (await api.lookup(['bia.costa@example.com'])).results;
  expect(result.matches.map((m) => m.displayName)).toEqual(['Beatriz Costa']);
});

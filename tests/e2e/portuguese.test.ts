import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { join } from 'node:path';
import { Api, participant, screenshotDir } from './support/pane';
import { usePaneSessions } from './support/paneSessions';

const { baseUrl, open } = usePaneSessions();

test('lang=pt-BR shows the pane in Portuguese through the create-client flow', async () => {
  const tenant = randomUUID();
  const session = await open({ tenant, message: 'msg-last-first', lang: 'pt-BR' });
  const { pane } = session;

  expect(await session.paneFrame().evaluate(() => document.querySelector('.fui-FluentProvider')?.getAttribute('lang'))).toBe('pt-BR');
  await pane.getByRole('heading', { name: 'Pessoas neste e-mail', level: 2 }).waitFor();
  const sender = participant(pane, 'De: Costa, Beatriz');
  await sender.getByText('Ainda não é cliente', { exact: true }).waitFor();
  await session.screenshot('09-pt-BR-participants');

  await pane.getByRole('button', { name: 'Novo cliente…', exact: true }).click();
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

test('lang=pt-BR shows the preview page itself in Portuguese, its outbox included', async () => {
  const tenant = randomUUID();
  const session = await open({ tenant, message: 'msg-last-first', lang: 'pt-BR' });
  const { page } = session;
  // One intake email in this workspace's development outbox.
  const api = await Api.forTenant(baseUrl, tenant);
  const client = await api.createClient({ firstName: 'Beatriz', lastName: 'Costa', email: 'bia.costa@example.com' });
  const sent = await api.send('POST', `/api/clients/${client.id}/intakes`, { language: 'pt-BR' });
  expect(sent.status).toBe(201);

  // The pane took its sign-in configuration from its page instead of asking /api/auth/config.
  expect(
    await session.paneFrame().evaluate(() => ({
      meta: !!document.querySelector('meta[name="outlookcrm-auth-config"]'),
      asked: performance.getEntriesByType('resource').some((entry) => entry.name.includes('/api/auth/config')),
    })),
  ).toEqual({ meta: true, asked: false });

  expect(await page.locator('html').getAttribute('lang')).toBe('pt-BR');
  expect(await page.title()).toBe('Pré-visualização do OutlookCrm');
  const toolbar = page.getByRole('toolbar', { name: 'Configurações da pré-visualização' });
  await toolbar.getByRole('heading', { name: 'Pré-visualização do Outlook' }).waitFor();
  expect(await toolbar.getByRole('combobox', { name: 'Idioma' }).inputValue()).toBe('pt-BR');
  await toolbar.getByRole('switch', { name: 'Tema escuro' }).waitFor();
  await toolbar.getByRole('button', { name: 'Criar clientes de exemplo' }).waitFor();
  await page.getByRole('navigation', { name: 'Mensagens' }).getByText('Nenhuma mensagem selecionada').waitFor();
  const reading = page.getByRole('region', { name: 'Painel de leitura' });
  await reading.getByText('De', { exact: true }).waitFor();
  await reading.getByText('Para', { exact: true }).waitFor();
  await page.locator('iframe[title="Painel de tarefas do OutlookCrm"]').waitFor();
  await page.screenshot({ path: join(screenshotDir, '15-pt-BR-preview.png'), animations: 'disabled' });

  await toolbar.getByRole('button', { name: 'Caixa de saída' }).click();
  const outboxPanel = page.getByRole('region', { name: 'Caixa de saída' });
  const email = outboxPanel.getByRole('listitem', { name: 'Seu formulário inicial para bia.costa@example.com' });
  await email.getByRole('link', { name: 'Abrir o formulário de admissão' }).waitFor();
  await email.getByText(/^Para bia\.costa@example\.com · /).waitFor();
  // Only this workspace's emails, read with this tenant's token.
  expect(await outboxPanel.getByTestId('outbox-message').count()).toBe(1);
  await outboxPanel.getByRole('button', { name: 'Atualizar' }).waitFor();
  await page.screenshot({ path: join(screenshotDir, '15-pt-BR-preview-outbox.png'), animations: 'disabled' });

  await outboxPanel.getByRole('button', { name: 'Fechar caixa de saída' }).click();
  await reading.waitFor();

  // The page follows its own language switch, as the pane does.
  await toolbar.getByRole('combobox', { name: 'Idioma' }).selectOption('en-US');
  await page.getByRole('toolbar', { name: 'Preview settings' }).getByRole('button', { name: 'Seed sample clients' }).waitFor();
  await page.getByRole('region', { name: 'Reading pane' }).waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  expect(session.dialogs).toEqual([]);
});

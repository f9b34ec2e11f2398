import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Api, launchBrowser, openPane, outbox, participant } from './support/pane';
import { startService } from './support/service.mjs';

// A service of its own: the shared one emails (into the development outbox), this one is configured
// as for a practice without a mailbox connection, where the pane shows each link to pass on instead.
let service: Awaited<ReturnType<typeof startService>> | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  // globalSetup has built the service for this run.
  service = await startService({ build: false, configuration: { Intake__ManualDelivery: 'true' } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

test('with manual delivery the pane shows the link to copy and pass on, says no email was sent, and New link replaces it', async () => {
  const { baseUrl } = service!;
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  await api.createClient({ firstName: 'Beatriz', lastName: 'Costa', email: 'bia.costa@example.com' });
  const session = await openPane(browser!, baseUrl, { tenant, message: 'msg-last-first', lang: 'pt-BR' });
  try {
    const { pane, context } = session;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await participant(pane, 'De: Costa, Beatriz').getByRole('button', { name: 'Abrir Beatriz Costa' }).click();
    const record = pane.getByRole('article', { name: 'Beatriz Costa' });
    await record.getByRole('tab', { name: 'Admissão' }).click();
    await record.getByText('Nenhum formulário de admissão enviado ainda.').waitFor();
    await record.getByRole('button', { name: 'Enviar formulário de admissão' }).click();
    const modal = pane.getByRole('alertdialog', { name: 'Enviar formulário de admissão' });
    await modal.getByTestId('intake-subject').getByText('Seu formulário inicial').waitFor();
    await modal.getByRole('button', { name: 'Enviar formulário de admissão' }).click();

    const ready = pane.getByRole('alertdialog', { name: 'Link do formulário de admissão pronto' });
    await ready.getByText('Nenhum e-mail foi enviado. Copie este link e repasse-o você mesmo para bia.costa@example.com.').waitFor();
    const link = await ready.getByRole('textbox', { name: 'Link do formulário' }).inputValue();
    expect(link).toMatch(new RegExp(`^${baseUrl}/intake/.+`));
    await ready.getByRole('button', { name: 'Copiar link' }).click();
    await ready.getByText('Link copiado', { exact: true }).waitFor();
    expect(await session.paneFrame().evaluate(() => navigator.clipboard.readText())).toBe(link);
    await session.screenshot('17-pt-BR-intake-manual-link');
    expect(await outbox(api)).toEqual([]);

    // The link is the client's form.
    const form = await context.newPage();
    await form.goto(link);
    await form.getByRole('button', { name: 'Enviar minhas respostas' }).waitFor();
    await form.close();

    await ready.getByRole('button', { name: 'Concluir' }).click();
    await ready.waitFor({ state: 'hidden' });
    const row = record.getByRole('listitem', { name: 'Cadastro de novo cliente' });
    await row.getByText('Link gerado', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Novo link' }).click();
    let fresh = link;
    await expect.poll(async () => (fresh = await row.getByRole('textbox', { name: 'Link do formulário' }).inputValue())).not.toBe(link);
    expect(fresh).toMatch(new RegExp(`^${baseUrl}/intake/.+`));
    expect(await outbox(api)).toEqual([]);
  } finally {
    await session.close();
  }
});

import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { Api, outbox } from './support/pane';
import { usePaneSessions } from './support/paneSessions';

const { baseUrl, open } = usePaneSessions();

test('an intake whose email failed is listed as not sent, says why, and Enviar novamente sends that same intake', async () => {
  const tenant = randomUUID();
  const session = await open({ tenant, message: 'msg-last-first', lang: 'pt-BR' });
  const { pane } = session;
  const api = await Api.forTenant(baseUrl, tenant);
  // The development outbox fails this workspace's next email, as a mailbox outage would; the service
  // saves the intake first, so it exists as not sent.
  expect((await api.send('POST', '/api/dev/outbox/fail-next')).status).toBe(204);

  await pane.getByRole('button', { name: 'Novo cliente…', exact: true }).click();
  await pane.getByRole('dialog', { name: 'Novo cliente' }).getByRole('button', { name: 'Criar', exact: true }).click();
  const modal = pane.getByRole('alertdialog', { name: 'Enviar formulário de admissão' });
  await modal.getByTestId('intake-subject').getByText('Seu formulário inicial').waitFor();
  await modal.getByRole('button', { name: 'Enviar formulário de admissão' }).click();

  await modal.getByText('Não foi possível enviar o e-mail agora; nada foi enviado.', { exact: false }).waitFor();
  await modal.getByText('O formulário fica na aba Admissão como não enviado; envie-o novamente por lá.').waitFor();
  expect(await modal.getByRole('button', { name: 'Enviar formulário de admissão' }).count()).toBe(0);
  await modal.getByRole('button', { name: 'Fechar' }).click();
  await modal.waitFor({ state: 'hidden' });

  const record = pane.getByRole('article', { name: 'Beatriz Costa' });
  await record.getByRole('tab', { name: 'Admissão', selected: true }).waitFor();
  const row = record.getByRole('listitem', { name: 'Cadastro de novo cliente' });
  await row.getByText('Não enviado', { exact: true }).waitFor();
  await row.getByText('Não foi possível enviar o e-mail e nada foi enviado. Tente novamente mais tarde.').waitFor();
  await session.screenshot('16-pt-BR-intake-not-sent');
  expect((await outbox(api)).filter((m) => m.to === 'bia.costa@example.com')).toEqual([]);

  await row.getByRole('button', { name: 'Enviar novamente' }).click();
  await row.getByText('Enviado', { exact: true }).waitFor();
  await record.getByText('O formulário de admissão foi enviado para bia.costa@example.com.').waitFor();
  await session.screenshot('16-pt-BR-intake-sent-again');

  // The retry sent the intake that failed: one intake, one email, no second link.
  expect(await record.getByTestId('intake').count()).toBe(1);
  const [client] = (await api.search('bia.costa@example.com')).items;
  const { items } = (await (await api.send('GET', `/api/clients/${client.id}/intakes`)).json()) as { items: Record<string, unknown>[] };
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({ status: 'sent', delivery: 'sent', deliveryProblem: null, timesSent: 2 });
  expect((await outbox(api)).filter((m) => m.to === 'bia.costa@example.com')).toHaveLength(1);
});

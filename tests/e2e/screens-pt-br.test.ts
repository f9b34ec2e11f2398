// Issue 19: every screen of the pane as a Brazilian practitioner meets it, in pt-BR at 340 px, with the
// assertions that the words and actions the issue asked for are there. Screenshots: 19-pt-BR-*.png.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { Api, outbox, participant, screenshotDir } from './support/pane';
import { usePaneSessions } from './support/paneSessions';

const { baseUrl, open } = usePaneSessions();

test('pt-BR at 340 px: participants, link, new client, intake modal, record tabs, save from the record, removing an address', async () => {
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  // Ana by her primary address, Lena by a secondary one, the Okafor address shared by two clients; Marco is unknown.
  await api.createClient({ firstName: 'Ana', lastName: 'Souza', email: 'ana.souza@example.com' });
  const lena = await api.createClient({ firstName: 'Lena', lastName: 'Fischer', email: 'lena@fischer.example.net' });
  const linked = await api.send('POST', `/api/clients/${lena.id}/emails`, { address: 'lena.fischer@example.com', as: 'secondary', label: 'E-mail secundário' });
  expect(linked.status).toBe(200);
  await api.createClient({ firstName: 'Chidi', lastName: 'Okafor', email: 'okafor.family@example.org' });
  await api.createClient({ firstName: 'Amara', lastName: 'Okafor', email: 'okafor.family@example.org', allowSharedEmail: true });

  const session = await open({ tenant, message: 'msg-several-recipients', lang: 'pt-BR' });
  const { pane, context } = session;
  expect(await session.paneFrame().evaluate(() => window.innerWidth)).toBe(340);

  // Participants: which address identified the client, who shares an address, one "+ Novo cliente" per unknown row.
  const from = participant(pane, 'De: Lena Fischer');
  await from.getByText('Identificado por E-mail secundário').waitFor();
  await participant(pane, 'Cc: Okafor Family').getByText('Compartilhado por 2 clientes. Escolha um:').waitFor();
  const marco = participant(pane, 'Para: Marco Bianchi');
  await marco.getByRole('button', { name: 'Novo cliente: marco.bianchi@example.org' }).waitFor();
  expect(await pane.getByRole('button', { name: 'Novo cliente…', exact: true }).count()).toBe(1);
  await session.screenshot('19-pt-BR-participants');

  // Link to an existing client: the results are named once.
  await marco.getByRole('button', { name: 'Vincular a cliente existente: marco.bianchi@example.org' }).click();
  const link = pane.getByRole('dialog', { name: 'Vincular a cliente existente' });
  await link.getByRole('searchbox', { name: 'Buscar clientes' }).or(link.getByRole('textbox', { name: 'Buscar clientes' })).fill('Okafor');
  await link.getByText('Escolha o cliente (2 encontrados)').waitFor();
  await session.screenshot('19-pt-BR-link');
  await link.getByRole('button', { name: 'Cancelar' }).click();
  await link.waitFor({ state: 'hidden' });

  // New client from the header asks whom: name · role, with the address on its own line.
  await pane.getByRole('button', { name: 'Novo cliente…', exact: true }).click();
  const newClient = pane.getByRole('dialog', { name: 'Novo cliente' });
  await newClient.getByRole('radio', { name: 'Marco Bianchi · Para · marco.bianchi@example.org' }).check();
  await expect.poll(() => newClient.getByRole('textbox', { name: 'Nome', exact: true }).inputValue()).toBe('Marco');
  await session.screenshot('19-pt-BR-new-client');
  await newClient.getByRole('button', { name: 'Criar', exact: true }).click();
  await newClient.waitFor({ state: 'hidden' });

  // The intake modal; sent, the record opens on its Intake tab.
  const intakeModal = pane.getByRole('alertdialog', { name: 'Enviar formulário de admissão' });
  await intakeModal.getByTestId('intake-subject').getByText('Seu formulário inicial').waitFor();
  await session.screenshot('19-pt-BR-intake-modal');
  const before = new Set((await outbox(api)).map((m) => m.id));
  await intakeModal.getByRole('button', { name: 'Enviar formulário de admissão' }).click();
  await intakeModal.waitFor({ state: 'hidden' });
  const record = pane.getByRole('article', { name: 'Marco Bianchi' });
  await record.getByRole('tab', { name: 'Admissão', selected: true }).waitFor();
  const intake = record.getByRole('listitem', { name: 'Cadastro de novo cliente' });
  await intake.getByText('Enviado', { exact: true }).waitFor();
  await session.screenshot('19-pt-BR-record-intake');

  // The client fills in the form; the tab shows it when the pane regains focus, without being left.
  let email: Awaited<ReturnType<typeof outbox>>[number] | undefined;
  await expect.poll(async () => (email = (await outbox(api)).find((m) => m.to === 'marco.bianchi@example.org' && !before.has(m.id)))).toBeTruthy();
  const form = await context.newPage();
  await form.goto(email!.link);
  await form.getByRole('heading', { name: 'Cadastro de novo cliente' }).waitFor();
  await form.getByText('Formulário inicial', { exact: true }).waitFor();
  await form.getByLabel('Nome completo').fill('Marco Bianchi');
  await form.getByLabel('Data de nascimento').fill('1991-07-23');
  await form.getByRole('group', { name: /Os dados que temos/ }).getByLabel('Sim').check();
  await form.getByLabel('Em que podemos ajudar?').fill('Ansiedade no trabalho.');
  await form.getByLabel(/Autorizo o consultório/).check();
  await form.getByRole('button', { name: 'Enviar minhas respostas' }).click();
  await form.getByRole('heading', { name: 'Obrigado' }).waitFor();
  await form.close();
  await session.paneFrame().evaluate(() => window.dispatchEvent(new Event('focus')));
  await intake.getByText('Preenchido', { exact: true }).waitFor();
  await intake.getByRole('button', { name: 'Ver respostas' }).click();
  const answers = intake.getByRole('region', { name: 'Respostas' });
  // By the question's kind: a date in the reader's notation, yes/no in their words.
  await answers.getByText('23 de jul. de 1991', { exact: true }).waitFor();
  expect(await answers.getByText('1991-07-23').count()).toBe(0);
  await answers.getByText('Sim', { exact: true }).waitFor();
  await session.screenshot('19-pt-BR-intake-answers');

  // Personal tab: each address says "Remover endereço" in words, apart from its badge.
  await record.getByRole('tab', { name: 'Pessoal' }).click();
  await record.getByRole('heading', { name: 'Dados de contato' }).waitFor();
  await session.screenshot('19-pt-BR-record-personal');

  // Save the open email from the record: it involves Marco.
  const saveOffer = record.getByTestId('save-open-email');
  await saveOffer.getByText('Este e-mail').waitFor();
  await saveOffer.getByRole('button', { name: 'Salvar na ficha: Marco Bianchi' }).click();
  await saveOffer.getByText('Salvo na ficha').waitFor();
  await session.screenshot('19-pt-BR-save-from-record');

  // History: the record event's time sits at the right edge, where the saved email's does.
  await record.getByRole('tab', { name: 'Histórico' }).click();
  const created = pane.getByTestId('timeline-item').filter({ hasText: 'Ficha criada' });
  const saved = pane.getByRole('article', { name: /^E-mail salvo na ficha: Group workshop on Saturday/ });
  await created.waitFor();
  await saved.waitFor();
  const rightEdgeOfTime = (item: typeof created) =>
    item.getByTestId('timeline-time').evaluate((time) => Math.round(time.getBoundingClientRect().right));
  expect(await rightEdgeOfTime(created)).toBe(await rightEdgeOfTime(saved));
  await session.screenshot('19-pt-BR-record-history');

  // Removing an address: named by its visible words, confirmed with what happens to its history.
  await record.getByRole('tab', { name: 'Pessoal' }).click();
  await record.getByRole('button', { name: 'Remover endereço: marco.bianchi@example.org' }).click();
  const confirm = pane.getByRole('dialog', { name: 'Remover este endereço?' });
  await confirm.getByText(/^marco\.bianchi@example\.org será removido da ficha de Marco Bianchi/).waitFor();
  await confirm.getByText(/os e-mails salvos na ficha continuam lá/).waitFor();
  await session.screenshot('19-pt-BR-remove-address');
  await confirm.getByRole('button', { name: 'Cancelar' }).click();
  await confirm.waitFor({ state: 'hidden' });
  const [stillLinked] = (await api.lookup(['marco.bianchi@example.org'])).results;
  expect(stillLinked.matches.map((m) => m.displayName)).toEqual(['Marco Bianchi']);

  await record.getByRole('button', { name: 'Remover endereço: marco.bianchi@example.org' }).click();
  await confirm.getByRole('button', { name: 'Remover endereço' }).click();
  await confirm.waitFor({ state: 'hidden' });
  await expect.poll(async () => (await api.lookup(['marco.bianchi@example.org'])).results[0].matches.length).toBe(0);
  // Without the address the open email no longer involves Marco: nothing to save here.
  expect(await record.getByTestId('save-open-email').count()).toBe(0);
  expect(session.dialogs).toEqual([]);
});

test('pt-BR: the client-facing intake page and email speak of a "formulário inicial"', async () => {
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  const client = await api.createClient({ firstName: 'Beatriz', lastName: 'Costa', email: 'bia.form@example.com' });
  expect((await api.send('POST', `/api/clients/${client.id}/intakes`, { language: 'pt-BR' })).status).toBe(201);
  const email = (await outbox(api)).find((m) => m.to === 'bia.form@example.com')!;
  expect(email.subject).toBe('Seu formulário inicial');
  expect(`${email.subject}\n${email.body}`).not.toMatch(/admiss/i);

  const session = await open({ tenant, message: 'none', lang: 'pt-BR', waitFor: 'frame' });
  const form = await session.context.newPage();
  await form.setViewportSize({ width: 340, height: 900 });
  await form.goto(email.link);
  await form.getByRole('heading', { name: 'Cadastro de novo cliente' }).waitFor();
  expect(await form.locator('body').innerText()).not.toMatch(/admiss/i);
  await form.screenshot({ path: join(screenshotDir, '19-pt-BR-public-form.png'), fullPage: true });
});

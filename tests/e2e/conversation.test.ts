import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { axeFindings, describeFindings } from './support/axe';
import { Api, participant } from './support/pane';
import { usePaneSessions } from './support/paneSessions';
import { fitsWidth, smallTouchTargets } from './support/touch';

const { baseUrl, open } = usePaneSessions();

// Two sample messages of one thread (addin/src/preview/sampleMessages.ts): the first and Ana's reply.
const conversationId = 'AAQkAGPreview+reagendar/quinta=';
const replyId = '<reagendar.quinta.resposta.91c2@mail.example.com>';

type History = { items: { kind: string; internetMessageId: string | null }[] };
const savedIds = async (api: Api, clientId: string) =>
  ((await (await api.send('GET', `/api/clients/${clientId}/history`)).json()) as History).items
    .filter((i) => i.kind === 'saved-email')
    .map((i) => i.internetMessageId)
    .sort();

test('a reply in a conversation saved to a record offers "Save this one too", and one click saves it', async () => {
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  const ana = await api.createClient({ firstName: 'Ana', lastName: 'Souza', email: 'ana.souza@example.com' });
  const session = await open({ tenant, message: 'msg-known-client' });
  const { pane } = session;

  // Saving the first email of the thread remembers its conversation.
  const sender = participant(pane, 'From: Ana Souza');
  await sender.getByRole('button', { name: 'Save to record: Ana Souza' }).click();
  await sender.getByText('Saved to record').waitFor();
  expect(await pane.getByTestId('conversation-banner').count()).toBe(0);

  await session.select('msg-conversation-reply');
  const banner = pane.getByTestId('conversation-banner');
  await banner.getByText("Part of a conversation saved to Ana Souza's record").waitFor();
  await session.screenshot('15-conversation-offer');
  const findings = await axeFindings(session.paneFrame(), 'conversation offer (en)');
  expect(findings, describeFindings(findings)).toEqual([]);
  await banner.getByRole('button', { name: 'Save this one too' }).click();
  await banner.getByText("Saved to Ana Souza's record too").waitFor();
  await sender.getByText('Saved to record').waitFor();
  expect(await savedIds(api, ana.id)).toEqual(['<reagendar.quinta.7f3a@mail.example.com>', replyId]);

  // Back on the reply later: it is saved, so there is nothing to offer.
  await session.select('msg-unknown-sender');
  await session.select('msg-conversation-reply');
  await participant(pane, 'From: Ana Souza').waitFor();
  await expect.poll(() => pane.getByTestId('conversation-banner').count()).toBe(0);
});

test('pt-BR: with the setting on, opening a reply saves it without a click, once, and says so', async () => {
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  const ana = await api.createClient({ firstName: 'Ana', lastName: 'Souza', email: 'ana.souza@example.com' });
  // The first email of the thread was saved earlier, by a colleague.
  const first = await api.send('POST', `/api/clients/${ana.id}/saved-emails`, {
    internetMessageId: '<reagendar.quinta.7f3a@mail.example.com>',
    conversationId,
    subject: 'Reagendar a consulta de quinta',
    from: { name: 'Ana Souza', address: 'ana.souza@example.com' },
    sentAt: '2025-03-10T07:45:00Z',
  });
  expect(first.status).toBe(201);

  const session = await open({ tenant, message: 'msg-conversation-reply', lang: 'pt-BR' });
  const { pane } = session;
  const banner = pane.getByTestId('conversation-banner');
  await banner.getByText('Parte de uma conversa salva na ficha de Ana Souza').waitFor();
  const automatic = banner.getByRole('switch', { name: 'Salvar automaticamente os próximos e-mails de conversas salvas' });
  await automatic.check();
  await expect.poll(() => automatic.isChecked()).toBe(true);
  // The setting is kept for the next emails: this one still waits for a click.
  expect(await savedIds(api, ana.id)).toEqual(['<reagendar.quinta.7f3a@mail.example.com>']);

  await session.select('msg-unknown-sender');
  await session.select('msg-conversation-reply');
  await banner.getByText('Salvo automaticamente na ficha de Ana Souza: faz parte de uma conversa salva nela').waitFor();
  await session.screenshot('15-conversation-saved-automatically-pt-BR');
  await expect.poll(() => savedIds(api, ana.id)).toEqual(['<reagendar.quinta.7f3a@mail.example.com>', replyId]);

  // Again on the same reply: already saved, nothing saved twice.
  await session.select('msg-unknown-sender');
  await session.select('msg-conversation-reply');
  await participant(pane, 'De: Ana Souza').waitFor();
  await expect.poll(() => pane.getByTestId('conversation-banner').count()).toBe(0);
  expect(await savedIds(api, ana.id)).toEqual(['<reagendar.quinta.7f3a@mail.example.com>', replyId]);
});

test('on a phone the offer and the setting are thumb-sized and the pane fits', async () => {
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  const ana = await api.createClient({ firstName: 'Ana', lastName: 'Souza', email: 'ana.souza@example.com' });
  await api.send('POST', `/api/clients/${ana.id}/saved-emails`, {
    internetMessageId: '<reagendar.quinta.7f3a@mail.example.com>',
    conversationId,
    from: { name: 'Ana Souza', address: 'ana.souza@example.com' },
    sentAt: '2025-03-10T07:45:00Z',
  });
  const session = await open({ tenant, message: 'msg-conversation-reply', lang: 'pt-BR', phone: { width: 320, height: 568 } });
  const banner = session.pane.getByTestId('conversation-banner');
  await banner.getByRole('button', { name: 'Salvar este também' }).waitFor();
  await banner.getByRole('switch').waitFor();
  expect(await smallTouchTargets(session.paneFrame())).toEqual([]);
  expect(await fitsWidth(session.paneFrame())).toBe(true);
  const findings = await axeFindings(session.paneFrame(), 'conversation offer (pt-BR, phone)');
  expect(findings, describeFindings(findings)).toEqual([]);
  await session.screenshot('15-conversation-phone-pt-BR');
  await session.close();
});

import { randomUUID } from 'node:crypto';
import type { FrameLocator } from 'playwright-core';
import { expect, test } from 'vitest';
import { Api, participant, type PaneSession } from './support/pane';
import { usePaneSessions } from './support/paneSessions';
import { fitsWidth, minTouchTarget, smallTouchTargets } from './support/touch';

// Outlook on iOS and Android shows the pane full screen: phones from 320 to 428 CSS px wide, touch only.
const { baseUrl, open } = usePaneSessions();
const phones = [
  { width: 320, height: 568 },
  { width: 390, height: 844 },
  { width: 428, height: 926 },
];

/** Nothing too small for a finger, and no sideways scrolling. */
async function expectThumbFriendly(session: PaneSession, where: string) {
  const frame = session.paneFrame();
  expect([where, await smallTouchTargets(frame)]).toEqual([where, []]);
  expect([where, await fitsWidth(frame)]).toEqual([where, true]);
}

/** The record's tabs: along the bottom edge of the screen, side by side, each a big target. */
async function expectTabsAtTheBottom(pane: FrameLocator, phone: { width: number; height: number }) {
  const boxes = await pane.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => t.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes.length).toBeGreaterThanOrEqual(2);
  for (const box of boxes) {
    expect(box.height).toBeGreaterThanOrEqual(minTouchTarget);
    expect(box.width).toBeGreaterThanOrEqual(phone.width / boxes.length - 2);
    expect(Math.round(box.bottom)).toBe(phone.height);
  }
}

async function seeded() {
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  await api.createClient({ firstName: 'Ana', lastName: 'Souza', email: 'ana.souza@example.com' });
  return tenant;
}

test('on a phone in Portuguese: participants, + New client, link, save to record and the record, all by touch', async () => {
  const phone = phones[1];
  const session = await open({ tenant: await seeded(), message: 'msg-several-recipients', lang: 'pt-BR', phone });
  const { pane } = session;
  expect(await session.paneFrame().evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);

  const lena = participant(pane, 'De: Lena Fischer');
  await lena.getByRole('button', { name: 'Novo cliente: lena.fischer@example.com' }).waitFor();
  await expectThumbFriendly(session, 'participants');
  await session.screenshot('17-phone-participants-pt-BR');

  await lena.getByRole('button', { name: 'Novo cliente: lena.fischer@example.com' }).tap();
  const create = pane.getByRole('dialog', { name: 'Novo cliente' });
  await create.getByRole('button', { name: 'Cancelar' }).waitFor();
  await expectThumbFriendly(session, 'new client dialog');
  await session.screenshot('17-phone-new-client-pt-BR');
  await create.getByRole('button', { name: 'Cancelar' }).tap();
  await create.waitFor({ state: 'hidden' });

  const marco = participant(pane, 'Para: Marco Bianchi');
  await marco.getByRole('button', { name: 'Vincular a cliente existente: marco.bianchi@example.org' }).tap();
  const link = pane.getByRole('dialog', { name: 'Vincular a cliente existente' });
  await link.getByRole('button', { name: 'Cancelar' }).waitFor();
  await expectThumbFriendly(session, 'link dialog');
  await session.screenshot('17-phone-link-pt-BR');
  await link.getByRole('button', { name: 'Cancelar' }).tap();
  await link.waitFor({ state: 'hidden' });

  await session.select('msg-known-client');
  const ana = participant(pane, 'De: Ana Souza');
  await ana.getByRole('button', { name: 'Salvar na ficha: Ana Souza' }).tap();
  await ana.getByText('Salvo na ficha').waitFor();
  await ana.getByRole('button', { name: 'Abrir Ana Souza' }).tap();
  const record = pane.getByRole('article', { name: 'Ana Souza' });
  await record.getByRole('tab', { name: 'Pessoal' }).waitFor();
  await expectTabsAtTheBottom(pane, phone);
  await expectThumbFriendly(session, 'record');
  await session.screenshot('17-phone-record-pt-BR');

  await record.getByRole('tab', { name: 'Histórico' }).tap();
  await record.getByRole('article', { name: /^E-mail salvo na ficha: Reagendar a consulta de quinta/ }).waitFor();
  await expectTabsAtTheBottom(pane, phone);
  await expectThumbFriendly(session, 'history');
  await session.screenshot('17-phone-history-pt-BR');
  await record.getByRole('tab', { name: 'Pessoal' }).tap();
  await record.getByRole('tabpanel', { name: 'Pessoal' }).waitFor();
});

test.each(phones)('at $width × $height the participants and the record fit and every control is thumb-sized', async (phone) => {
  const session = await open({ tenant: await seeded(), message: 'msg-several-recipients', phone });
  const { pane } = session;
  await participant(pane, 'From: Lena Fischer').getByRole('button', { name: 'New client: lena.fischer@example.com' }).waitFor();
  await expectThumbFriendly(session, `participants at ${phone.width}`);
  await pane.getByRole('button', { name: 'Open Ana Souza' }).tap();
  await pane.getByRole('tab', { name: 'History' }).tap();
  await pane.getByRole('tabpanel', { name: 'History' }).waitFor();
  await expectTabsAtTheBottom(pane, phone);
  await expectThumbFriendly(session, `record at ${phone.width}`);
});

// Issue #21, item 2: the help article's three workflows with the keyboard alone (Tab, Shift+Tab, Enter,
// Space, Escape, arrows), a visible focus indicator at every stop, focus back on the opener when a
// dialog closes, focus on the result after create / link / save, and results announced in the live region.
import { randomUUID } from 'node:crypto';
import type { Frame } from 'playwright-core';
import { expect, test } from 'vitest';
import { wordsFor } from './support/a11ySeed';
import { expectVisibleFocus, focusedIn, named, tabUntil } from './support/keyboard';
import { Api, type PaneSession } from './support/pane';
import { usePaneSessions } from './support/paneSessions';

const { baseUrl, open } = usePaneSessions();

/** Puts keyboard focus into the pane's document, as F6 does in Outlook; everything after is keys. */
async function enterPane(session: PaneSession): Promise<Frame> {
  const frame = session.paneFrame();
  await frame.evaluate(() => window.focus());
  return frame;
}

// Focus moves once a closing dialog has finished its exit animation and given the page back.
const settles = { timeout: 5000 };

const announced = (frame: Frame) => frame.evaluate(() => document.querySelector('[data-testid="announcements"]')?.textContent ?? '');

test('create a client from a recipient, keyboard only (pt-BR): Escape gives focus back, the new record takes it, "Cliente criado" is announced', async () => {
  const t = wordsFor('pt-BR');
  const session = await open({ message: 'msg-several-recipients', lang: 'pt-BR' });
  const { page } = session;
  const frame = await enterPane(session);

  await tabUntil(page, frame, named(t('header.newClient')));
  await page.keyboard.press('Enter');
  const dialog = `dialog: ${t('newClient.title')}`;
  await expect.poll(async () => (await focusedIn(frame)).dialog, settles).toBe(dialog);
  await expectVisibleFocus(frame, 'New client dialog opened');
  // Escape closes it and gives focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await focusedIn(frame)).name, settles).toBe(t('header.newClient'));
  await expectVisibleFocus(frame, 'after Escape');

  // Space opens it again; the sender is chosen; the arrow keys choose the next person, a To recipient.
  await page.keyboard.press('Space');
  await expect.poll(async () => (await focusedIn(frame)).dialog, settles).toBe(dialog);
  await tabUntil(page, frame, (f) => f.dialog === dialog && f.role === 'radio');
  await page.keyboard.press('ArrowDown');
  const firstName = session.pane.getByRole('textbox', { name: t('newClient.firstName'), exact: true });
  await expect.poll(() => firstName.inputValue()).toBe('Marco');
  await tabUntil(page, frame, named(t('newClient.create')));
  await page.keyboard.press('Enter');

  // The intake modal follows; Skip with Space, and focus goes to the new record.
  const intake = `alertdialog: ${t('intake.dialogTitle')}`;
  await expect.poll(async () => (await focusedIn(frame)).dialog, settles).toBe(intake);
  await tabUntil(page, frame, named(t('intake.skip')));
  await page.keyboard.press('Space');
  await expect.poll(async () => (await focusedIn(frame)).tag, settles).toBe('article');
  expect((await expectVisibleFocus(frame, 'the new record')).name).toBe('Marco Bianchi');
  expect(await announced(frame)).toBe(t('announce.clientCreated', { name: 'Marco Bianchi' }));
  expect(t('announce.clientCreated', { name: 'Marco Bianchi' })).toMatch(/^Cliente criado/);

  // The record's tabs: arrows move between them, Enter shows one.
  await tabUntil(page, frame, named(t('record.tab.personal')));
  await page.keyboard.press('ArrowRight');
  expect((await expectVisibleFocus(frame, 'History tab')).name).toBe(t('record.tab.history'));
  await page.keyboard.press('Enter');
  await session.pane.getByRole('tab', { name: t('record.tab.history'), selected: true }).waitFor();
  await session.pane.getByRole('feed').waitFor();
  expect(session.dialogs).toEqual([]);
});

test('link an unknown sender to an existing client as secondary email, keyboard only (pt-BR): focus on the row\'s new action, "E-mail vinculado" announced', async () => {
  const t = wordsFor('pt-BR');
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  await api.createClient({ firstName: 'Ana', lastName: 'Souza', email: 'ana.souza@example.com' });
  const session = await open({ tenant, message: 'msg-unknown-sender', lang: 'pt-BR', theme: 'dark' });
  const { page } = session;
  const frame = await enterPane(session);
  const linkButton = t('participants.linkExistingFor', { address: 'sam.rivera@example.com' });
  const dialog = `dialog: ${t('link.title')}`;

  await tabUntil(page, frame, named(linkButton));
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focusedIn(frame)).dialog, settles).toBe(dialog);
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await focusedIn(frame)).name, settles).toBe(linkButton);
  await expectVisibleFocus(frame, 'after Escape');

  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focusedIn(frame)).dialog, settles).toBe(dialog);
  await tabUntil(page, frame, (f) => f.dialog === dialog && f.tag === 'input' && f.role === 'search');
  await page.keyboard.type('souza');
  await session.pane.getByRole('radio', { name: /Ana Souza/ }).waitFor();
  // The result list, then Space chooses; the "Save as" group, then the arrow picks Secondary email.
  await tabUntil(page, frame, (f) => f.role === 'radio' && /Ana Souza/.test(f.name));
  await page.keyboard.press('Space');
  await tabUntil(page, frame, (f) => f.role === 'radio' && f.name === t('link.asPrimary'));
  await page.keyboard.press('ArrowDown');
  await session.pane.getByRole('radio', { name: t('link.asSecondary'), checked: true }).waitFor();
  await tabUntil(page, frame, named(t('link.save')));
  await page.keyboard.press('Enter');

  const openAna = t('participants.openClient', { name: 'Ana Souza' });
  await expect.poll(async () => (await focusedIn(frame)).name, settles).toBe(openAna);
  await expectVisibleFocus(frame, 'after linking');
  expect(await announced(frame)).toBe(t('announce.emailLinked', { address: 'sam.rivera@example.com', name: 'Ana Souza' }));
  expect(await announced(frame)).toMatch(/^E-mail vinculado/);
  const stored = await api.getClient((await api.search('souza')).items[0].id);
  expect(stored.emails.map((e) => [e.address, e.kind])).toEqual([
    ['ana.souza@example.com', 'primary'],
    ['sam.rivera@example.com', 'field'],
  ]);
  expect(session.dialogs).toEqual([]);
});

test('save the email, open the record and move through its history, keyboard only (en): focus follows every step', async () => {
  const t = wordsFor('en');
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  await api.createClient({ firstName: 'Ana', lastName: 'Souza', email: 'ana.souza@example.com' });
  const session = await open({ tenant, message: 'msg-known-client' });
  const { page } = session;
  const frame = await enterPane(session);

  await tabUntil(page, frame, named(t('save.actionFor', { name: 'Ana Souza' })));
  await page.keyboard.press('Space');
  await expect.poll(async () => (await focusedIn(frame)).name, settles).toBe(t('save.saved'));
  await expectVisibleFocus(frame, 'after saving');
  expect(await announced(frame)).toBe(t('save.saved'));

  await tabUntil(page, frame, named(t('participants.openClient', { name: 'Ana Souza' })), { back: true });
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focusedIn(frame)).tag, settles).toBe('article');
  expect((await expectVisibleFocus(frame, 'the opened record')).name).toBe('Ana Souza');

  await tabUntil(page, frame, named(t('record.tab.personal')));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await session.pane.getByRole('tab', { name: t('record.tab.history'), selected: true }).waitFor();
  await session.pane.getByTestId('timeline-item').nth(1).waitFor();

  // Into the feed: the saved email's action (the email is older than the record, so it comes last),
  // then Page Up / Page Down from article to article.
  const remove = await tabUntil(page, frame, named(t('timeline.unsave')));
  expect(remove.role).toBe('button');
  await page.keyboard.press('PageUp');
  const newer = await expectVisibleFocus(frame, 'Page Up in the history');
  expect(newer.tag).toBe('article');
  expect(newer.name).toMatch(new RegExp(`^${t('event.created')}`));
  await page.keyboard.press('PageDown');
  const saved = await expectVisibleFocus(frame, 'Page Down in the history');
  expect(saved.tag).toBe('article');
  expect(saved.name).toMatch(/Reagendar a consulta de quinta/);

  // The remove confirmation: Escape cancels and gives focus back to "Remove from record".
  await tabUntil(page, frame, named(t('timeline.unsave')));
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focusedIn(frame)).dialog, settles).toMatch(/^(alert)?dialog: /);
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await focusedIn(frame)).name, settles).toBe(t('timeline.unsave'));
  await expectVisibleFocus(frame, 'after cancelling the confirmation');

  // Back to the people of the email: focus returns to the client's row.
  await tabUntil(page, frame, named(t('common.back')), { back: true, limit: 60 });
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focusedIn(frame)).name, settles).toBe(t('participants.openClient', { name: 'Ana Souza' }));
  await expectVisibleFocus(frame, 'back on the participants');
  expect(session.dialogs).toEqual([]);
});

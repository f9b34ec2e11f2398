import type { Route } from 'playwright-core';
import { expect, test } from 'vitest';
import { participant } from './support/pane';
import { usePaneSessions } from './support/paneSessions';

const { open } = usePaneSessions();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a slow lookup for the previous message never replaces the participants of the current one', async () => {
  const session = await open({ message: 'msg-unknown-sender' });
  const { page, pane } = session;

  // The preview's own seeding (Ana, Lena, and the Okafors sharing one address) for this tenant.
  await page.getByRole('button', { name: 'Seed sample clients' }).click();
  await page.getByRole('status').filter({ hasText: 'Sample clients ready (4 created, 0 already there).' }).waitFor();
  await participant(pane, 'From: Sam Rivera').waitFor();

  // Hold the next lookup (the one for Ana's message) until the test lets it go.
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let held!: (body: string) => void;
  const heldRequest = new Promise<string>((r) => (held = r));
  let holdNext = true;
  await page.route('**/api/lookup', async (route: Route) => {
    if (!holdNext) return route.continue();
    holdNext = false;
    held(route.request().postData() ?? '');
    await released;
    await route.continue().catch(() => undefined); // the pane may have cancelled it meanwhile
  });

  await session.select('msg-known-client');
  expect(JSON.parse(await heldRequest)).toEqual({ addresses: ['ana.souza@example.com'] });
  await pane.getByRole('progressbar', { name: 'Finding people in this email…' }).waitFor();

  // The user moves on before the answer comes.
  await session.select('msg-shared-family');
  const family = participant(pane, 'From: Okafor Family');
  await family.getByText('Shared by 2 clients. Choose one:').waitFor();

  // Now the old answer arrives (or would have): the pane stays on the current message.
  release();
  await sleep(800);
  await expect.poll(() => pane.getByTestId('participant').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')))).toEqual([
    'From: Okafor Family',
  ]);
  expect(await session.participantsEverShown()).not.toContain('From: Ana Souza');
  await session.screenshot('05-switching-after-slow-lookup');

  // Going back to Ana's message works normally.
  await session.select('msg-known-client');
  await participant(pane, 'From: Ana Souza').getByRole('button', { name: 'Open Ana Souza' }).waitFor();
});

test('a compose item that is slow to read is dropped when another message is selected', async () => {
  // msg-compose-draft answers getAsync after 600 ms (as Outlook does for drafts).
  const session = await open({ message: 'msg-compose-draft', waitFor: 'frame' });
  const { pane } = session;
  // Once the pane listens for ItemChanged it has started reading the draft's recipients.
  await expect
    .poll(() => session.paneFrame().evaluate(() => (window as any).fakeOffice?.calls.addHandlerAsync.includes('olkItemSelectedChanged') ?? false))
    .toBe(true);
  await pane.getByRole('progressbar', { name: 'Finding people in this email…' }).waitFor();
  await session.select('msg-unknown-sender');

  await participant(pane, 'From: Sam Rivera').waitFor();
  await sleep(1000); // well past the draft's 600 ms
  await expect.poll(() => pane.getByTestId('participant').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')))).toEqual([
    'From: Sam Rivera',
  ]);
  const seen = await session.participantsEverShown();
  expect(seen.filter((label) => /Ana Souza|Priya Nair/.test(label))).toEqual([]);
});

test('the preview delay parameter slows compose reads; the draft shows its recipients once read', async () => {
  const session = await open({ message: 'msg-compose-draft', delay: 1500, waitFor: 'frame' });
  const { pane } = session;
  const started = Date.now();
  await participant(pane, 'To: Ana Souza').waitFor();
  // The draft's own 600 ms wins over the page-wide delay; either way it is read asynchronously.
  expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  // Quotes around a display name are header noise, not part of the name.
  await participant(pane, 'Cc: Priya Nair').getByText('Priya Nair', { exact: true }).waitFor();
  await session.screenshot('05-compose-draft');
});

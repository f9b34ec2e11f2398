import type { Request, Route } from 'playwright-core';
import { expect, test } from 'vitest';
import { participant } from './support/pane';
import { usePaneSessions } from './support/paneSessions';

const { open } = usePaneSessions();

// Every assertion here is about order (what happened before what), never about how long it took:
// held requests and held Office reads let the test decide what comes first.

const rowLabels = (session: Awaited<ReturnType<typeof open>>) =>
  session.pane.getByTestId('participant').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')));

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
  let held!: (request: Request) => void;
  const heldRequest = new Promise<Request>((r) => (held = r));
  let holdNext = true;
  const failed: Request[] = [];
  page.on('requestfailed', (request) => failed.push(request));
  await page.route('**/api/lookup', async (route: Route) => {
    if (!holdNext) return route.continue();
    holdNext = false;
    held(route.request());
    await released;
    await route.continue().catch(() => undefined); // the pane may have cancelled it meanwhile
  });

  await session.select('msg-known-client');
  const oldLookup = await heldRequest;
  expect(JSON.parse(oldLookup.postData() ?? '')).toEqual({ addresses: ['ana.souza@example.com'] });
  await pane.getByRole('progressbar', { name: 'Finding people in this email…' }).waitFor();

  // The user moves on before the answer comes.
  await session.select('msg-shared-family');
  const family = participant(pane, 'From: Okafor Family');
  await family.getByText('Shared by 2 clients. Choose one:').waitFor();

  // The pane cancelled the old lookup, so its answer can never arrive: the pane stays on the current message.
  release();
  await expect.poll(() => failed.includes(oldLookup), { timeout: 10_000 }).toBe(true);
  expect(oldLookup.failure()?.errorText).toBe('net::ERR_ABORTED');
  expect(await rowLabels(session)).toEqual(['From: Okafor Family']);
  expect(await session.participantsEverShown()).not.toContain('From: Ana Souza');
  await session.screenshot('05-switching-after-slow-lookup');

  // Going back to Ana's message works normally.
  await session.select('msg-known-client');
  await participant(pane, 'From: Ana Souza').getByRole('button', { name: 'Open Ana Souza' }).waitFor();
});

test('a compose item that is slow to read is dropped when another message is selected', async () => {
  const session = await open({ message: 'msg-compose-draft', holdReads: true, waitFor: 'frame' });
  const { page, pane } = session;
  const lookups: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/lookup')) lookups.push(request.postData() ?? '');
  });
  // The pane is reading the draft's recipients; Office answers only when the test says so.
  await pane.getByRole('progressbar', { name: 'Finding people in this email…' }).waitFor();
  await session.select('msg-unknown-sender');
  await participant(pane, 'From: Sam Rivera').waitFor();

  // The draft's answers arrive after the user moved on.
  await session.releaseReads();
  await expect.poll(() => session.readsAnswered(), { timeout: 10_000 }).toEqual(expect.arrayContaining(['msg-compose-draft.to', 'msg-compose-draft.cc']));
  // Anything the pane did with them comes before what it does for the next message: after that one is
  // shown, the draft's people were never looked up nor shown.
  await session.select('msg-last-first');
  await participant(pane, 'From: Costa, Beatriz').waitFor();
  expect(lookups.filter((body) => /ana\.souza|priya\.nair/.test(body))).toEqual([]);
  expect(lookups.some((body) => body.includes('bia.costa@example.com'))).toBe(true);
  const seen = await session.participantsEverShown();
  expect(seen.filter((label) => /Ana Souza|Priya Nair/.test(label))).toEqual([]);
});

test('a draft shows its recipients only once Office has answered the read of them', async () => {
  const session = await open({ message: 'msg-compose-draft', holdReads: true, waitFor: 'frame' });
  const { pane } = session;
  await pane.getByRole('progressbar', { name: 'Finding people in this email…' }).waitFor();
  expect(await session.participantsEverShown()).toEqual([]);

  await session.releaseReads();
  await participant(pane, 'To: Ana Souza').waitFor();
  // Each row appeared after the read that carries it had answered.
  expect(await session.readsAnsweredWhenShown('To: Ana Souza')).toContain('msg-compose-draft.to');
  // Quotes around a display name are header noise, not part of the name.
  await participant(pane, 'Cc: Priya Nair').getByText('Priya Nair', { exact: true }).waitFor();
  expect(await session.readsAnsweredWhenShown('Cc: Priya Nair')).toContain('msg-compose-draft.cc');
  await session.screenshot('05-compose-draft');
});

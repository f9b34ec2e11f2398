import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { Api, participant } from './support/pane';
import { usePaneSessions } from './support/paneSessions';

const { baseUrl, open } = usePaneSessions();

const accountA = 'preview.user@example.com';
const accountB = 'lee@practice-b.example';

/** The tenant a bearer token was issued for (the development issuer's `tid` claim). */
function tenantOf(authorization: string): string {
  const payload = authorization.replace(/^Bearer /, '').split('.')[1] ?? '';
  return (JSON.parse(Buffer.from(payload, 'base64url').toString() || '{}') as { tid?: string }).tid ?? '';
}

/**
 * Every answer the service gave the pane, with the token it was asked with and the phase of the test in
 * which the pane *sent* the request. A request sent just before a switch can be answered just after it,
 * so what crossed is judged by each call's token, not by when its answer came.
 */
function serviceTraffic() {
  const seen: { phase: string; token: string; tenant: string; path: string; body: string }[] = [];
  let phase = 'B';
  const record = (context: BrowserContext) => {
    const sentIn = new WeakMap<object, string>();
    context.on('request', (request) => sentIn.set(request, phase));
    context.on('response', async (response) => {
      const request = response.request();
      const at = sentIn.get(request) ?? phase;
      const url = new URL(request.url());
      if (!url.pathname.startsWith('/api/')) return;
      const token = (await request.allHeaders()).authorization ?? '';
      seen.push({ phase: at, token, tenant: tenantOf(token), path: `${request.method()} ${url.pathname}`, body: await response.text().catch(() => '') });
    });
  };
  return { seen, record, enter: (name: string) => (phase = name) };
}

test('two practices in one Outlook: practice B\'s mailbox never shows practice A\'s clients, and switching back shows them again', async () => {
  const tenantA = randomUUID();
  const tenantB = randomUUID();
  const apiA = await Api.forTenant(baseUrl, tenantA);
  const apiB = await Api.forTenant(baseUrl, tenantB);
  // Practice A knows Ana (with an email on her record) and Rita; practice B knows Lena only.
  const ana = await apiA.createClient({ firstName: 'Ana', lastName: 'Souza', email: 'ana.souza@example.com' });
  const rita = await apiA.createClient({ firstName: 'Rita', lastName: 'Souza Moreno', email: 'rita.moreno@example.net' });
  const lena = await apiB.createClient({ firstName: 'Lena', lastName: 'Fischer', email: 'lena.fischer@example.com' });
  const saveNote = (api: Api, clientId: string, subject: string, from: string) =>
    api.send('POST', `/api/clients/${clientId}/saved-emails`, {
      internetMessageId: `<${randomUUID()}@example.com>`,
      subject,
      from: { name: null, address: from },
      to: [],
      cc: [],
      sentAt: '2025-03-01T10:00:00Z',
      preview: subject,
    });
  expect((await saveNote(apiA, ana.id, 'Practice A: only for A', 'ana.souza@example.com')).status).toBe(201);
  expect((await saveNote(apiB, lena.id, 'Practice B: session notes', 'lena.fischer@example.com')).status).toBe(201);

  // Recorded from the pane's first call: it opens on practice B's mailbox.
  const traffic = serviceTraffic();
  const session = await open({ tenant: tenantA, message: 'msg-known-client', account2: { address: accountB, tenant: tenantB }, startIn: 'account2', beforeOpen: traffic.record });
  const { pane } = session;

  // Practice B's mailbox: the header names B, and Ana (A's client) is an unknown address here.
  await pane.getByTestId('workspace').getByText(`Workspace: ${accountB}`).waitFor();
  const anaRow = participant(pane, 'From: Ana Souza');
  await anaRow.getByRole('button', { name: 'Link to existing client: ana.souza@example.com' }).waitFor();
  expect(await anaRow.getByRole('button', { name: 'Open Ana Souza' }).count()).toBe(0);

  // Link to existing client: searching for A's clients finds nothing in B.
  await anaRow.getByRole('button', { name: 'Link to existing client: ana.souza@example.com' }).click();
  const dialog = pane.getByRole('dialog', { name: 'Link to existing client' });
  await dialog.getByRole('searchbox', { name: 'Search clients' }).fill('Souza');
  await dialog.getByText('No clients match “Souza”.').waitFor();
  await session.screenshot('17-several-accounts-b-link');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });

  // History in B: Lena's record holds B's saved email only.
  await session.select('msg-several-recipients');
  const lenaRow = participant(pane, 'From: Lena Fischer');
  await lenaRow.getByRole('button', { name: 'Open Lena Fischer' }).click();
  const record = pane.getByRole('article', { name: 'Lena Fischer' });
  await record.getByRole('tab', { name: 'History' }).click();
  await record.getByRole('article', { name: /^Email saved to the record: Practice B: session notes/ }).waitFor();
  expect(await pane.getByText('Practice A: only for A').count()).toBe(0);
  await session.screenshot('17-several-accounts-b-history');

  // Back to practice A's mailbox: A's header and A's client.
  traffic.enter('A');
  await session.switchAccount(accountA);
  await pane.getByTestId('workspace').getByText(`Workspace: ${accountA}`).waitFor();
  await session.select('msg-known-client');
  await participant(pane, 'From: Ana Souza').getByRole('button', { name: 'Open Ana Souza' }).waitFor();

  // And to B once more: Ana is unknown again, with B's token, not A's.
  traffic.enter('B again');
  await session.switchAccount(accountB);
  await pane.getByTestId('workspace').getByText(`Workspace: ${accountB}`).waitFor();
  await participant(pane, 'From: Ana Souza').getByRole('button', { name: 'Link to existing client: ana.souza@example.com' }).waitFor();

  const withB = traffic.seen.filter((r) => r.tenant === tenantB);
  const withA = traffic.seen.filter((r) => r.tenant === tenantA);
  expect(withB.length).toBeGreaterThan(0);
  expect(withA.length).toBeGreaterThan(0);
  // Every call went out with one of the two practices' tokens...
  expect(withA.length + withB.length).toBe(traffic.seen.length);
  // ...until the first switch, only with B's...
  expect(traffic.seen.filter((r) => r.phase === 'B' && r.tenant !== tenantB).map((r) => r.path)).toEqual([]);
  // ...nothing of practice A ever reached the pane on B's token...
  for (const answer of withB) {
    for (const secret of [ana.id, rita.id, 'Practice A: only for A', 'Rita']) expect(answer.body, `${answer.path} in ${answer.phase}`).not.toContain(secret);
  }
  // ...each account kept one token of its own (the cache never handed one account's token to the other)...
  const tokensOf = (rows: typeof withA) => new Set(rows.map((r) => r.token));
  expect([...tokensOf(withB)].filter((t) => tokensOf(withA).has(t))).toEqual([]);
  expect(tokensOf(withB).size).toBe(1);
  // ...and back in B's mailbox the pane asked with B's token again.
  expect(traffic.seen.filter((r) => r.path === 'POST /api/lookup').at(-1)?.tenant).toBe(tenantB);
  // The very first lookup was already B's.
  expect(traffic.seen.find((r) => r.path === 'POST /api/lookup')?.phase).toBe('B');
  console.log(`several accounts: ${withB.length} calls with B's token, ${withA.length} with A's; ${JSON.stringify([...new Set(traffic.seen.map((r) => `${r.phase}: ${r.path}`))])}`);
});

test('the header names the workspace in Portuguese too', async () => {
  const session = await open({ message: 'msg-known-client', lang: 'pt-BR', account2: { address: accountB, tenant: randomUUID() }, startIn: 'account2' });
  await session.pane.getByTestId('workspace').getByText(`Espaço de trabalho: ${accountB}`).waitFor();
  await session.screenshot('17-several-accounts-header-pt-BR');
});

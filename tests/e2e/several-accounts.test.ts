import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { Api, participant } from './support/pane';
import { usePaneSessions } from './support/paneSessions';

const { baseUrl, open } = usePaneSessions();

const accountA = 'preview.user@example.com';
const accountB = 'lee@practice-b.example';

/** Every answer the service gave the pane, with the token it was asked with, so a test can say what crossed. */
function serviceTraffic() {
  const seen: { phase: string; token: string; path: string; body: string }[] = [];
  let phase = 'B';
  const record = (context: BrowserContext) =>
    context.on('response', async (response) => {
      const at = phase; // the phase the answer came in, before anything awaits
      const request = response.request();
      const url = new URL(request.url());
      if (!url.pathname.startsWith('/api/')) return;
      const token = (await request.allHeaders()).authorization ?? '';
      seen.push({ phase: at, token, path: `${request.method()} ${url.pathname}`, body: await response.text().catch(() => '') });
    });
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

  const inB = traffic.seen.filter((r) => r.phase.startsWith('B'));
  const inA = traffic.seen.filter((r) => r.phase === 'A');
  expect(inB.length).toBeGreaterThan(0);
  expect(inA.length).toBeGreaterThan(0);
  // Nothing of practice A ever reached the pane while B's mailbox was open...
  for (const answer of inB) {
    for (const secret of [ana.id, rita.id, 'Practice A: only for A', 'Rita']) expect(answer.body, `${answer.path} in ${answer.phase}`).not.toContain(secret);
  }
  // ...and each account's calls carried its own token, never the other's.
  const tokensOf = (rows: typeof inA) => new Set(rows.map((r) => r.token));
  expect([...tokensOf(inB)].filter((t) => tokensOf(inA).has(t))).toEqual([]);
  expect(tokensOf(inB).size).toBe(1);
  // The very first lookup was already B's.
  expect(traffic.seen.find((r) => r.path === 'POST /api/lookup')?.phase).toBe('B');
  console.log(`several accounts: ${inB.length} calls in B, ${inA.length} in A; ${JSON.stringify([...new Set(traffic.seen.map((r) => `${r.phase}: ${r.path}`))])}`);
});

test('the header names the workspace in Portuguese too', async () => {
  const session = await open({ message: 'msg-known-client', lang: 'pt-BR', account2: { address: accountB, tenant: randomUUID() }, startIn: 'account2' });
  await session.pane.getByTestId('workspace').getByText(`Espaço de trabalho: ${accountB}`).waitFor();
  await session.screenshot('17-several-accounts-header-pt-BR');
});

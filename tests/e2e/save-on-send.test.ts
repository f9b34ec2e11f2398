import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { axeFindings, describeFindings } from './support/axe';
import { Api, participant } from './support/pane';
import { usePaneSessions } from './support/paneSessions';
import { fitsWidth, smallTouchTargets } from './support/touch';

const { baseUrl, open } = usePaneSessions();
/** The preview pane's development user when the page names none (addin/src/auth/devIdentity.ts). */
const paneUser = '7d1c1a9e-0000-4000-8000-0000000000a1';

// Save on send: the pane's choice stamps the draft's send key header (fake Office's internetHeaders); the
// preview's Send runs the real send-event bundle (OnMessageSend on fake Office, POST …/sent), then puts the
// message into the Development service's Sent Items; the pane, opened again, resolves it into the client's
// history. In pt-BR the service does not answer the send event at all: the email still goes and is saved.
const cases = [
  {
    lang: 'en',
    row: 'To: Ana Souza',
    toggle: 'Save to record when sent: Ana Souza',
    defaultLabel: 'Save emails to known clients when sent',
    send: 'Send',
    report: '1 sent email saved to a record.',
    serviceDownOnSend: false,
  },
  {
    lang: 'pt-BR',
    row: 'Para: Ana Souza',
    toggle: 'Salvar na ficha ao enviar: Ana Souza',
    defaultLabel: 'Salvar na ficha os e-mails para clientes conhecidos ao enviar',
    send: 'Enviar',
    report: '1 e-mail enviado salvo na ficha.',
    serviceDownOnSend: true,
  },
];

for (const c of cases) {
  test(`saves a sent email to the chosen client's record once (${c.lang})`, async () => {
    const tenant = randomUUID();
    const api = await Api.forTenant(baseUrl, tenant);
    const ana = await api.createClient({ firstName: 'Ana', lastName: 'Souza', email: 'ana.souza@example.com' });
    const session = await open({ tenant, message: 'msg-compose-draft', lang: c.lang });
    const { pane, page } = session;

    const row = participant(pane, c.row);
    const toggle = row.getByRole('switch', { name: c.toggle });
    await toggle.waitFor();
    await pane.getByRole('switch', { name: c.defaultLabel }).waitFor();
    expect(await toggle.isChecked()).toBe(false);
    await toggle.click();
    // The draft carries its send key once the pane recorded the choice.
    await expect.poll(() => page.evaluate(() => (window.outlookPreview as unknown as { getItem(): { headers?: Record<string, string> } }).getItem().headers?.['x-outlookcrm-send-key'] ?? null)).toMatch(/^[0-9a-f]{32}$/);
    await session.screenshot(`15-save-on-send-chosen-${c.lang}`);
    // The compose controls pass axe like every other screen (labels start with the visible text, WCAG 2.5.3).
    const findings = await axeFindings(session.paneFrame(), `save on send (${c.lang})`);
    expect(findings, describeFindings(findings)).toEqual([]);

    const key = await page.evaluate(() => (window.outlookPreview as unknown as { getItem(): { headers: Record<string, string> } }).getItem().headers['x-outlookcrm-send-key']);
    const sendReports: string[] = [];
    await session.context.route('**/api/send-saves/*/sent', async (route) => {
      sendReports.push(route.request().url());
      if (c.serviceDownOnSend) await route.abort('connectionrefused');
      else await route.continue();
    });
    await page.getByRole('button', { name: c.send, exact: true }).click();
    // The pane opens again on the next message and resolves: the email is saved and reported.
    await pane.getByTestId('send-save-report').getByText(c.report).waitFor();
    await session.screenshot(`15-save-on-send-reported-${c.lang}`);
    // OnMessageSend ran once, reported this send, and let the email go (whether the service answered or not).
    expect(await page.evaluate(() => (window.outlookPreview as unknown as { sendEvents: unknown[] }).sendEvents)).toEqual([{ allowEvent: true }]);
    expect(sendReports.map((url) => new URL(url).pathname)).toEqual([`/api/send-saves/${key}/sent`]);
    const reportFindings = await axeFindings(session.paneFrame(), `save on send report (${c.lang})`);
    expect(reportFindings, describeFindings(reportFindings)).toEqual([]);

    const history = (await (await api.send('GET', `/api/clients/${ana.id}/history`)).json()) as { items: { kind: string; subject: string; to: { address: string }[]; preview: string }[] };
    const saved = history.items.filter((i) => i.kind === 'saved-email');
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ subject: 'Your intake form' });
    expect(saved[0].to.map((p) => p.address)).toContain('ana.souza@example.com');
    expect(saved[0].preview).toContain('please fill in the intake form');

    // Resolving again as the same practitioner (another pane) saves nothing twice and leaves nothing pending.
    const token = (await (await fetch(`${baseUrl}/dev/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ tenantId: tenant, userId: paneUser, name: 'Preview User', email: 'preview.user@example.com' }),
    })).json()) as { accessToken: string };
    const again = (await (await fetch(`${baseUrl}/api/send-saves/resolve`, { method: 'POST', headers: { Authorization: `Bearer ${token.accessToken}` } })).json()) as { saved: unknown[]; pending: number };
    expect(again).toMatchObject({ saved: [], pending: 0 });
    // The email went: its choice can no longer change.
    const change = await fetch(`${baseUrl}/api/send-saves/${key}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token.accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ clientIds: [] }),
    });
    expect(change.status).toBe(409);
    expect(((await (await api.send('GET', `/api/clients/${ana.id}/history`)).json()) as { items: { kind: string }[] }).items.filter((i) => i.kind === 'saved-email')).toHaveLength(1);
    await session.close();
  });
}

test('on a phone the compose switches are thumb-sized and the pane fits', async () => {
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  await api.createClient({ firstName: 'Ana', lastName: 'Souza', email: 'ana.souza@example.com' });
  const session = await open({ tenant, message: 'msg-compose-draft', phone: { width: 320, height: 568 } });
  await participant(session.pane, 'To: Ana Souza').getByRole('switch', { name: 'Save to record when sent: Ana Souza' }).waitFor();
  await session.pane.getByRole('switch', { name: 'Save emails to known clients when sent' }).waitFor();
  expect(await smallTouchTargets(session.paneFrame())).toEqual([]);
  expect(await fitsWidth(session.paneFrame())).toBe(true);
  await session.screenshot('15-save-on-send-phone');
  await session.close();
});

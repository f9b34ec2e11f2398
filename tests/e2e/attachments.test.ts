import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { FakeGraph, throttled, unavailable } from './support/fakeGraph';
import { Api, launchBrowser, openPane, participant } from './support/pane';
import { startService } from './support/service.mjs';

// A service of its own, reading the mailbox from a fake Microsoft Graph (in Graph's HTTP protocol)
// instead of having none: saving an email reads its attachments from there, as in production.
let graph: FakeGraph | undefined;
let service: Awaited<ReturnType<typeof startService>> | undefined;
let browser: Browser | undefined;

const internetMessageId = '<reagendar.quinta.7f3a@mail.example.com>'; // msg-known-client's
const referral = Buffer.from('%PDF-1.4\n% referral letter for Ana Souza\n%%EOF\n');
const photo = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
// Looks like "../../xpdf.exe"-ish tricks: path segments and a right-to-left override.
const hostileName = '../../x\u202Efdp.pdf';
const hostileShown = '_.._xfdp.pdf';
const maxFileBytes = 100_000;

beforeAll(async () => {
  graph = await FakeGraph.start();
  graph.addMessage(internetMessageId, [
    { name: 'Carta de encaminhamento.pdf', content: referral, contentType: 'application/pdf' },
    { name: 'receita.png', content: photo, contentType: 'image/png' },
    { name: 'exame-completo.pdf', content: Buffer.alloc(maxFileBytes + 1, 7), contentType: 'application/pdf' },
    // A declared type is the sender's word: it must not make the download render.
    { name: hostileName, content: Buffer.from('<script>alert(1)</script>'), contentType: 'text/html' },
  ]);
  // globalSetup has built the service for this run.
  service = await startService({
    build: false,
    configuration: { Mailbox__Source: 'Graph', Mailbox__GraphBaseUrl: graph.baseUrl, Attachments__MaxFileBytes: String(maxFileBytes) },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
  await graph?.close();
});

test('saving an email saves its attachments from the mailbox; History lists them (a too-large one as skipped) and Download gives the file, safely named', async () => {
  const { baseUrl } = service!;
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  await api.createClient({ firstName: 'Ana', lastName: 'Souza', email: 'ana.souza@example.com' });
  const session = await openPane(browser!, baseUrl, { tenant, message: 'msg-known-client' });
  try {
    const { pane, page } = session;
    const sender = participant(pane, 'From: Ana Souza');
    await sender.getByRole('button', { name: 'Save to record: Ana Souza' }).click();
    await sender.getByText('Saved to record').waitFor();
    await sender.getByRole('button', { name: 'Open Ana Souza' }).click();
    const record = pane.getByRole('article', { name: 'Ana Souza' });
    await record.getByRole('tab', { name: 'History' }).click();
    const list = record.getByRole('list', { name: 'Attachments' });
    await list.getByRole('button', { name: /^Download Carta de encaminhamento\.pdf \(/ }).waitFor();
    await list.getByRole('button', { name: /^Download receita\.png \(/ }).waitFor();
    // Too large: listed, not downloadable, with the reason.
    const skipped = list.getByRole('listitem').filter({ hasText: 'exame-completo.pdf' });
    await skipped.getByText('not saved: larger than the practice allows for one file', { exact: false }).waitFor();
    expect(await skipped.getByRole('button').count()).toBe(0);
    // The hostile name is text: no path, no right-to-left override, no markup run.
    await list.getByText(hostileShown, { exact: true }).waitFor();
    expect(await list.innerText()).not.toContain('\u202E');
    await session.screenshot('15-attachments-history');

    const download = async (name: RegExp) => {
      const [response, file] = await Promise.all([
        page.waitForResponse((r) => /\/saved-emails\/[^/]+\/attachments\/[^/]+$/.test(new URL(r.url()).pathname)),
        page.waitForEvent('download'),
        list.getByRole('button', { name }).click(),
      ]);
      const headers = await response.allHeaders();
      return { response, headers, file, bytes: await readFile((await file.path())!) };
    };

    const letter = await download(/^Download Carta de encaminhamento\.pdf \(/);
    expect(letter.response.status()).toBe(200);
    expect(letter.headers['content-type']).toBe('application/octet-stream');
    expect(letter.headers['x-content-type-options']).toBe('nosniff');
    expect(letter.headers['content-disposition']).toMatch(/^attachment;/);
    expect(letter.file.suggestedFilename()).toBe('Carta de encaminhamento.pdf');
    expect(letter.bytes.equals(referral)).toBe(true);

    const hostile = await download(new RegExp(`^Download ${hostileShown.replaceAll('.', '\\.')} \\(`));
    expect(hostile.headers['content-type']).toBe('application/octet-stream');
    expect(hostile.headers['x-content-type-options']).toBe('nosniff');
    expect(hostile.headers['content-disposition']).toMatch(/^attachment;/);
    expect(hostile.file.suggestedFilename()).not.toMatch(/[/\\\u202E]/);
    expect(hostile.file.suggestedFilename()).toBe(hostileShown);
    expect(hostile.bytes.toString()).toBe('<script>alert(1)</script>');
    // Downloaded, never rendered: no page or frame navigated to it, and nothing ran.
    expect(session.dialogs).toEqual([]);
    expect(page.frames().map((f) => new URL(f.url()).pathname).filter((p) => p.includes('/attachments/'))).toEqual([]);
  } finally {
    await session.close();
  }
});

test('em português: Graph indisponível (503) diz que nada foi salvo e Salvar tenta de novo; limitando (429), o serviço aguarda e salva; o anexo é baixado', async () => {
  const { baseUrl } = service!;
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  const ana = await api.createClient({ firstName: 'Ana', lastName: 'Souza', email: 'ana.souza@example.com' });
  const session = await openPane(browser!, baseUrl, { tenant, message: 'msg-known-client', lang: 'pt-BR' });
  try {
    const { pane, page } = session;
    const sender = participant(pane, 'De: Ana Souza');
    // 503 on the first try and on each of the service's retries: the mailbox cannot be read now.
    const before = graph!.attachmentRequests.length;
    graph!.attachmentOutage = unavailable;
    await sender.getByRole('button', { name: 'Salvar na ficha: Ana Souza' }).click();
    // Said on the participant's row, whose Save stays there to try again.
    await sender
      .getByText('Não foi possível ler agora os anexos do e-mail na sua caixa de correio; nada foi salvo. Tente novamente em instantes.')
      .waitFor();
    // Retried (Graph's 503 is transient), then given up on: never answered as a 500 or a partial save.
    const during = graph!.attachmentRequests.slice(before).map((r) => r.status);
    expect(during.length).toBeGreaterThan(1);
    expect(new Set(during)).toEqual(new Set([503]));
    graph!.attachmentOutage = null;
    await session.screenshot('15-pt-BR-attachments-unavailable');
    const saved = async () =>
      ((await (await api.send('GET', `/api/clients/${ana.id}/history`)).json()) as { items: { kind: string }[] }).items.filter((i) => i.kind === 'saved-email');
    expect(await saved()).toEqual([]);

    // Again, with Graph throttling once (429, Retry-After 1 s): the service waits and then reads.
    const retried = graph!.attachmentRequests.length;
    graph!.attachmentFaults.push(throttled(1));
    await sender.getByRole('button', { name: 'Salvar na ficha: Ana Souza' }).click();
    await sender.getByText('Salvo na ficha').waitFor({ timeout: 20_000 });
    expect(graph!.attachmentRequests.slice(retried, retried + 2).map((r) => r.status)).toEqual([429, 200]);
    expect(await saved()).toHaveLength(1);

    await sender.getByRole('button', { name: 'Abrir Ana Souza' }).click();
    const record = pane.getByRole('article', { name: 'Ana Souza' });
    await record.getByRole('tab', { name: 'Histórico' }).click();
    const list = record.getByRole('list', { name: 'Anexos' });
    const skipped = list.getByRole('listitem').filter({ hasText: 'exame-completo.pdf' });
    await skipped.getByText('não salvo: maior do que a clínica permite para um arquivo', { exact: false }).waitFor();
    await list.getByText(hostileShown, { exact: true }).waitFor();
    await session.screenshot('15-pt-BR-attachments-history');

    const [response, file] = await Promise.all([
      page.waitForResponse((r) => /\/saved-emails\/[^/]+\/attachments\/[^/]+$/.test(new URL(r.url()).pathname)),
      page.waitForEvent('download'),
      list.getByRole('button', { name: /^Baixar receita\.png \(/ }).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(await response.headerValue('x-content-type-options')).toBe('nosniff');
    expect(await response.headerValue('content-disposition')).toMatch(/^attachment;/);
    expect(file.suggestedFilename()).toBe('receita.png');
    expect((await readFile((await file.path())!)).equals(photo)).toBe(true);
  } finally {
    await session.close();
  }
});

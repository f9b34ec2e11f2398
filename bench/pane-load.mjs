#!/usr/bin/env node
// Pane benchmark: how much JavaScript the task pane loads before its first paint (gzip), and how long
// it takes on localhost from the pane's navigation start to its participants list, in headless Chromium
// against the real service. Uses tests/e2e's dependencies (run `npm ci` in tests/e2e first) and its
// service starter. Usage:
//   node bench/pane-load.mjs [--runs 20] [--message msg-several-recipients] [--no-build] [--baseline DIST] [--host bare|preview]
// --host bare (the default) hosts the pane on fake Office.js in a page with nothing else on it
// (preview-bare.html), as Outlook hosts it; --host preview measures it inside the preview page, whose
// React UI shares the pane's main thread (same origin) and competes with it while it loads.
// --baseline serves another build of the pane (an addin/dist of an earlier commit) from a second
// service and measures both, interleaved load by load, so the ratio holds on a busy shared machine.
// Targets: ≤ 120 KB gzip before the first paint, participants shown < 400 ms cold (p95).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstPaintScripts, sizeOf } from '../addin/scripts/firstPaint.mjs';
import { distPath, startService } from '../tests/e2e/support/service.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const e2eRequire = createRequire(resolve(here, '..', 'tests', 'e2e', 'package.json'));
let chromium;
try {
  ({ chromium } = e2eRequire('playwright-core'));
} catch {
  console.error('playwright-core is missing: run "npm ci" in tests/e2e first.');
  process.exit(2);
}

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const runs = Math.max(1, Number(option('runs', '20')) || 20);
const messageId = option('message', 'msg-several-recipients');
const build = !args.includes('--no-build');
const baselineDist = option('baseline', null) && resolve(option('baseline', null));
const hostPage = option('host', 'bare') === 'preview' ? 'preview.html' : 'preview-bare.html';
const budgetKb = 120;
const targetMs = 400;

// ---- bundle sizes ---------------------------------------------------------------------------
const kb = (bytes) => bytes / 1024;

function allScripts(dir = distPath) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return allScripts(path);
    return entry.name.endsWith('.js') ? [sizeOf(dir, entry.name)] : [];
  });
}

// ---- timing ---------------------------------------------------------------------------------
// Runs in every frame before its own scripts; in the pane it notes (in ms since the pane's own
// navigation start) when the first participant row is in the DOM.
function markFirstParticipant() {
  if (!location.pathname.includes('taskpane')) return;
  const check = () => {
    if (window.__firstParticipantAt === undefined && document.querySelector('[data-testid="participant"]')) {
      window.__firstParticipantAt = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] };
};

async function seed(baseUrl, tenant) {
  const tokenResponse = await fetch(`${baseUrl}/dev/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ tenantId: tenant, userId: randomUUID(), name: 'Bench', email: 'bench@example.net' }),
  });
  if (!tokenResponse.ok) throw new Error(`POST /dev/token → ${tokenResponse.status}`);
  const { accessToken } = await tokenResponse.json();
  const clients = [
    { firstName: 'Lena', lastName: 'Fischer', email: 'lena.fischer@example.com' },
    { firstName: 'Ana', lastName: 'Souza', email: 'ana.souza@example.com' },
    { firstName: 'Chidi', lastName: 'Okafor', email: 'okafor.family@example.org' },
    { firstName: 'Amara', lastName: 'Okafor', email: 'okafor.family@example.org', allowSharedEmail: true },
  ];
  for (const client of clients) {
    const response = await fetch(`${baseUrl}/api/clients`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(client),
    });
    if (!response.ok) throw new Error(`POST /api/clients → ${response.status} ${await response.text()}`);
  }
}

async function measure(page, url) {
  await page.goto(url);
  const frame = page.frameLocator('iframe[src^="/preview/taskpane.html"]');
  try {
    await frame.locator('[data-testid="participant"]').first().waitFor({ timeout: 15_000 });
  } catch (error) {
    const shown = await frame.locator('body').innerText().catch(() => '(no pane)');
    throw new Error(`The participants did not show within 15 s; the pane shows: ${shown.replace(/\s+/g, ' ').slice(0, 400)}`, { cause: error });
  }
  const paneFrame = page.frames().find((f) => f.url().includes('/preview/taskpane.html'));
  const inPane = await paneFrame.evaluate(() => {
    // Where the time goes, in ms since the pane's navigation start (when each response ended).
    const ended = (test) => Math.max(0, ...performance.getEntriesByType('resource').filter((e) => test(e.name)).map((e) => e.responseEnd));
    return {
      at: window.__firstParticipantAt,
      origin: performance.timeOrigin,
      rows: document.querySelectorAll('[data-testid="participant"]').length,
      scripts: ended((n) => n.endsWith('.js')),
      token: ended((n) => n.includes('/dev/token')),
      lookup: ended((n) => n.includes('/api/lookup')),
    };
  });
  const pageOrigin = await page.evaluate(() => performance.timeOrigin);
  return { pane: inPane.at, page: inPane.origin + inPane.at - pageOrigin, rows: inPane.rows, scripts: inPane.scripts, token: inPane.token, lookup: inPane.lookup };
}

/** A service serving one build of the pane, seeded, with the preview page's URL for the benchmark message. */
async function paneUnderTest(label, dist, { build }) {
  const service = await startService({ build, configuration: { Pane__DistPath: dist } });
  const tenant = randomUUID();
  await seed(service.baseUrl, tenant);
  return { label, service, url: `${service.baseUrl}/${hostPage}?tenant=${tenant}&message=${encodeURIComponent(messageId)}`, cold: [], warm: [] };
}

async function main() {
  // --no-build measures the pane and service as they are; otherwise both are built first (the service by startService).
  if (build) execFileSync('npm', ['run', 'build'], { cwd: join(distPath, '..'), stdio: 'inherit' });
  const first = firstPaintScripts(distPath);
  const firstGzip = first.reduce((sum, f) => sum + f.gzip, 0);
  const all = allScripts();

  const panes = [await paneUnderTest('this build', distPath, { build })];
  // An earlier build may predate the bare host page: a copy of it gets this build's (every preview file is named preview…).
  const baselineCopy = baselineDist && mkdtempSync(join(tmpdir(), 'pane-baseline-'));
  if (baselineDist) {
    cpSync(baselineDist, baselineCopy, { recursive: true });
    cpSync(join(distPath, 'preview-bare.html'), join(baselineCopy, 'preview-bare.html'));
    for (const file of readdirSync(join(distPath, 'assets')).filter((name) => name.startsWith('preview-'))) {
      cpSync(join(distPath, 'assets', file), join(baselineCopy, 'assets', file));
    }
    panes.push(await paneUnderTest('baseline', baselineCopy, { build: false }));
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let rows = 0;
  try {
    const newContext = async (pane) => {
      const origin = new URL(pane.service.baseUrl).origin;
      const context = await browser.newContext({ viewport: { width: 1200, height: 820 } });
      await context.route((u) => u.origin !== origin, (route) => route.abort('blockedbyclient'));
      await context.addInitScript(markFirstParticipant);
      return context;
    };
    // One unmeasured load each warms the services (JIT, SQLite pages) as a running service would be.
    for (const pane of panes) {
      const context = await newContext(pane);
      await measure(await context.newPage(), pane.url);
      await context.close();
    }
    for (let i = 0; i < runs; i++) {
      // Interleaved, the order alternating, so both builds see the same moments of a busy machine.
      for (const pane of i % 2 === 0 ? panes : [...panes].reverse()) {
        // Cold: a new browser context each time (empty HTTP cache, new token).
        const context = await newContext(pane);
        const page = await context.newPage();
        const c = await measure(page, pane.url);
        pane.cold.push(c);
        rows = c.rows;
        // Warm: the same pane opened again (assets cached, as when Outlook reopens it).
        pane.warm.push(await measure(page, pane.url));
        await context.close();
      }
    }
  } finally {
    await browser.close();
    for (const pane of panes) await pane.service.stop();
    if (baselineCopy) rmSync(baselineCopy, { recursive: true, force: true });
  }

  const fmt = (ms) => `${ms.toFixed(0)} ms`;
  const status = (ok) => (ok ? 'ok' : '**over**');
  const p50 = (key, list) => fmt(summary(list.map((r) => r[key])).p50);

  console.log(`\n## Task pane load (${runs} runs, message \`${messageId}\`, ${rows} participants, host page ${hostPage}, localhost, headless Chromium)\n`);
  console.log('| measure | value | target |');
  console.log('|---|---|---|');
  console.log(`| JS before the first paint (gzip), ${first.length} files | ${kb(firstGzip).toFixed(1)} KB | ≤ ${budgetKb} KB ${status(kb(firstGzip) <= budgetKb)} |`);
  console.log(`| all JS in dist (gzip / raw), ${all.length} files | ${kb(all.reduce((s, f) => s + f.gzip, 0)).toFixed(1)} KB / ${kb(all.reduce((s, f) => s + f.raw, 0)).toFixed(1)} KB | — |`);
  for (const pane of panes) {
    const cold = summary(pane.cold.map((r) => r.pane));
    const warm = summary(pane.warm.map((r) => r.pane));
    const coldPage = summary(pane.cold.map((r) => r.page));
    console.log(`| ${pane.label}: pane nav start → participants, cold cache | p50 ${fmt(cold.p50)} · p95 ${fmt(cold.p95)} · max ${fmt(cold.max)} | < ${targetMs} ms ${status(cold.p95 < targetMs)} |`);
    console.log(`| ${pane.label}: pane nav start → participants, warm cache | p50 ${fmt(warm.p50)} · p95 ${fmt(warm.p95)} · max ${fmt(warm.max)} | — |`);
    console.log(`| ${pane.label}: host page nav start → participants, cold | p50 ${fmt(coldPage.p50)} · p95 ${fmt(coldPage.p95)} · max ${fmt(coldPage.max)} | — |`);
    console.log(`| ${pane.label}: cold, p50 of scripts loaded / token / lookup answered | ${p50('scripts', pane.cold)} / ${p50('token', pane.cold)} / ${p50('lookup', pane.cold)} | — |`);
  }
  if (panes.length === 2) {
    const [current, baseline] = panes.map((pane) => summary(pane.cold.map((r) => r.pane)));
    console.log(`| cold, this build ÷ baseline | p50 ${(current.p50 / baseline.p50).toFixed(2)}× · p95 ${(current.p95 / baseline.p95).toFixed(2)}× | < 1 |`);
  }
  console.log('\nJS before the first paint:\n');
  console.log('| file | raw | gzip |');
  console.log('|---|---|---|');
  for (const f of first) console.log(`| ${f.file} | ${kb(f.raw).toFixed(1)} KB | ${kb(f.gzip).toFixed(1)} KB |`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

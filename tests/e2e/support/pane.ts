// Helpers shared by the end-to-end tests: Chromium, the preview page with the pane, the API for seeding.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type FrameLocator, type Page } from 'playwright-core';
import type { OutboxMessage } from '../../../addin/src/preview/previewApi';
import { repoRoot } from './service.mjs';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const screenshotDir = join(repoRoot, 'artifacts', 'screenshots');
mkdirSync(screenshotDir, { recursive: true });

/** One browser per test file; each test gets its own context (cookies, storage) via openPane. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

export interface PreviewOptions {
  tenant?: string;
  user?: string;
  /** A sample message id (see addin/src/preview/sampleMessages.ts) or 'none'. */
  message?: string;
  lang?: string;
  theme?: string;
  /** Compose reads answer only when the test calls releaseReads(). */
  holdReads?: boolean;
  /** The highest Mailbox requirement set fake Office reports, e.g. '1.7' for an Outlook without shared-mailbox support. */
  mailboxVersion?: string;
  /** A phone: the pane fills a viewport of this size, with touch (hasTouch, isMobile) as Outlook on iOS and Android. */
  phone?: { width: number; height: number };
  /**
   * A second work account in the same Outlook (another practice): its address, and the tenant and user the
   * development broker signs it in to. `startIn: 'account2'` opens that account's mailbox first.
   */
  account2?: { address: string; tenant: string; user?: string };
  startIn?: 'account2';
  /** Several messages selected at once (item multi-select, Mailbox 1.13), by sample message id. */
  selected?: string[];
  /** Called with the browser context before the preview loads, e.g. to record every call the pane makes. */
  beforeOpen?: (context: BrowserContext) => void;
  /** Wait for the participants list (default) or return as soon as the pane frame is there. */
  waitFor?: 'participants' | 'frame';
}

export interface PaneSession {
  context: BrowserContext;
  page: Page;
  /** The task pane iframe, for locators. */
  pane: FrameLocator;
  tenant: string;
  baseUrl: string;
  /** The pane's Frame (for evaluate); looked up afresh because the preview may reload the iframe. */
  paneFrame(): Frame;
  /** Selects a message in the preview, as clicking it in the message list does. */
  select(messageId: string | null): Promise<void>;
  /** Shows the mailbox of another account in this Outlook, as clicking a message in its folders does. */
  switchAccount(address: string): Promise<void>;
  /** Selects several messages at once (item multi-select), as Ctrl-clicking them in the message list does. */
  selectMany(messageIds: string[]): Promise<void>;
  /** Lets the compose reads held by holdReads answer. */
  releaseReads(): Promise<void>;
  /** Screenshot of the 340 px pane next to the preview's reading pane (on a phone: the screen). */
  screenshot(name: string): Promise<string>;
  /** Every participant row label the pane has ever rendered (recorded by a MutationObserver). */
  participantsEverShown(): Promise<string[]>;
  /** The compose reads fake Office had answered when a participant row first appeared (null: never shown). */
  readsAnsweredWhenShown(label: string): Promise<string[] | null>;
  /** The compose reads fake Office has answered so far ('<message id>.<field>'). */
  readsAnswered(): Promise<string[]>;
  dialogs: string[];
  close(): Promise<void>;
}

interface ParticipantShown {
  label: string;
  readsAnswered: string[];
}
type PaneWindow = { __participantsSeen?: ParticipantShown[]; fakeOffice?: { calls: { readsAnswered: string[] } } };

// Runs in every frame before its scripts: in the pane it records each participant row that appears,
// so a test can assert a row was *never* shown, not just that it is gone now, and which reads fake
// Office had answered by then, so a test can prove a row came after its read, not merely later.
const recordParticipants = () => {
  if (!location.pathname.includes('taskpane')) return;
  const pane = window as unknown as PaneWindow;
  const seen: ParticipantShown[] = [];
  pane.__participantsSeen = seen;
  const scan = (root: ParentNode) => {
    root.querySelectorAll?.('[data-testid="participant"]').forEach((el) => {
      const label = el.getAttribute('aria-label') ?? '';
      if (!seen.some((shown) => shown.label === label)) seen.push({ label, readsAnswered: [...(pane.fakeOffice?.calls.readsAnswered ?? [])] });
    });
  };
  const start = () => {
    scan(document);
    // The pane's DOM is small: rescanning it on every change is cheap and misses nothing.
    new MutationObserver(() => scan(document)).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
  };
  if (document.documentElement) start();
  else document.addEventListener('DOMContentLoaded', start);
};

// By its page, not its title: the preview names the frame in its own language.
const paneIframe = 'iframe[src^="/preview/taskpane.html"]';

export async function openPane(browser: Browser, baseUrl: string, options: PreviewOptions = {}): Promise<PaneSession> {
  const tenant = options.tenant ?? randomUUID();
  const context = await browser.newContext(
    options.phone
      ? { viewport: options.phone, hasTouch: true, isMobile: true, deviceScaleFactor: 2, baseURL: baseUrl }
      : { viewport: { width: 1200, height: 820 }, baseURL: baseUrl },
  );
  // Only the local service is reachable: anything else (CDNs, telemetry) fails at once instead of timing out.
  await context.route(
    (url) => url.origin !== new URL(baseUrl).origin,
    (route) => route.abort('blockedbyclient'),
  );
  await context.addInitScript(recordParticipants);
  // The pane answers in well under a second on localhost: fail fast rather than at the 30 s default.
  context.setDefaultTimeout(10_000);
  options.beforeOpen?.(context);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });

  const query = new URLSearchParams({ tenant });
  if (options.user) query.set('user', options.user);
  if (options.message) query.set('message', options.message);
  if (options.lang) query.set('lang', options.lang);
  if (options.theme) query.set('theme', options.theme);
  if (options.holdReads) query.set('holdReads', '1');
  if (options.mailboxVersion) query.set('mailboxVersion', options.mailboxVersion);
  if (options.phone) query.set('device', 'phone');
  if (options.account2) {
    query.set('account2', options.account2.address);
    query.set('tenant2', options.account2.tenant);
    if (options.account2.user) query.set('user2', options.account2.user);
  }
  if (options.startIn) query.set('startIn', options.startIn);
  if (options.selected) query.set('selected', options.selected.join(','));
  await page.goto(`/preview.html?${query}`);

  const pane = page.frameLocator(paneIframe);
  const paneFrame = () => {
    const frame = page.frames().find((f) => f.url().includes('/preview/taskpane.html'));
    if (!frame) throw new Error('The task pane frame is not there.');
    return frame;
  };
  if ((options.waitFor ?? 'participants') === 'participants') {
    await pane.getByRole('list', { name: 'Participants' }).or(pane.getByRole('list', { name: 'Participantes' })).waitFor();
  } else {
    await pane.locator('#root').waitFor({ state: 'attached' });
  }

  return {
    context,
    page,
    pane,
    tenant,
    baseUrl,
    paneFrame,
    async select(messageId) {
      await page.evaluate((id) => window.outlookPreview.select(id), messageId);
    },
    async switchAccount(address) {
      await page.evaluate((a) => window.outlookPreview.switchAccount(a), address);
    },
    async selectMany(messageIds) {
      await page.evaluate((ids) => window.outlookPreview.selectMany(ids), messageIds);
    },
    async releaseReads() {
      await page.evaluate(() => window.outlookPreview.releaseReads());
    },
    async screenshot(name) {
      const path = join(screenshotDir, `${name}.png`);
      // On a phone the pane is the whole screen.
      if (options.phone) {
        await page.screenshot({ path, animations: 'disabled' });
        return path;
      }
      // The reading pane's right part and the 340 px task pane, as a person sees them side by side.
      const box = await page.locator(paneIframe).boundingBox();
      if (!box) throw new Error('The task pane iframe has no box.');
      const x = Math.max(0, box.x - 260);
      await page.screenshot({ path, animations: 'disabled', clip: { x, y: 0, width: box.x + box.width - x, height: box.y + box.height } });
      return path;
    },
    async participantsEverShown() {
      return paneFrame().evaluate(() => ((window as unknown as PaneWindow).__participantsSeen ?? []).map((shown) => shown.label));
    },
    async readsAnsweredWhenShown(label) {
      return paneFrame().evaluate((l) => ((window as unknown as PaneWindow).__participantsSeen ?? []).find((shown) => shown.label === l)?.readsAnswered ?? null, label);
    },
    async readsAnswered() {
      return paneFrame().evaluate(() => [...((window as unknown as PaneWindow).fakeOffice?.calls.readsAnswered ?? [])]);
    },
    dialogs,
    close: () => context.close(),
  };
}

declare global {
  interface Window {
    outlookPreview: { select(id: string | null): void; releaseReads(): void; switchAccount(address: string): void; selectMany(ids: string[]): void };
  }
}

/** A participant row by its accessible name, e.g. "From: Ana Souza". */
export const participant = (pane: FrameLocator, name: string) => pane.getByRole('listitem', { name, exact: true });

export interface Client {
  id: string;
  firstName: string;
  lastName: string | null;
  displayName: string;
  email: string | null;
  emails: { address: string; kind: 'primary' | 'field'; fieldId: string | null; label: string | null }[];
  fields: { fieldId: string; label: string; type: string; value: string | number | null }[];
  preferredName: string | null;
  phone: string | null;
  version: string;
}

/** The service's API with a development token for one tenant: for seeding and checking what the pane did. */
export class Api {
  private constructor(
    readonly baseUrl: string,
    readonly tenant: string,
    private readonly token: string,
  ) {}

  static async forTenant(baseUrl: string, tenant: string): Promise<Api> {
    const response = await fetch(`${baseUrl}/dev/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ tenantId: tenant, userId: randomUUID(), name: 'E2E Seeder', email: 'e2e.seeder@example.net' }),
    });
    if (!response.ok) throw new Error(`POST /dev/token → ${response.status} ${await response.text()}`);
    const { accessToken } = (await response.json()) as { accessToken: string };
    return new Api(baseUrl, tenant, accessToken);
  }

  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  private async json<T>(response: Response, what: string): Promise<T> {
    if (!response.ok) throw new Error(`${what} → ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async createClient(body: { firstName: string; lastName?: string; email?: string; phone?: string; allowSharedEmail?: boolean }): Promise<Client> {
    return this.json(await this.send('POST', '/api/clients', body), 'POST /api/clients');
  }

  async getClient(id: string): Promise<Client> {
    return this.json(await this.send('GET', `/api/clients/${id}`), `GET /api/clients/${id}`);
  }

  async patchClient(id: string, changes: Record<string, unknown>, version: string): Promise<Client> {
    return this.json(await this.send('PATCH', `/api/clients/${id}`, changes, { 'If-Match': version }), `PATCH /api/clients/${id}`);
  }

  async lookup(addresses: string[]) {
    return this.json<{ results: { address: string; valid: boolean; matches: { clientId: string; displayName: string; matchedAs: string }[] }[] }>(
      await this.send('POST', '/api/lookup', { addresses }),
      'POST /api/lookup',
    );
  }

  async search(search: string) {
    return this.json<{ items: { id: string; displayName: string; email: string | null }[] }>(
      await this.send('GET', `/api/clients?search=${encodeURIComponent(search)}`),
      'GET /api/clients',
    );
  }
}

// The preview page reads the same outbox: one description of its items.
export type { OutboxMessage };

/** The development outbox of the api's tenant (its dev token names the workspace). */
export async function outbox(api: Api): Promise<OutboxMessage[]> {
  const response = await api.send('GET', '/api/dev/outbox');
  if (!response.ok) throw new Error(`GET /api/dev/outbox → ${response.status} ${await response.text()}`);
  return ((await response.json()) as { items: OutboxMessage[] }).items;
}

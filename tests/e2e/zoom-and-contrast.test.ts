// Issue #21, item 3: at 200 % zoom (the 340 px pane is 170 CSS px wide) nothing is cut off or
// overlapping, WCAG 1.4.12 text spacing hides nothing, and in the dark theme and forced colors every
// status badge says its status in words. Screenshots: artifacts/screenshots/21-*.png.
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Locale } from '../../addin/src/i18n/translator';
import { seedA11yWorkspace, wordsFor } from './support/a11ySeed';
import { participant, screenshotDir, type PaneSession } from './support/pane';
import { usePaneSessions } from './support/paneSessions';

const { baseUrl, open } = usePaneSessions();
const paneIframe = 'iframe[src^="/preview/taskpane.html"]';

/** 200 % zoom: the pane's CSS width halves (170 px) and every CSS pixel is two device pixels. */
async function zoomTo200(session: PaneSession) {
  await session.page.locator(paneIframe).evaluate((frame: HTMLIFrameElement) => {
    frame.style.width = '170px';
    frame.style.minWidth = '170px';
    frame.style.flex = '0 0 170px';
  });
  await expect.poll(() => session.paneFrame().evaluate(() => document.documentElement.clientWidth)).toBe(170);
}

/** WCAG 1.4.12's text spacing, applied over the pane's own styles. */
const textSpacing = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

/**
 * What a person could not read or reach: the page scrolls sideways; an element clips its text (its
 * content is wider or taller than its box and it hides the overflow); a control or text runs past the
 * pane's right edge; two controls overlap. Inputs scroll their own text and are left out.
 */
function layoutProblems(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`the pane scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
    const describe = (e: Element) => `${e.tagName.toLowerCase()} "${((e as HTMLElement).innerText || e.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim().slice(0, 50)}"`;
    // Behind a modal dialog the page is covered on purpose: only the dialog counts then. The live region
    // is unseen by design (announcements only).
    const scope = document.querySelector('[aria-modal="true"]') ?? document.body;
    const shown = [...scope.querySelectorAll<HTMLElement>('*')].filter(
      (e) => e.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && !e.closest('[aria-hidden="true"], [data-testid="announcements"]') && !e.matches('input, textarea, select, svg, svg *'),
    );
    for (const element of shown) {
      const style = getComputedStyle(element);
      const clipsX = ['hidden', 'clip'].includes(style.overflowX);
      const clipsY = ['hidden', 'clip'].includes(style.overflowY);
      if (element.innerText?.trim() && ((clipsX && element.scrollWidth > element.clientWidth + 1) || (clipsY && element.scrollHeight > element.clientHeight + 1))) {
        problems.push(`${describe(element)} clips its text (${element.scrollWidth}×${element.scrollHeight} in ${element.clientWidth}×${element.clientHeight})`);
      }
      // Text spilling out of a drawn box (a badge's border, a button's background) overlaps its edge.
      const drawnBox = (parseFloat(style.borderTopWidth) > 0 && style.borderTopStyle !== 'none') || style.backgroundColor !== 'rgba(0, 0, 0, 0)';
      if (element.innerText?.trim() && drawnBox && !clipsY && element.scrollHeight > element.clientHeight + 1) {
        problems.push(`${describe(element)} spills out of its box (${element.scrollHeight} tall in ${element.clientHeight})`);
      }
      const box = element.getBoundingClientRect();
      if (box.width > 0 && element.innerText?.trim() && box.right > root.clientWidth + 1) {
        problems.push(`${describe(element)} runs past the right edge (${Math.round(box.right)} > ${root.clientWidth})`);
      }
    }
    const controls = shown.filter((e) => e.matches('button, a, [role="tab"], [role="radio"], input, [data-badge]'));
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        if (controls[i].contains(controls[j]) || controls[j].contains(controls[i])) continue;
        const a = controls[i].getBoundingClientRect();
        const b = controls[j].getBoundingClientRect();
        const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (overlapX > 1 && overlapY > 1) problems.push(`${describe(controls[i])} overlaps ${describe(controls[j])}`);
      }
    }
    return problems;
  });
}

async function screenshot(session: PaneSession, name: string) {
  await session.page.locator(paneIframe).screenshot({ path: join(screenshotDir, `${name}.png`), animations: 'disabled' });
}

describe.each<{ lang: Locale; theme: 'light' | 'dark' }>([
  { lang: 'pt-BR', theme: 'light' },
  { lang: 'en', theme: 'dark' },
])('200 % zoom and text spacing ($lang, $theme)', ({ lang, theme }) => {
  test('every screen reflows to 170 px with nothing cut off or overlapping, with and without WCAG 1.4.12 spacing', async () => {
    const t = wordsFor(lang);
    const workspace = await seedA11yWorkspace(baseUrl, lang);
    const session = await open({ tenant: workspace.tenant, message: 'msg-several-recipients', lang, ...(theme === 'dark' ? { theme } : {}) });
    const { pane } = session;
    await zoomTo200(session);
    const found: string[] = [];
    const check = async (screen: string, shot = false) => {
      found.push(...(await layoutProblems(session.paneFrame())).map((p) => `[${screen}] ${p}`));
      if (shot) await screenshot(session, `21-zoom200-${lang}-${theme}-${screen.replace(/\W+/g, '-')}`);
      const spacing = await session.paneFrame().addStyleTag({ content: textSpacing });
      found.push(...(await layoutProblems(session.paneFrame())).map((p) => `[${screen}, text spacing] ${p}`));
      await spacing.evaluate((style) => style.remove());
    };

    await participant(pane, `${t('participants.role.to')}: Marco Bianchi`).waitFor();
    await check('participants', true);
    await pane.getByRole('button', { name: t('header.newClient'), exact: true }).click();
    const dialog = pane.getByRole('dialog', { name: t('newClient.title') });
    await dialog.waitFor();
    await check('new client', true);
    await dialog.getByRole('button', { name: t('common.cancel') }).click();
    await dialog.waitFor({ state: 'hidden' });

    await session.select('msg-known-client');
    const ana = participant(pane, `${t('participants.role.from')}: Ana Souza`);
    await ana.getByRole('button', { name: t('save.actionFor', { name: 'Ana Souza' }) }).click();
    await ana.getByText(t('save.saved')).waitFor();
    await ana.getByRole('button', { name: t('participants.openClient', { name: 'Ana Souza' }) }).click();
    const record = pane.getByRole('article', { name: 'Ana Souza' });
    await record.getByText('Unimed 0042').waitFor();
    await check('record', true);
    await record.getByRole('tab', { name: t('record.tab.history') }).click();
    await record.getByTestId('timeline-item').nth(1).waitFor();
    await check('history', true);
    await record.getByRole('tab', { name: t('record.tab.intake') }).click();
    await record.getByTestId('intake').first().waitFor();
    await check('intake');

    expect(found).toEqual([]);
  });
});

/** Every status badge of the participants, as text and as drawn: its words, and colours that differ. */
function badges(frame: Frame) {
  return frame.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="participant"] [data-badge]')].map((badge) => {
      const style = getComputedStyle(badge);
      return { text: badge.innerText.trim(), color: style.color, background: style.backgroundColor, border: style.borderTopColor };
    }),
  );
}

describe.each<{ lang: Locale; theme: 'light' | 'dark' }>([
  { lang: 'en', theme: 'light' },
  { lang: 'pt-BR', theme: 'dark' },
])('status badges in forced colors and the dark theme ($lang, $theme)', ({ lang, theme }) => {
  test('every status is told by its words, and each badge stays visible', async () => {
    const t = wordsFor(lang);
    const workspace = await seedA11yWorkspace(baseUrl, lang);
    const session = await open({ tenant: workspace.tenant, message: 'msg-several-recipients', lang, ...(theme === 'dark' ? { theme } : {}) });
    const { pane, page } = session;
    const statuses = [t('participants.status.client'), t('participants.status.shared'), t('participants.status.unknown')];
    await participant(pane, `${t('participants.role.cc')}: Okafor Family`).getByText(t('participants.status.shared'), { exact: true }).waitFor();

    for (const forcedColors of ['none', 'active'] as const) {
      await page.emulateMedia({ forcedColors, colorScheme: theme });
      const shown = await badges(session.paneFrame());
      // Client (Ana, matched on "ANA.SOUZA"), shared (the Okafor family), not yet a client (Lena, Marco).
      expect(new Set(shown.map((b) => b.text))).toEqual(new Set([...statuses, t('participants.role.from'), t('participants.role.to'), t('participants.role.cc')]));
      for (const badge of shown) expect(badge.color, `${badge.text} in forced colors ${forcedColors}`).not.toBe(badge.background);
      if (forcedColors === 'active') await screenshot(session, `21-forced-colors-${lang}-${theme}-participants`);
    }
    await pane.getByRole('button', { name: t('participants.openClient', { name: 'Ana Souza' }) }).click();
    await pane.getByRole('article', { name: 'Ana Souza' }).getByText('Unimed 0042').waitFor();
    await screenshot(session, `21-forced-colors-${lang}-${theme}-record`);
  });
});

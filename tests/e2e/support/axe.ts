// axe-core (Deque's engine) run inside one document: the pane's frame or the public intake page.
// axe-core itself rather than @axe-core/playwright: the wrapper injects into every frame of a Page and
// reports them together, while these tests judge the pane's frame alone (the preview page around it is
// a development aid, not the product) and need the element of each finding to filter framework
// artifacts in the page; one package less to pin.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The only nodes a finding may be dropped for, each named with its rule: markup the framework writes,
 * not ours. Everything else fails the run.
 */
export const frameworkArtifacts = [
  {
    // Fluent UI's tabster focus sentinels: `<i data-tabster-dummy tabindex="0" aria-hidden="true">` pairs
    // around dialogs and focus groups, which hand focus straight on to the real target (never kept);
    // aria-hidden-focus flags every focusable aria-hidden element by design.
    name: 'fluent-tabster-focus-sentinel',
    rule: 'aria-hidden-focus',
    selector: 'i[data-tabster-dummy]',
  },
];

export interface AxeFinding {
  screen: string;
  rule: string;
  impact: string | null;
  help: string;
  /** A CSS path and the start of the markup of each offending node. */
  nodes: string[];
}

declare global {
  interface Window {
    axe?: {
      run(context: Document, options: unknown): Promise<{
        violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; html: string; element?: Element }[] }[];
      }>;
    };
  }
}

/** Runs axe on `target`'s document (injected on first use) and returns every violation not excused above. */
export async function axeFindings(target: Frame | Page, screen: string): Promise<AxeFinding[]> {
  if (!(await target.evaluate(() => !!window.axe))) await target.evaluate(axeSource);
  // A dialog fading in is judged as shown, not at half its opacity (colour contrast would be wrong).
  // Endless ones (spinners, skeleton shimmer) never finish and are left alone.
  await target.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const violations = await target.evaluate(async (artifacts) => {
    const results = await window.axe!.run(document, {
      elementRef: true,
      resultTypes: ['violations'],
      // Every rule axe runs by default (WCAG 2.0–2.2 A/AA and best practices), plus WCAG 2.5.3 Label in
      // Name, which axe still tags experimental.
      rules: { 'label-content-name-mismatch': { enabled: true } },
    });
    return results.violations
      .map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes
          .filter((n) => !artifacts.some((a) => a.rule === v.id && n.element?.matches(a.selector)))
          .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`),
      }))
      .filter((v) => v.nodes.length > 0);
  }, frameworkArtifacts);
  const own = await target.evaluate(labelStartsWithVisibleText);
  return [...violations, ...(own.length ? [{ rule: 'label-starts-with-visible-text', impact: 'serious', help: 'WCAG 2.5.3: the accessible name starts with the visible text', nodes: own }] : [])].map(
    (v) => ({ screen, ...v }),
  );
}

/**
 * WCAG 2.5.3 as the issue states it, stricter than axe's rule (which accepts the visible text anywhere
 * in the name): a control named by aria-label starts with what it shows, so "Salvar na ficha" works as a
 * voice command and the context follows.
 */
function labelStartsWithVisibleText(): string[] {
  // Symbols such as the "+" of "+ New client" are not spoken in a voice command: words and digits count.
  const normalise = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLocaleLowerCase();
  const controls = document.querySelectorAll<HTMLElement>('button[aria-label], a[aria-label], [role="button"][aria-label], [role="link"][aria-label], [role="tab"][aria-label], [role="menuitem"][aria-label]');
  return [...controls]
    .filter((control) => control.checkVisibility())
    .flatMap((control) => {
      const visible = normalise(control.innerText);
      const name = normalise(control.getAttribute('aria-label') ?? '');
      return visible && !name.startsWith(visible) ? [`"${control.getAttribute('aria-label')}" shows "${control.innerText.trim()}"`] : [];
    });
}

/** One line per finding, for a failure message a person can act on. */
export function describeFindings(findings: AxeFinding[]): string {
  return findings.map((f) => `[${f.screen}] ${f.rule} (${f.impact}): ${f.help}\n    ${f.nodes.join('\n    ')}`).join('\n');
}

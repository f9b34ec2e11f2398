// Keyboard-only driving of the pane: where focus is, whether it is visible, and Tab until a control.
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';

export interface Focused {
  tag: string;
  role: string | null;
  /** aria-label, else the element's text (what a person hears or sees on it). */
  name: string;
  /** A focus indicator is drawn: an outline or box-shadow on the element, or a focus border drawn by
   * Fluent on it or a wrapper (::before/::after), as for inputs, radios and checkboxes. */
  indicator: boolean;
  /** The role and name of the dialog holding focus, if any. */
  dialog: string | null;
}

/** What has focus in the pane's document. */
export async function focusedIn(frame: Frame): Promise<Focused> {
  // Fluent animates its focus indicators in (the input underline grows): judge them drawn, not half-way.
  await frame.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  return frame.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { tag: 'body', role: null, name: '', indicator: false, dialog: null };
    const drawn = (style: CSSStyleDeclaration) =>
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || (style.boxShadow !== '' && style.boxShadow !== 'none');
    const border = (style: CSSStyleDeclaration) =>
      (['Top', 'Right', 'Bottom', 'Left'] as const).some(
        (side) => style.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none' && parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0,
      );
    // A pseudo-element shown at full size (Fluent's input underline is scaled to 0 until focused).
    const pseudoDrawn = (owner: Element, pseudo: '::before' | '::after') => {
      const style = getComputedStyle(owner, pseudo);
      const scaleX = style.transform === 'none' ? 1 : new DOMMatrix(style.transform).a;
      return style.content !== 'none' && style.display !== 'none' && scaleX > 0 && (drawn(style) || border(style));
    };
    const focusWithinOwners = [element, element.parentElement, element.parentElement?.parentElement].filter((e): e is HTMLElement => !!e);
    const indicator =
      drawn(getComputedStyle(element)) ||
      focusWithinOwners.some((owner) => pseudoDrawn(owner, '::after') || pseudoDrawn(owner, '::before'));
    const dialog = element.closest('[role="dialog"], [role="alertdialog"]');
    const dialogName = dialog ? document.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent ?? '' : null;
    return {
      tag: element.tagName.toLowerCase(),
      role: element.getAttribute('role') ?? (element.tagName === 'BUTTON' ? 'button' : element.tagName === 'INPUT' ? (element as HTMLInputElement).type : null),
      name: (element.getAttribute('aria-label') ?? ((element as HTMLInputElement).labels?.[0]?.innerText || element.innerText) ?? '').replace(/\s+/g, ' ').trim(),
      indicator,
      dialog: dialog ? `${dialog.getAttribute('role')}: ${dialogName}` : null,
    };
  });
}

/** Asserts focus is on something in the pane, with a visible indicator; returns it. */
export async function expectVisibleFocus(frame: Frame, where: string): Promise<Focused> {
  const focused = await focusedIn(frame);
  expect(focused.tag, `${where}: focus is lost`).not.toBe('body');
  expect(focused.indicator, `${where}: no visible focus indicator on ${JSON.stringify(focused)}`).toBe(true);
  return focused;
}

/**
 * Presses Tab (or Shift+Tab) until `matches` accepts the focused element, checking at every stop that
 * focus is visible. Fails after `limit` presses.
 */
export async function tabUntil(page: Page, frame: Frame, matches: (focused: Focused) => boolean, { back = false, limit = 40 } = {}): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focused = await focusedIn(frame);
    seen.push(`${focused.role ?? focused.tag} "${focused.name.slice(0, 60)}"`);
    if (focused.tag === 'body') continue;
    expect(focused.indicator, `no visible focus indicator on ${seen.at(-1)}`).toBe(true);
    if (matches(focused)) return focused;
  }
  throw new Error(`Tab never reached the control; focus went through:\n  ${seen.join('\n  ')}`);
}

/** A matcher for the focused element's name (exact, or a pattern). */
export const named = (name: string | RegExp) => (focused: Focused) => (typeof name === 'string' ? focused.name === name : name.test(focused.name));

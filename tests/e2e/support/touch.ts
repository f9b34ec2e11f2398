// Touch targets on a phone: what a finger can hit must be at least 44 × 44 CSS px (WCAG 2.5.5, Apple's HIG).
import type { Frame } from 'playwright-core';

export const minTouchTarget = 44;

export interface SmallTarget {
  what: string;
  width: number;
  height: number;
}

/** Every visible control in the pane (and its open dialogs) smaller than 44 px in either direction. */
export async function smallTouchTargets(frame: Frame): Promise<SmallTarget[]> {
  // A dialog grows in from a smaller scale: measure what a finger meets once it has settled.
  await frame.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))));
  return frame.evaluate((min) => {
    const controls = document.querySelectorAll<HTMLElement>(
      'button, [role="tab"], a[href], select, textarea, input:not([type="hidden"]), [role="checkbox"], [role="switch"], [role="radio"], [role="option"], [role="menuitem"]',
    );
    const small: { what: string; width: number; height: number }[] = [];
    for (const control of controls) {
      // A checkbox or radio is hit through its Fluent wrapper (the label is part of it): measure that.
      const target = control.matches('input[type="checkbox"], input[type="radio"]') ? (control.parentElement ?? control) : control;
      const box = target.getBoundingClientRect();
      const style = getComputedStyle(target);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || control.closest('[aria-hidden="true"]')) continue;
      if (box.width < min || box.height < min) {
        const name = control.getAttribute('aria-label') ?? control.textContent?.trim() ?? '';
        small.push({ what: `${control.tagName.toLowerCase()}${control.getAttribute('role') ? `[role=${control.getAttribute('role')}]` : ''} "${name.slice(0, 40)}"`, width: Math.round(box.width), height: Math.round(box.height) });
      }
    }
    return small;
  }, minTouchTarget);
}

/** True when the pane needs no sideways scrolling. */
export function fitsWidth(frame: Frame): Promise<boolean> {
  return frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

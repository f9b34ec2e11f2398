import { makeStaticStyles } from '@fluentui/react-components';

/** A finger needs at least 44 × 44 CSS px (WCAG 2.5.5; Apple's guidelines for iOS). */
export const minTouchTarget = 44;

/**
 * On touch screens (Outlook on iOS and Android, a tablet) every control of the pane, its dialogs included
 * (they render in portals, hence global styles), is at least 44 px each way. Mouse users keep Fluent's
 * compact sizes. Checkboxes and radios are hit through their whole Fluent wrapper, label included.
 * `!important`: Fluent sizes its controls with class rules (icon-only buttons are capped at 32 px), which
 * a minimum for touch must win over.
 */
export const useTouchTargets = makeStaticStyles(`
@media (pointer: coarse) {
  button, [role="tab"], a[href], select, textarea,
  input:not([type="checkbox"]):not([type="radio"]):not([type="hidden"]) { min-height: ${minTouchTarget}px !important; }
  button, [role="tab"], a[href] { min-width: ${minTouchTarget}px !important; }
  .fui-Button { max-width: none !important; }
  a[href], button.fui-Link { display: inline-flex; align-items: center; }
  .fui-Checkbox, .fui-Radio, .fui-Switch { min-height: ${minTouchTarget}px; align-items: center; }
}
`);

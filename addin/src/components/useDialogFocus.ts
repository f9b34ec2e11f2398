import { useEffect, useRef } from 'react';

/** What can take focus by Tab inside a dialog (Tabster's sentinels excepted). */
const focusable = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]):not([data-tabster-dummy])';

/**
 * Focus for our controlled dialogs, at both ends:
 * - Opening: focus ends on a control inside. When the page is busy, Fluent can move focus into a new
 *   dialog before Tabster has registered it as a modal; Tabster then never activates it and leaves the
 *   whole dialog aria-hidden (with focus on its surface). A frame later, focus still on the surface (or
 *   outside it) goes to the first control, which activates it.
 * - Closing: focus goes back to the control that opened the dialog (our dialogs stay mounted while
 *   Fluent finishes closing them, so Fluent's own restorer does not step in). Only when focus would
 *   otherwise be lost: still in the closing dialog or on the page body; a caller that moved focus on
 *   purpose (to a new record, another dialog) keeps it there, and an opener that is gone (a row that
 *   changed) is left alone.
 */
export function useDialogFocus(open: boolean) {
  /** For the DialogSurface. */
  const surface = useRef<HTMLDivElement | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  // Read while rendering the opening: Fluent moves focus into the dialog in its own effects, before ours.
  if (open && !wasOpen.current && typeof document !== 'undefined') opener.current = document.activeElement as HTMLElement | null;
  wasOpen.current = open;

  useEffect(() => {
    if (!open) return;
    const frame = requestAnimationFrame(() => {
      const dialog = surface.current;
      const active = document.activeElement;
      if (!dialog || (active !== dialog && dialog.contains(active))) return;
      dialog.querySelector<HTMLElement>(focusable)?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [open]);

  useEffect(() => {
    if (open || !opener.current) return;
    const target = opener.current;
    opener.current = null;
    requestAnimationFrame(() => {
      const active = document.activeElement;
      const lost = !active || active === document.body || !!surface.current?.contains(active);
      if (lost && target.isConnected) target.focus();
    });
  }, [open]);
  return surface;
}

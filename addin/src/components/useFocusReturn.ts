import { useEffect, useRef } from 'react';

/**
 * Gives focus back to the control that opened a dialog when the dialog closes (our dialogs are
 * controlled and stay mounted while Fluent finishes closing them, so Fluent's own restorer does not
 * step in). Only when focus would otherwise be lost: still in the closing dialog or on the page body;
 * a caller that moved focus on purpose (to a new record, another dialog) keeps it there, and an opener that is
 * gone (a row that changed) is left alone.
 */
export function useFocusReturn(open: boolean) {
  /** For the DialogSurface: focus inside it when it closes is focus about to be lost. */
  const surface = useRef<HTMLDivElement | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  // Read while rendering the opening: Fluent moves focus into the dialog in its own effects, before ours.
  if (open && !wasOpen.current && typeof document !== 'undefined') opener.current = document.activeElement as HTMLElement | null;
  wasOpen.current = open;

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

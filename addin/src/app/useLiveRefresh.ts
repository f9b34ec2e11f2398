import { useEffect, useRef } from 'react';

export interface LiveRefreshOptions {
  /** Something may still change on the service: poll only then. */
  active: boolean;
  /** Loads afresh; resolves true when what it found differs from what was shown. */
  refresh: () => Promise<boolean>;
  /** The first interval, and the one after each change or return to the pane. */
  minDelayMs?: number;
  /** Each refresh that finds nothing new doubles the interval, up to this. */
  maxDelayMs?: number;
  /** Focus comes and goes often (every click between the email and the pane): at most one refresh per this gap for it. */
  minGapMs?: number;
}

const isHidden = () => document.visibilityState === 'hidden';

/**
 * Keeps a view current while it is on screen: refreshes when the pane is shown again or regains focus,
 * and on a backing-off interval while `active`. Never two refreshes at once; nothing runs while the
 * page is hidden or after unmount.
 */
export function useLiveRefresh({ active, refresh, minDelayMs = 15_000, maxDelayMs = 60_000, minGapMs = 5_000 }: LiveRefreshOptions) {
  const latestRefresh = useRef(refresh);
  latestRefresh.current = refresh;
  // Outlives a change of `active`, so a refresh that just ended it still counts against the focus gap.
  const lastStarted = useRef(Number.NEGATIVE_INFINITY);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = minDelayMs;
    let running = false;
    let stopped = false;

    const schedule = () => {
      clearTimeout(timer);
      timer = undefined;
      if (!stopped && active && !isHidden()) timer = setTimeout(() => void run(), delay);
    };

    const run = async () => {
      if (running || stopped) return;
      running = true;
      lastStarted.current = Date.now();
      let changed = false;
      try {
        changed = await latestRefresh.current();
      } catch {
        // A failed background refresh keeps what is shown and tries again later.
      } finally {
        running = false;
      }
      delay = changed ? minDelayMs : Math.min(delay * 2, maxDelayMs);
      schedule();
    };

    const wake = () => {
      if (isHidden()) {
        clearTimeout(timer);
        timer = undefined;
        return;
      }
      delay = minDelayMs;
      if (Date.now() - lastStarted.current >= minGapMs) void run();
      else schedule();
    };

    document.addEventListener('visibilitychange', wake);
    window.addEventListener('focus', wake);
    schedule();
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', wake);
      window.removeEventListener('focus', wake);
    };
  }, [active, minDelayMs, maxDelayMs, minGapMs]);
}

import { useCallback, useEffect, useRef, useState } from 'react';

export type AsyncState<T> = { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'error'; error: unknown };

export interface AsyncResourceOptions<T> {
  /** A reload keeps what is shown until its answer comes (a new `load` always starts from loading). */
  keepWhileReloading?: boolean;
  /** A follow-up that must not hold up the first answer; `isCurrent` turns false once a newer load or `set` replaced this value. */
  onLoaded?: (value: T, signal: AbortSignal, isCurrent: () => boolean) => void;
}

export interface AsyncResource<T> {
  state: AsyncState<T>;
  /** Loads again; resolves once the answer (or the error) is shown, or was dropped for a newer one. */
  reload(): Promise<void>;
  /** Changes the loaded value in place (an edit the service confirmed); does nothing unless it is ready. */
  update(change: (value: T) => T): void;
  /** Shows this value as loaded; a load still on its way is dropped, since it was asked before this value existed. */
  set(next: T | ((previous: T | null) => T)): void;
  /** Drops the answers still on their way (a load, or what `stillCurrent` was taken for): an action is about to change the value. */
  dropPending(): void;
  /** Taken before a request of the caller's own: tells later whether its answer still belongs to the value shown. */
  stillCurrent(): () => boolean;
}

/**
 * One value loaded from the service: each load has a sequence number, and an answer for an older one (a
 * previous key, a reload since, after unmount) is dropped and its request aborted. A new `load` function
 * (its dependencies changed) is a new key and loads at once.
 */
export function useAsyncResource<T>(load: (signal: AbortSignal) => Promise<T>, options: AsyncResourceOptions<T> = {}): AsyncResource<T> {
  const [state, setState] = useState<AsyncState<T>>({ kind: 'loading' });
  const sequence = useRef(0);
  const inFlight = useRef<AbortController | null>(null);
  const latest = useRef({ load, options });
  latest.current = { load, options };

  const supersede = useCallback(() => {
    inFlight.current?.abort();
    inFlight.current = null;
    return ++sequence.current;
  }, []);

  const run = useCallback(
    async (fresh: boolean) => {
      const current = supersede();
      const controller = new AbortController();
      inFlight.current = controller;
      const isCurrent = () => current === sequence.current;
      const keep = !fresh && latest.current.options.keepWhileReloading;
      setState((previous) => (keep && previous.kind === 'ready' ? previous : { kind: 'loading' }));
      let value: T;
      try {
        value = await latest.current.load(controller.signal);
      } catch (error) {
        if (isCurrent()) setState({ kind: 'error', error });
        return;
      }
      if (!isCurrent()) return;
      setState({ kind: 'ready', value });
      latest.current.options.onLoaded?.(value, controller.signal, isCurrent);
    },
    [supersede],
  );

  useEffect(() => {
    void run(true);
    return () => {
      supersede();
    };
  }, [load, run, supersede]);

  const reload = useCallback(() => run(false), [run]);
  const update = useCallback((change: (value: T) => T) => {
    setState((previous) => (previous.kind === 'ready' ? { kind: 'ready', value: change(previous.value) } : previous));
  }, []);
  const set = useCallback(
    (next: T | ((previous: T | null) => T)) => {
      supersede();
      setState((previous) => ({
        kind: 'ready',
        value: typeof next === 'function' ? (next as (previous: T | null) => T)(previous.kind === 'ready' ? previous.value : null) : next,
      }));
    },
    [supersede],
  );
  const stillCurrent = useCallback(() => {
    const current = sequence.current;
    return () => current === sequence.current;
  }, []);

  const dropPending = useCallback(() => void supersede(), [supersede]);

  return { state, reload, update, set, dropPending, stillCurrent };
}

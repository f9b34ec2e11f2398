import { useEffect, useState } from 'react';
import type { ClientSummary } from '../api/types';
import type { SearchState } from '../components/LinkClientDialog';

/** Searches as the user types, waiting for a pause and cancelling the previous request. */
export function useDebouncedSearch(
  query: string,
  search: (query: string, signal: AbortSignal) => Promise<ClientSummary[]>,
  delayMs = 250,
) {
  const [state, setState] = useState<SearchState>({ kind: 'idle' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const trimmed = query.trim();
    if (!trimmed) {
      setState({ kind: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState({ kind: 'searching' });
    const timer = setTimeout(() => {
      search(trimmed, controller.signal).then(
        (items) => !controller.signal.aborted && setState({ kind: 'done', items }),
        (error) => !controller.signal.aborted && setState({ kind: 'failed', error }),
      );
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, search, delayMs, attempt]);

  return { state, retry: () => setAttempt((n) => n + 1) };
}

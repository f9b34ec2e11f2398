import { useCallback, useRef } from 'react';
import type { ApiClient } from '../api/client';
import type { HistoryItem } from '../api/types';
import { useAsyncResource } from './useAsyncResource';
import type { HistoryState } from '../components/Timeline';

export const historyPageSize = 25;

/** Appends a page, keeping the first copy of any item the service sends again. */
export function appendUnique(existing: HistoryItem[], page: HistoryItem[]): HistoryItem[] {
  const seen = new Set(existing.map((item) => item.id));
  const added = page.filter((item) => !seen.has(item.id) && seen.add(item.id));
  return added.length === 0 ? existing : [...existing, ...added];
}

/**
 * A client's history, following `nextCursor` page by page. One page is in flight at a time, so a
 * sentinel firing repeatedly while scrolling never asks for the same cursor twice.
 */
type Loaded = Omit<Extract<HistoryState, { kind: 'ready' }>, 'kind'>;

export function useHistory(api: ApiClient, clientId: string) {
  const load = useCallback(
    async (signal: AbortSignal): Promise<Loaded> => {
      const page = await api.getHistory(clientId, { limit: historyPageSize }, signal);
      return {
        items: appendUnique([], page.items),
        nextCursor: page.nextCursor,
        mailbox: page.sources.mailbox,
        challenge: page.mailboxChallenge,
        loadingMore: false,
        moreError: null,
      };
    },
    [api, clientId],
  );
  const { state: loaded, reload, update, stillCurrent } = useAsyncResource(load);
  const state: HistoryState = loaded.kind === 'ready' ? { kind: 'ready', ...loaded.value } : loaded;
  const stateRef = useRef(state);
  stateRef.current = state;
  // The page in flight, by whether the list it extends is still the one shown (a reload starts a new list).
  const busy = useRef<(() => boolean) | null>(null);

  const loadMore = useCallback(async () => {
    const before = stateRef.current;
    if (busy.current?.() || before.kind !== 'ready' || !before.nextCursor) return;
    const isCurrent = stillCurrent();
    busy.current = isCurrent;
    update((value) => ({ ...value, loadingMore: true, moreError: null }));
    try {
      const page = await api.getHistory(clientId, { limit: historyPageSize, cursor: before.nextCursor });
      if (!isCurrent()) return;
      update((value) => ({ ...value, items: appendUnique(value.items, page.items), nextCursor: page.nextCursor, loadingMore: false }));
    } catch (error) {
      if (!isCurrent()) return;
      update((value) => ({ ...value, loadingMore: false, moreError: error }));
    } finally {
      if (busy.current === isCurrent) busy.current = null;
    }
  }, [api, clientId, update, stillCurrent]);

  /** Unsaves an email; if the user's mailbox has it too, it stays listed as a mailbox email. */
  const unsave = useCallback(
    async (item: HistoryItem) => {
      if (!item.savedEmailId) return;
      await api.unsaveEmail(clientId, item.savedEmailId);
      update((value) => {
        const items = value.items.flatMap((i): HistoryItem[] => {
          if (i.id !== item.id) return [i];
          return i.inMailbox ? [{ ...i, kind: 'mailbox-email', savedEmailId: null, savedBy: null }] : [];
        });
        return { ...value, items };
      });
    },
    [api, clientId, update],
  );

  return { state, reload, loadMore, unsave };
}

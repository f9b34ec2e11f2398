import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { HistoryItem, MailboxChallenge, MailboxSource } from '../api/types';

export const historyPageSize = 25;

export type HistoryState =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | {
      kind: 'ready';
      items: HistoryItem[];
      nextCursor: string | null;
      mailbox: MailboxSource;
      challenge: MailboxChallenge | null;
      loadingMore: boolean;
      moreError: unknown;
    };

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
export function useHistory(api: ApiClient, clientId: string) {
  const [state, setState] = useState<HistoryState>({ kind: 'loading' });
  const stateRef = useRef(state);
  stateRef.current = state;
  const generation = useRef(0);
  const busy = useRef(false);

  const reload = useCallback(async () => {
    const current = ++generation.current;
    busy.current = true;
    setState({ kind: 'loading' });
    try {
      const page = await api.getHistory(clientId, { limit: historyPageSize });
      if (current !== generation.current) return;
      setState({
        kind: 'ready',
        items: appendUnique([], page.items),
        nextCursor: page.nextCursor,
        mailbox: page.sources.mailbox,
        challenge: page.mailboxChallenge,
        loadingMore: false,
        moreError: null,
      });
    } catch (error) {
      if (current === generation.current) setState({ kind: 'error', error });
    } finally {
      if (current === generation.current) busy.current = false;
    }
  }, [api, clientId]);

  useEffect(() => {
    void reload();
    return () => {
      generation.current++;
    };
  }, [reload]);

  const loadMore = useCallback(async () => {
    const before = stateRef.current;
    if (busy.current || before.kind !== 'ready' || !before.nextCursor) return;
    const current = generation.current;
    busy.current = true;
    setState({ ...before, loadingMore: true, moreError: null });
    try {
      const page = await api.getHistory(clientId, { limit: historyPageSize, cursor: before.nextCursor });
      if (current !== generation.current) return;
      setState((previous) =>
        previous.kind === 'ready'
          ? { ...previous, items: appendUnique(previous.items, page.items), nextCursor: page.nextCursor, loadingMore: false }
          : previous,
      );
    } catch (error) {
      if (current !== generation.current) return;
      setState((previous) => (previous.kind === 'ready' ? { ...previous, loadingMore: false, moreError: error } : previous));
    } finally {
      if (current === generation.current) busy.current = false;
    }
  }, [api, clientId]);

  /** Unsaves an email; if the user's mailbox has it too, it stays listed as a mailbox email. */
  const unsave = useCallback(
    async (item: HistoryItem) => {
      if (!item.savedEmailId) return;
      await api.unsaveEmail(clientId, item.savedEmailId);
      setState((previous) => {
        if (previous.kind !== 'ready') return previous;
        const items = previous.items.flatMap((i): HistoryItem[] => {
          if (i.id !== item.id) return [i];
          return i.inMailbox ? [{ ...i, kind: 'mailbox-email', savedEmailId: null, savedBy: null }] : [];
        });
        return { ...previous, items };
      });
    },
    [api, clientId],
  );

  return { state, reload, loadMore, unsave };
}

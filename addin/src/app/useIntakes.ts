import { useCallback, useRef } from 'react';
import type { ApiClient } from '../api/client';
import type { Intake } from '../api/types';
import { useAsyncResource } from './useAsyncResource';

/** What a refresh compares: the parts of each intake the list shows. */
const shownState = (items: Intake[]) =>
  JSON.stringify(items.map((i) => [i.id, i.status, i.delivery, i.deliveryProblem, i.sentAt, i.completedAt, i.timesSent]));

/**
 * A client's intake forms. The list last loaded stays (behind a load error too) until a newer one comes;
 * every change made here drops a load or refresh still on its way, which would bring back the list as it was.
 */
export function useIntakes(api: ApiClient, clientId: string) {
  const load = useCallback((signal: AbortSignal) => api.listIntakes(clientId, signal), [api, clientId]);
  const { state, reload, set, dropPending, stillCurrent } = useAsyncResource(load, { keepWhileReloading: true });
  const lastLoaded = useRef<Intake[] | null>(null);
  if (state.kind === 'ready') lastLoaded.current = state.value;
  const intakes = lastLoaded.current;
  const loadError = state.kind === 'error' ? state.error : null;
  const shown = useRef({ intakes, loadError });
  shown.current = { intakes, loadError };

  // In the background: a failure keeps the list on screen (useLiveRefresh tries again later).
  const refresh = useCallback(async () => {
    const isCurrent = stillCurrent();
    const items = await api.listIntakes(clientId);
    if (!isCurrent()) return false;
    const before = shown.current.intakes;
    const changed = before === null || shownState(items) !== shownState(before);
    // The list never carries a manual link (the service keeps only its hash): the one shown stays until it is replaced.
    const keepLink = (item: Intake) => {
      const previous = before?.find((b) => b.id === item.id);
      return previous?.link && previous.timesSent === item.timesSent ? { ...item, link: previous.link } : item;
    };
    if (changed) set(items.map(keepLink));
    else if (shown.current.loadError !== null) set(before);
    return changed;
  }, [api, clientId, set, stillCurrent]);

  /** An intake changed by an action (resend, revoke): it replaces its row. */
  const replace = useCallback((updated: Intake) => set((list) => (list ?? lastLoaded.current)?.map((i) => (i.id === updated.id ? updated : i)) ?? [updated]), [set]);
  /** A new intake was sent: it comes first. */
  const add = useCallback((intake: Intake) => set((list) => [intake, ...(list ?? lastLoaded.current ?? []).filter((i) => i.id !== intake.id)]), [set]);

  return { intakes, loadError, reload, refresh, replace, add, dropPending };
}

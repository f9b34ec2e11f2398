import { useCallback } from 'react';
import type { ApiClient } from '../api/client';
import type { LookupMatch, SuggestionsResult } from '../api/types';
import type { OfficeGateway } from '../office/office';
import { listWithRoles } from '../office/participants';
import { classify, matchesOf, statusFrom, type ResolvedParticipant } from '../participants/participantStatus';
import { useAsyncResource } from './useAsyncResource';
import type { ParticipantsState } from '../components/ParticipantsList';

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Who is in the item, looked up; null when no item is open. */
type Loaded = ResolvedParticipant[] | null;

/**
 * Reads the current item's people and resolves them with one lookup. The pane mounts it afresh for
 * every message (App keys its per-message part with the item); a retry's older answer is dropped (useAsyncResource).
 */
export function useParticipants(office: OfficeGateway, api: ApiClient) {
  const load = useCallback(
    async (signal: AbortSignal): Promise<Loaded> => {
      const item = office.currentItem();
      if (!item) return null;
      const people = listWithRoles(await office.readParticipants(item));
      // Another item since: no lookup (the early start's answer stays for the item shown).
      signal.throwIfAborted();
      if (people.length === 0) return [];
      const { results } = await api.lookup(
        people.map((p) => p.emailAddress),
        signal,
      );
      return people.map((p, i) => ({ ...p, status: statusFrom(results[i]) }));
    },
    [office, api],
  );

  const { state: loaded, reload, update } = useAsyncResource(load, {
    onLoaded: (resolved, signal, isCurrent) => void addSuggestions(resolved, signal, isCurrent),
  });
  const state: ParticipantsState =
    loaded.kind !== 'ready' ? loaded : loaded.value === null ? { kind: 'empty' } : { kind: 'ready', participants: loaded.value };

  /** The second call, once the participants are on screen: it never holds up the lookup, and its failure is not the pane's. */
  const addSuggestions = async (resolved: Loaded, signal: AbortSignal, isCurrent: () => boolean) => {
    if (!resolved || resolved.length === 0) return;
    const valid = resolved.filter((p) => p.status.kind !== 'invalid');
    let answers: SuggestionsResult[] = [];
    if (valid.length > 0) {
      try {
        answers = (await api.suggest(valid.map((p) => ({ address: p.emailAddress, displayName: p.displayName })), signal)).results;
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    if (!isCurrent()) return;
    update(
      (participants) =>
        participants?.map((p) => {
          const index = valid.findIndex((v) => sameAddress(v.emailAddress, p.emailAddress));
          return { ...p, status: classify(p.status, index >= 0 ? answers[index] : undefined) };
        }) ?? null,
    );
  };

  /** Shows a just-linked or just-created address as its client at once, without waiting for a new lookup. */
  const markAsClient = useCallback(
    (address: string, match: LookupMatch) =>
      update(
        (participants) =>
          participants?.map((p) => {
            if (!sameAddress(p.emailAddress, address)) return p;
            const others = matchesOf(p.status);
            const matches = [...others.filter((m) => m.clientId !== match.clientId), match];
            return { ...p, status: matches.length === 1 ? { kind: 'client', match } : { kind: 'shared', matches } };
          }) ?? null,
      ),
    [update],
  );

  return { state, reload, markAsClient };
}

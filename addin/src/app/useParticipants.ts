import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { LookupMatch, SuggestionsResult } from '../api/types';
import type { OfficeGateway } from '../office/office';
import { listWithRoles } from '../office/participants';
import { classify, statusFrom, type ResolvedParticipant } from './participantStatus';

export type ParticipantsState =
  | { kind: 'loading' }
  | { kind: 'empty' }
  | { kind: 'ready'; participants: ResolvedParticipant[] }
  | { kind: 'error'; error: unknown };

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Reads the current item's people and resolves them with one lookup, on open and on every
 * ItemChanged. Each load gets a sequence number; an answer for an older item is dropped.
 */
export function useParticipants(office: OfficeGateway, api: ApiClient) {
  const [state, setState] = useState<ParticipantsState>({ kind: 'loading' });
  const sequence = useRef(0);
  const inFlight = useRef<AbortController | null>(null);

  /** The second call, once the participants are on screen: it never holds up the lookup, and its failure is not the pane's. */
  const addSuggestions = useCallback(
    async (resolved: ResolvedParticipant[], signal: AbortSignal, isStale: () => boolean) => {
      const valid = resolved.filter((p) => p.status.kind !== 'invalid');
      let answers: SuggestionsResult[] = [];
      if (valid.length > 0) {
        try {
          answers = (await api.suggest(valid.map((p) => ({ address: p.emailAddress, displayName: p.displayName })), signal)).results;
        } catch (error) {
          if (error instanceof DOMException && error.name === 'AbortError') return;
        }
      }
      if (isStale()) return;
      setState((previous) =>
        previous.kind !== 'ready'
          ? previous
          : {
              kind: 'ready',
              participants: previous.participants.map((p) => {
                const index = valid.findIndex((v) => sameAddress(v.emailAddress, p.emailAddress));
                return { ...p, status: classify(p.status, index >= 0 ? answers[index] : undefined) };
              }),
            },
      );
    },
    [api],
  );

  const load = useCallback(async () => {
    const current = ++sequence.current;
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    const isStale = () => current !== sequence.current;

    const item = office.currentItem();
    if (!item) {
      setState({ kind: 'empty' });
      return;
    }
    setState({ kind: 'loading' });
    try {
      const people = listWithRoles(await office.readParticipants(item));
      if (isStale()) return;
      if (people.length === 0) {
        setState({ kind: 'ready', participants: [] });
        return;
      }
      const { results } = await api.lookup(
        people.map((p) => p.emailAddress),
        controller.signal,
      );
      if (isStale()) return;
      const resolved = people.map((p, i) => ({ ...p, status: statusFrom(results[i]) }));
      setState({ kind: 'ready', participants: resolved });
      await addSuggestions(resolved, controller.signal, isStale);
    } catch (error) {
      if (isStale()) return;
      setState({ kind: 'error', error });
    }
  }, [office, api, addSuggestions]);

  useEffect(() => {
    void load();
    const stop = office.onItemChanged(() => void load());
    return () => {
      stop();
      inFlight.current?.abort();
    };
  }, [office, load]);

  /** Shows a just-linked or just-created address as its client at once, without waiting for a new lookup. */
  const markAsClient = useCallback((address: string, match: LookupMatch) => {
    setState((previous) => {
      if (previous.kind !== 'ready') return previous;
      return {
        kind: 'ready',
        participants: previous.participants.map((p) => {
          if (!sameAddress(p.emailAddress, address)) return p;
          const others = p.status.kind === 'client' ? [p.status.match] : p.status.kind === 'shared' ? p.status.matches : [];
          const matches = [...others.filter((m) => m.clientId !== match.clientId), match];
          return { ...p, status: matches.length === 1 ? { kind: 'client', match } : { kind: 'shared', matches } };
        }),
      };
    });
  }, []);

  return { state, reload: load, markAsClient };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { LookupMatch } from '../api/types';
import type { OfficeGateway } from '../office/office';
import { listWithRoles } from '../office/participants';
import { statusFrom, type ResolvedParticipant } from './participantStatus';

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
      setState({ kind: 'ready', participants: people.map((p, i) => ({ ...p, status: statusFrom(results[i]) })) });
    } catch (error) {
      if (isStale()) return;
      setState({ kind: 'error', error });
    }
  }, [office, api]);

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

import type { LookupMatch, LookupResult, Suggestion, SuggestionsResult } from '../api/types';
import type { RoledParticipant } from '../office/participants';

export type ParticipantStatus =
  | { kind: 'client'; match: LookupMatch }
  | { kind: 'shared'; matches: LookupMatch[] }
  /** `checking` until the service has said whether it is a colleague or never tracked. */
  | { kind: 'unknown'; checking: boolean; suggestions: Suggestion[] }
  | { kind: 'colleague' }
  | { kind: 'notTracked' }
  | { kind: 'invalid' };

/** The clients an address belongs to: one for a client's, several for a shared address, none otherwise. */
export function matchesOf(status: ParticipantStatus): LookupMatch[] {
  return status.kind === 'client' ? [status.match] : status.kind === 'shared' ? status.matches : [];
}

export interface ResolvedParticipant extends RoledParticipant {
  status: ParticipantStatus;
}

export function statusFrom(result: LookupResult | undefined): ParticipantStatus {
  if (!result || !result.valid) return { kind: 'invalid' };
  if (result.matches.length === 0) return { kind: 'unknown', checking: true, suggestions: [] };
  if (result.matches.length === 1) return { kind: 'client', match: result.matches[0] };
  return { kind: 'shared', matches: result.matches };
}

/**
 * Adds what the second call knows: the never-track list wins over everything (nothing from it is
 * kept), a colleague is never offered as a client, and an unknown address gets its likely clients.
 * Without an answer (the call failed) an unknown address is just unknown.
 */
export function classify(status: ParticipantStatus, result: SuggestionsResult | undefined): ParticipantStatus {
  if (result?.status === 'notTracked') return { kind: 'notTracked' };
  if (status.kind !== 'unknown') return status;
  if (result?.status === 'colleague') return { kind: 'colleague' };
  return { kind: 'unknown', checking: false, suggestions: result?.status === 'unknown' ? result.suggestions : [] };
}

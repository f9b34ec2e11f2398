import type { LookupMatch, LookupResult } from '../api/types';
import type { RoledParticipant } from '../office/participants';

export type ParticipantStatus =
  | { kind: 'client'; match: LookupMatch }
  | { kind: 'shared'; matches: LookupMatch[] }
  | { kind: 'unknown' }
  | { kind: 'invalid' };

export interface ResolvedParticipant extends RoledParticipant {
  status: ParticipantStatus;
}

export function statusFrom(result: LookupResult | undefined): ParticipantStatus {
  if (!result || !result.valid) return { kind: 'invalid' };
  if (result.matches.length === 0) return { kind: 'unknown' };
  if (result.matches.length === 1) return { kind: 'client', match: result.matches[0] };
  return { kind: 'shared', matches: result.matches };
}

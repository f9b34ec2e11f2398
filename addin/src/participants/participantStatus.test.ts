import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../api/types';
import { classify, type ParticipantStatus } from './participantStatus';

const checking: ParticipantStatus = { kind: 'unknown', checking: true, suggestions: [] };
const client: ParticipantStatus = { kind: 'client', match: { clientId: 'c', displayName: 'Ana', matchedAs: 'primary' } };
const suggestion: Suggestion = { clientId: 'c', displayName: 'Ana', reason: 'sameName', domain: null, linkAs: 'secondary' };

describe('classify', () => {
  it('lets the never-track list win over a client', () =>
    expect(classify(client, { address: 'a@x.com', status: 'notTracked', suggestions: [] })).toEqual({ kind: 'notTracked' }));

  it('makes an unknown address a colleague, never a client', () => {
    expect(classify(checking, { address: 'a@x.com', status: 'colleague', suggestions: [] })).toEqual({ kind: 'colleague' });
    expect(classify(client, { address: 'a@x.com', status: 'colleague', suggestions: [] })).toBe(client);
  });

  it('gives an unknown address its suggestions, and none when the call failed', () => {
    expect(classify(checking, { address: 'a@x.com', status: 'unknown', suggestions: [suggestion] })).toEqual({ kind: 'unknown', checking: false, suggestions: [suggestion] });
    expect(classify(checking, undefined)).toEqual({ kind: 'unknown', checking: false, suggestions: [] });
  });
});

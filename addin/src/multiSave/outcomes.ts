/** What saving several emails at once came to: the panel shows it, the pane's rows learn from it. */

/** What happened to one client's record for one email. */
export type ClientOutcome = { clientId: string; name: string } & ({ kind: 'saved' } | { kind: 'alreadySaved' } | { kind: 'failed'; error: unknown });

/** What happened to one selected email. */
export type EmailOutcome = { itemId: string; subject: string } & (
  | { kind: 'draft' }
  | { kind: 'unreadable'; error: unknown }
  | { kind: 'unknownOnly' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'clients'; internetMessageId: string; clients: ClientOutcome[] }
);

export type EmailStatus = 'saved' | 'alreadySaved' | 'notSaved';

/** An email counts as saved when at least one record got it now; as already saved when every record had it. */
export function statusOf(outcome: EmailOutcome): EmailStatus {
  if (outcome.kind !== 'clients') return 'notSaved';
  if (outcome.clients.some((c) => c.kind === 'saved')) return 'saved';
  if (outcome.clients.every((c) => c.kind === 'alreadySaved')) return 'alreadySaved';
  return 'notSaved';
}

export interface MultiSaveSummary {
  saved: number;
  alreadySaved: number;
  notSaved: number;
}

export function summarize(outcomes: readonly EmailOutcome[]): MultiSaveSummary {
  const summary: MultiSaveSummary = { saved: 0, alreadySaved: 0, notSaved: 0 };
  for (const outcome of outcomes) summary[statusOf(outcome)]++;
  return summary;
}

/** The clients whose records now hold the email (saved now or before): the open message's rows say "Saved" for them. */
export const clientsHolding = (outcome: EmailOutcome): string[] =>
  outcome.kind === 'clients' ? outcome.clients.filter((c) => c.kind !== 'failed').map((c) => c.clientId) : [];

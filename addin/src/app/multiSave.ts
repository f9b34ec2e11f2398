import type { ApiClient } from '../api/client';
import type { LookupMatch } from '../api/types';
import { OfficeCallError, type MessageDetails } from '../office/office';
import { cleanParticipants, listWithRoles } from '../office/participants';
import type { SelectedItem } from '../office/selectedItems';
import { saveBodyOf } from './useSaveToRecord';
import type { ClientOutcome, EmailOutcome } from '../multiSave/outcomes';

export { clientsHolding, statusOf, summarize, type ClientOutcome, type EmailOutcome, type EmailStatus, type MultiSaveSummary } from '../multiSave/outcomes';

export interface MultiSaveDeps {
  readMessage(itemId: string): Promise<MessageDetails | null>;
  lookup: ApiClient['lookup'];
  findSavedEmail: ApiClient['findSavedEmail'];
  saveEmail(clientId: string, body: ReturnType<typeof saveBodyOf>): Promise<unknown>;
  /** The user's own address and the shared mailbox's, never participants to save for. */
  ownAddresses: readonly (string | null)[];
  /** Called after each email, with how many are done. */
  onProgress?(done: number): void;
}

const lookupLimit = 50;
const key = (address: string) => address.trim().toLowerCase();

type Read = { item: SelectedItem; message: MessageDetails & { from: NonNullable<MessageDetails['from']> }; addresses: string[] };

/** Reads the selection one message at a time (Outlook loads one item at a time). */
async function readAll(items: readonly SelectedItem[], deps: MultiSaveDeps, outcomes: Map<string, EmailOutcome>): Promise<Read[]> {
  const read: Read[] = [];
  for (const item of items) {
    if (!item.isRead) {
      outcomes.set(item.itemId, { itemId: item.itemId, subject: item.subject, kind: 'draft' });
      continue;
    }
    try {
      const message = await deps.readMessage(item.itemId);
      if (!message?.from) throw new OfficeCallError('The message has no sender to save.');
      const people = cleanParticipants({ from: message.from, to: message.to, cc: message.cc }, deps.ownAddresses);
      read.push({ item, message: { ...message, from: message.from }, addresses: listWithRoles(people).map((p) => p.emailAddress) });
    } catch (error) {
      outcomes.set(item.itemId, { itemId: item.itemId, subject: item.subject, kind: 'unreadable', error });
    }
  }
  return read;
}

/** Every address's matches, asked in batches of the lookup's limit. */
async function matchesOf(addresses: readonly string[], lookup: ApiClient['lookup']): Promise<Map<string, LookupMatch[]>> {
  const unique = [...new Map(addresses.map((a) => [key(a), a])).values()];
  const matches = new Map<string, LookupMatch[]>();
  for (let start = 0; start < unique.length; start += lookupLimit) {
    const batch = unique.slice(start, start + lookupLimit);
    // One result per requested address, in request order (docs/api.md).
    const { results } = await lookup(batch);
    batch.forEach((address, i) => matches.set(key(address), results[i]?.matches ?? []));
  }
  return matches;
}

async function saveForClient(message: Read['message'], client: LookupMatch, deps: MultiSaveDeps): Promise<ClientOutcome> {
  const base = { clientId: client.clientId, name: client.displayName };
  try {
    if ((await deps.findSavedEmail(client.clientId, message.internetMessageId)).length > 0) return { ...base, kind: 'alreadySaved' };
  } catch {
    // Not knowing is no reason to skip: saving an email that is already saved changes nothing.
  }
  try {
    await deps.saveEmail(client.clientId, saveBodyOf(message));
    return { ...base, kind: 'saved' };
  } catch (error) {
    return { ...base, kind: 'failed', error };
  }
}

/**
 * Saves each selected email to the record of every known client on it (sender, To, Cc), with the same
 * endpoint as a single save, and says per email what happened, in the selection's order.
 */
export async function saveSeveral(items: readonly SelectedItem[], deps: MultiSaveDeps): Promise<EmailOutcome[]> {
  const outcomes = new Map<string, EmailOutcome>();
  let done = 0;
  const progress = () => deps.onProgress?.(++done);
  const read = await readAll(items, deps, outcomes);
  items.filter((item) => outcomes.has(item.itemId)).forEach(progress);

  let matches: Map<string, LookupMatch[]> | null = null;
  let lookupError: unknown = null;
  try {
    matches = await matchesOf(read.flatMap((r) => r.addresses), deps.lookup);
  } catch (error) {
    lookupError = error;
  }

  for (const { item, message, addresses } of read) {
    const common = { itemId: item.itemId, subject: message.subject || item.subject };
    if (!matches) {
      outcomes.set(item.itemId, { ...common, kind: 'failed', error: lookupError });
    } else {
      const clients = [...new Map(addresses.flatMap((a) => matches!.get(key(a)) ?? []).map((m) => [m.clientId, m])).values()];
      if (clients.length === 0) outcomes.set(item.itemId, { ...common, kind: 'unknownOnly' });
      else {
        const results: ClientOutcome[] = [];
        for (const client of clients) results.push(await saveForClient(message, client, deps));
        outcomes.set(item.itemId, { ...common, kind: 'clients', internetMessageId: message.internetMessageId, clients: results });
      }
    }
    progress();
  }
  return items.map((item) => outcomes.get(item.itemId)!);
}

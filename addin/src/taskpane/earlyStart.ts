import type { ApiClient } from '../api/client';
import type { LookupResponse } from '../api/types';
import type { OfficeGateway } from '../office/office';
import { listWithRoles, type ItemParticipants } from '../office/participants';

interface EarlyLookup {
  addresses: string[];
  answer: Promise<LookupResponse>;
}

/**
 * The cold path to the participants is: Office ready → read the people → token → lookup. This starts the
 * read and the lookup as soon as Office is ready, beside the catalog's fetch and React's first render
 * instead of after them, and hands each to the pane's first matching call. Later calls, and a first call
 * for other addresses (the pane may have dropped some), go to Office and the service afresh.
 */
export function startEarly(office: OfficeGateway, api: ApiClient): { office: OfficeGateway; api: ApiClient } {
  const item = office.currentItem();
  if (!item) return { office, api };

  let participants: Promise<ItemParticipants> | null = office.readParticipants(item);
  participants.catch(() => undefined);
  // Set synchronously when the read answers, so the pane's own call (which awaits the same read) finds it;
  // never started once the pane has asked or the user has moved to another item.
  let early: EarlyLookup | null = null;
  let waiting = true;
  participants.then((read) => {
    if (!waiting || office.currentItem() !== item) return;
    const addresses = listWithRoles(read).map((p) => p.emailAddress);
    if (addresses.length === 0) return;
    const answer = api.lookup(addresses);
    answer.catch(() => undefined); // the pane's own call reports a failure, if it takes this answer
    early = { addresses, answer };
  }, () => undefined);

  return {
    office: {
      ...office,
      readParticipants(requested) {
        const read = requested === item ? participants : null;
        participants = null;
        return read ?? office.readParticipants(requested);
      },
    },
    api: {
      ...api,
      lookup(addresses, signal) {
        const taken = early;
        early = null;
        waiting = false;
        return taken && sameList(taken.addresses, addresses) ? taken.answer : api.lookup(addresses, signal);
      },
    },
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, i) => value === b[i]);

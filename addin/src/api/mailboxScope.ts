import type { ApiClient } from './client';

/**
 * The API as the open item sees it: history and saving name the shared or delegate mailbox the item is in
 * (the service reads that mailbox through Graph); every other call is the API itself.
 */
export function inMailboxOf(api: ApiClient, sharedAddress: () => Promise<string | null>): ApiClient {
  return {
    ...api,
    getHistory: async (clientId, query, signal) => api.getHistory(clientId, { ...query, mailbox: await sharedAddress() }, signal),
    saveEmail: async (clientId, body) => api.saveEmail(clientId, body, await sharedAddress()),
  };
}

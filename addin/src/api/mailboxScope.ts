import type { ApiClient } from './client';

/**
 * The API as the open item sees it: history and saving name the shared or delegate mailbox the item is in
 * (the service reads that mailbox through Graph); every other call, and every call for the user's own
 * mailbox, is the API itself.
 */
export function inMailboxOf(api: ApiClient, sharedAddress: () => Promise<string | null>): ApiClient {
  return {
    ...api,
    getHistory: async (clientId, query, signal) => {
      const mailbox = await sharedAddress();
      return mailbox ? api.getHistory(clientId, { ...query, mailbox }, signal) : api.getHistory(clientId, query, signal);
    },
    saveEmail: async (clientId, body) => {
      const mailbox = await sharedAddress();
      return mailbox ? api.saveEmail(clientId, body, mailbox) : api.saveEmail(clientId, body);
    },
  };
}

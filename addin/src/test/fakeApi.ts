import { vi } from 'vitest';
import type { ApiClient } from '../api/client';

/** An ApiClient whose every method is a vi.fn that fails unless a test gives it an answer. */
export function fakeApi(overrides: Partial<Record<keyof ApiClient, (...args: never[]) => unknown>> = {}) {
  const unexpected = (name: string) => vi.fn(async () => {
    throw new Error(`unexpected call: ${name}`);
  });
  const api = {
    me: unexpected('me'),
    lookup: unexpected('lookup'),
    searchClients: unexpected('searchClients'),
    getClient: unexpected('getClient'),
    createClient: unexpected('createClient'),
    updateClient: unexpected('updateClient'),
    linkEmail: unexpected('linkEmail'),
    unlinkEmail: unexpected('unlinkEmail'),
    listFields: vi.fn(async () => []),
    createField: unexpected('createField'),
    setFieldValue: unexpected('setFieldValue'),
    getHistory: unexpected('getHistory'),
    saveEmail: unexpected('saveEmail'),
    unsaveEmail: unexpected('unsaveEmail'),
    downloadAttachment: unexpected('downloadAttachment'),
    findSavedEmail: vi.fn(async () => []),
    listIntakeTemplates: unexpected('listIntakeTemplates'),
    sendIntake: unexpected('sendIntake'),
    listIntakes: vi.fn(async () => []),
    getIntake: unexpected('getIntake'),
    resendIntake: unexpected('resendIntake'),
    revokeIntake: unexpected('revokeIntake'),
    setSendSave: unexpected('setSendSave'),
    reportSend: unexpected('reportSend'),
    // Every pane that shows an item resolves save-on-send once: nothing to report unless a test says so.
    resolveSendSaves: vi.fn(async () => ({ saved: [], skipped: [], expired: [], pending: 0, mailbox: 'ok' })),
    getSaveSettings: vi.fn(async () => ({ saveToKnownClientsWhenSent: false, saveConversationsAutomatically: false })),
    setSaveSettings: unexpected('setSaveSettings'),
    // Most items belong to no saved conversation.
    conversationSaves: vi.fn(async () => []),
  };
  for (const [name, implementation] of Object.entries(overrides)) {
    (api as Record<string, unknown>)[name] = vi.fn(implementation);
  }
  return api as unknown as { [K in keyof ApiClient]: ApiClient[K] & ReturnType<typeof vi.fn> };
}

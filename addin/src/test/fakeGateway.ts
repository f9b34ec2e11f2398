import { vi } from 'vitest';
import type { MailItem, MessageDetails, OfficeGateway } from '../office/office';
import type { ItemParticipants } from '../office/participants';
import type { SelectedItem } from '../office/selectedItems';
import type { MailboxOwner } from '../office/sharedMailbox';

/** An OfficeGateway for component tests: the test sets the current item and fires ItemChanged. */
export function fakeGateway(
  initial: ItemParticipants | null,
  options: { language?: string; dark?: boolean; message?: Partial<MessageDetails>; compose?: boolean; mailboxOwner?: MailboxOwner } = {},
) {
  let current = initial;
  let selection: SelectedItem[] = [];
  const handlers = new Set<() => void>();
  const selectionHandlers = new Set<() => void>();
  const gateway: OfficeGateway = {
    ready: async () => undefined,
    currentItem: () => (current ? (current as unknown as MailItem) : null),
    readParticipants: async (item) => item as unknown as ItemParticipants,
    isReadMode: () => !options.compose,
    readMessage: vi.fn(async (item: MailItem): Promise<MessageDetails | null> => {
      if (options.compose) return null;
      const people = item as unknown as ItemParticipants;
      return {
        internetMessageId: '<m1@example.com>',
        itemId: 'item-1',
        conversationId: null,
        subject: 'Hello',
        sentAt: '2025-03-10T08:00:00.000Z',
        from: people.from,
        to: people.to,
        cc: people.cc,
        preview: 'Hi there',
        ...options.message,
      };
    }),
    messageId: () => (options.compose ? null : options.message?.internetMessageId ?? '<m1@example.com>'),
    conversationId: () => (options.compose ? null : options.message?.conversationId ?? null),
    onItemChanged(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    onThemeChanged: () => () => undefined,
    displayLanguage: () => options.language ?? 'en-US',
    theme: () => ({ isDark: !!options.dark }),
    userEmail: () => 'me@example.com',
    userName: () => 'Me',
    account: async () => ({ loginHint: 'me@example.com', tenantId: null }),
    mailboxOwner: async () => options.mailboxOwner ?? { kind: 'own' },
    openMessage: vi.fn(),
    openDialog: async () => ({ message: '' }),
    selectedItems: async () => selection,
    onSelectionChanged(handler) {
      selectionHandlers.add(handler);
      return () => selectionHandlers.delete(handler);
    },
    readSelectedMessage: vi.fn(async (): Promise<MessageDetails | null> => null),
  };
  return {
    gateway,
    /** Several messages selected at once (SelectedItemsChanged). */
    selectMany(items: SelectedItem[]) {
      selection = items;
      selectionHandlers.forEach((h) => h());
    },
    select(item: ItemParticipants | null) {
      current = item;
      handlers.forEach((h) => h());
    },
  };
}

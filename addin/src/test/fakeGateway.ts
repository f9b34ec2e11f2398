import type { MailItem, OfficeGateway } from '../office/office';
import type { ItemParticipants } from '../office/participants';

/** An OfficeGateway for component tests: the test sets the current item and fires ItemChanged. */
export function fakeGateway(initial: ItemParticipants | null, options: { language?: string; dark?: boolean } = {}) {
  let current = initial;
  const handlers = new Set<() => void>();
  const gateway: OfficeGateway = {
    ready: async () => undefined,
    currentItem: () => (current ? (current as unknown as MailItem) : null),
    readParticipants: async (item) => item as unknown as ItemParticipants,
    onItemChanged(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    onThemeChanged: () => () => undefined,
    displayLanguage: () => options.language ?? 'en-US',
    theme: () => ({ isDark: !!options.dark }),
    userEmail: () => 'me@example.com',
    userName: () => 'Me',
    openMessage: () => undefined,
    openDialog: async () => ({ message: '' }),
  };
  return {
    gateway,
    select(item: ItemParticipants | null) {
      current = item;
      handlers.forEach((h) => h());
    },
  };
}

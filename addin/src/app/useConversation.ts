import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { ConversationClient } from '../api/types';
import type { OfficeGateway } from '../office/office';

/** The open email belongs to a conversation already saved to these clients' records, and is not saved there yet. */
export interface ConversationSaved {
  internetMessageId: string;
  clients: ConversationClient[];
}

/**
 * "Part of a conversation saved to Ana's record": for a received email, asks which records hold its
 * conversation, once its people are shown (the participants lookup goes first, as save on send's resolve
 * does); App mounts the message's part afresh for each item. Only this question is in the pane's first
 * JavaScript; the offer and the automatic save (components/ConversationBanner.tsx) load when there is
 * something to offer.
 */
export function useConversation(office: OfficeGateway, api: ApiClient, peopleShown: boolean): ConversationSaved | null {
  const [saved, setSaved] = useState<ConversationSaved | null>(null);

  useEffect(() => {
    setSaved(null);
    if (!peopleShown) return;
    const item = office.currentItem();
    const conversationId = item && office.isReadMode(item) ? office.conversationId(item) : null;
    const internetMessageId = item && conversationId ? office.messageId(item) : null;
    if (!conversationId || !internetMessageId) return;
    const abort = new AbortController();
    api.conversationSaves(conversationId, internetMessageId, abort.signal).then(
      (all) => {
        const clients = all.filter((c) => !c.messageSaved);
        if (clients.length && !abort.signal.aborted) setSaved({ internetMessageId, clients });
      },
      // Not knowing hides the offer; the email can still be saved from its participant's row.
      () => undefined,
    );
    return () => abort.abort();
  }, [office, api, peopleShown]);

  return saved;
}

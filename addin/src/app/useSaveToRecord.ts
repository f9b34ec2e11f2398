import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { EmailPerson, SaveEmailBody } from '../api/types';
import { OfficeCallError, type MessageDetails, type OfficeGateway } from '../office/office';
import type { EmailParticipant } from '../office/participants';
import type { SaveState } from '../components/SaveToRecord';

// The service refuses a whole save for one unparseable recipient (an X.500 or list address): leave those out.
const plausibleAddress = (address: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address);
const toPerson = (p: EmailParticipant): EmailPerson => ({ name: p.displayName || null, address: p.emailAddress });
const people = (list: EmailParticipant[]) => list.filter((p) => plausibleAddress(p.emailAddress)).map(toPerson);

/** What the save-to-record endpoint receives for a message read from Office: metadata and a short preview. */
export function saveBodyOf(message: MessageDetails & { from: EmailParticipant }): SaveEmailBody {
  return {
    internetMessageId: message.internetMessageId,
    itemId: message.itemId,
    conversationId: message.conversationId,
    subject: message.subject,
    from: toPerson(message.from),
    to: people(message.to),
    cc: people(message.cc),
    sentAt: message.sentAt,
    preview: message.preview,
  };
}

/**
 * "Save to record" for the open message, one state per client. Only metadata and a short preview
 * are sent; a new selection starts over.
 */
export function useSaveToRecord(office: OfficeGateway, api: ApiClient, itemKey: number) {
  const [states, setStates] = useState<Record<string, SaveState | undefined>>({});
  const item = office.currentItem();
  const canSave = !!item && office.isReadMode(item);
  const generation = useRef(0);
  const statesKey = useRef(itemKey);
  // Messages saved several at once, by Message-ID → client ids: when one of them is (or becomes) the open
  // message, its rows say "Saved" rather than offering a save that was already made.
  const savedElsewhere = useRef(new Map<string, Set<string>>());
  const statesFor = useCallback(() => {
    const item = office.currentItem();
    const messageId = item && office.isReadMode(item) ? office.messageId(item) : null;
    const clients = messageId ? savedElsewhere.current.get(messageId) : undefined;
    return Object.fromEntries([...(clients ?? [])].map((clientId) => [clientId, { kind: 'saved', internetMessageId: messageId!, quiet: true } as SaveState]));
  }, [office]);

  // Outlives a message (several saved at once are remembered), so another item (itemKey) starts its states over.
  useEffect(() => {
    if (statesKey.current === itemKey) return;
    statesKey.current = itemKey;
    generation.current++;
    setStates(statesFor());
  }, [itemKey, statesFor]);

  /** Several messages were saved at once: these clients now have this message on their records. */
  const markSaved = useCallback(
    (internetMessageId: string, clientIds: readonly string[]) => {
      const clients = savedElsewhere.current.get(internetMessageId) ?? new Set<string>();
      clientIds.forEach((id) => clients.add(id));
      savedElsewhere.current.set(internetMessageId, clients);
      const next = statesFor();
      setStates((s) => ({ ...s, ...next }));
    },
    [statesFor],
  );

  const save = useCallback(
    async (clientId: string) => {
      const current = generation.current;
      const update = (state: SaveState) => {
        if (current === generation.current) setStates((s) => ({ ...s, [clientId]: state }));
      };
      update({ kind: 'saving' });
      try {
        const item = office.currentItem();
        const message = item ? await office.readMessage(item) : null;
        if (!message || !message.from) throw new OfficeCallError('The message cannot be saved.');
        await api.saveEmail(clientId, saveBodyOf({ ...message, from: message.from }));
        update({ kind: 'saved', internetMessageId: message.internetMessageId });
      } catch (error) {
        update({ kind: 'failed', error });
      }
    },
    [office, api],
  );

  /** Shows the open email as saved when it already is on the client's record (saved earlier, by anyone on the team). */
  const check = useCallback(
    async (clientId: string, signal?: AbortSignal) => {
      const current = generation.current;
      const item = office.currentItem();
      const messageId = item && office.isReadMode(item) ? office.messageId(item) : null;
      if (!messageId) return;
      try {
        const saved = await api.findSavedEmail(clientId, messageId, signal);
        if (current !== generation.current || saved.length === 0) return;
        setStates((s) => (s[clientId] ? s : { ...s, [clientId]: { kind: 'saved', internetMessageId: messageId } }));
      } catch {
        // Not knowing leaves the button: saving an email that is already saved changes nothing.
      }
    },
    [office, api],
  );

  /** The email was removed from the client's record (from its History): when it is the open one, it can be saved again. */
  const forget = useCallback((clientId: string, internetMessageId: string) => {
    savedElsewhere.current.get(internetMessageId)?.delete(clientId);
    setStates((s) => {
      const state = s[clientId];
      return state?.kind === 'saved' && state.internetMessageId === internetMessageId ? { ...s, [clientId]: undefined } : s;
    });
  }, []);

  return { canSave, states, save, check, forget, markSaved };
}

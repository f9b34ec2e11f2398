import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import { ConversationBanner } from '../components/ConversationBanner';
import type { SaveState } from '../components/SaveToRecord';
import type { ConversationSaved } from './useConversation';

// Emails this pane has saved without a click, for as long as it stays open: coming back to one whose
// automatic save failed does not try again unasked (the button does). The service's save is
// idempotent too, so two panes saving the same email still save it once.
const savedAutomatically = new Set<string>();

export interface ConversationOfferProps {
  api: Pick<ApiClient, 'getSaveSettings' | 'setSaveSettings'>;
  saved: ConversationSaved;
  states: Record<string, SaveState | undefined>;
  onSave: (clientId: string) => void;
}

/**
 * The offer for an email of a conversation saved to records: reads the user's setting and, when it is
 * on, saves the email to each of them as the pane opens it (once per email and client).
 */
export function ConversationOffer({ api, saved, states, onSave }: ConversationOfferProps) {
  const [automatic, setAutomatic] = useState<boolean | null>(null);
  const [savedWithoutClick, setSavedWithoutClick] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    api.getSaveSettings(abort.signal).then(
      (settings) => {
        if (abort.signal.aborted) return;
        setAutomatic(!!settings.saveConversationsAutomatically);
        if (!settings.saveConversationsAutomatically) return;
        setSavedWithoutClick(true);
        for (const { clientId } of saved.clients) {
          const key = `${saved.internetMessageId}\n${clientId}`;
          if (savedAutomatically.has(key)) continue;
          savedAutomatically.add(key);
          onSave(clientId);
        }
      },
      () => setAutomatic(false),
    );
    return () => abort.abort();
  }, [api, saved, onSave]);

  const changeAutomatic = (on: boolean) => {
    setAutomatic(on);
    api.setSaveSettings({ saveConversationsAutomatically: on }).then(
      (settings) => setAutomatic(!!settings.saveConversationsAutomatically),
      () => setAutomatic(!on),
    );
  };

  return (
    <ConversationBanner
      clients={saved.clients}
      states={states}
      automatic={automatic}
      savedWithoutClick={savedWithoutClick}
      onSave={onSave}
      onAutomaticChange={changeAutomatic}
    />
  );
}

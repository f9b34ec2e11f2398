import { useCallback } from 'react';
import type { ApiClient } from '../api/client';
import type { HistoryItem, MailboxChallenge } from '../api/types';
import { Timeline } from '../components/Timeline';
import { saveFile } from '../history/saveFile';
import type { OfficeGateway } from '../office/office';
import { useHistory } from './useHistory';

export interface HistoryTimelineProps {
  api: ApiClient;
  office: Pick<OfficeGateway, 'openMessage'>;
  clientId: string;
  requestMailboxConsent?: (challenge: MailboxChallenge) => Promise<boolean>;
  /** After a saved email is removed from the record. */
  onUnsaved?: (item: HistoryItem) => void;
}

export function HistoryTimeline({ api, office, clientId, requestMailboxConsent, onUnsaved }: HistoryTimelineProps) {
  const { state, reload, loadMore, unsave } = useHistory(api, clientId);
  const grantAccess = useCallback(async () => {
    if (state.kind !== 'ready' || !requestMailboxConsent) return false;
    return requestMailboxConsent(state.challenge ?? { scopes: ['Mail.Read'], claims: null });
  }, [state, requestMailboxConsent]);

  return (
    <Timeline
      state={state}
      onRetry={() => void reload()}
      onLoadMore={() => void loadMore()}
      onOpenInOutlook={(itemId) => office.openMessage(itemId)}
      onUnsave={async (item) => {
        await unsave(item);
        onUnsaved?.(item);
      }}
      onDownloadAttachment={async (item, attachment) => {
        if (!item.savedEmailId) return;
        saveFile(await api.downloadAttachment(clientId, item.savedEmailId, attachment.id), attachment.name);
      }}
      onGrantAccess={grantAccess}
    />
  );
}

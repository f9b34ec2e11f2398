import type { ReactNode } from 'react';
import type { ApiClient } from '../api/client';
import type { ClientRecord } from '../api/types';
import { ClientRecordView } from '../components/ClientRecordView';
import { useClientRecord } from './useClientRecord';

export interface RecordContainerProps {
  api: ApiClient;
  clientId: string;
  renderTimeline?: (record: ClientRecord) => ReactNode;
}

export function RecordContainer({ api, clientId, renderTimeline }: RecordContainerProps) {
  const { state, ...actions } = useClientRecord(api, clientId);
  return <ClientRecordView state={state} actions={actions} renderTimeline={renderTimeline} />;
}

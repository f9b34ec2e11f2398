import { useState } from 'react';
import type { ClientSummary } from '../api/types';
import { LinkClientDialog, type LinkClientDialogProps } from '../components/LinkClientDialog';
import { useDebouncedSearch } from './useDebouncedSearch';

export interface LinkClientContainerProps extends Omit<LinkClientDialogProps, 'query' | 'onQueryChange' | 'search' | 'onRetrySearch'> {
  searchClients: (query: string, signal: AbortSignal) => Promise<ClientSummary[]>;
  searchDelayMs?: number;
}

/** The Link dialog, searching the workspace's clients as the user types. */
export function LinkClientContainer({ searchClients, searchDelayMs, ...dialog }: LinkClientContainerProps) {
  const [query, setQuery] = useState('');
  const { state, retry } = useDebouncedSearch(query, searchClients, searchDelayMs);
  return <LinkClientDialog {...dialog} query={query} onQueryChange={setQuery} search={state} onRetrySearch={retry} />;
}

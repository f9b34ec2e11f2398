import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import type { HistoryPage } from '../api/types';
import { fakeApi } from '../test/fakeApi';
import { historyItem } from '../test/fixtures';
import { renderInPane } from '../test/render';
import { HistoryTimeline } from './HistoryTimeline';

const savedWithAttachments = historyItem({
  id: 's:1',
  kind: 'saved-email',
  source: 'team',
  subject: 'Referral',
  savedEmailId: 'saved-1',
  attachments: [
    { id: 'a-1', name: '<img src=x onerror=alert(1)>.pdf', size: 1500, skipReason: null },
    { id: 'a-2', name: 'scan.tiff', size: 30_000_000, skipReason: 'file-too-large' },
  ],
});
const page = (): HistoryPage => ({ items: [savedWithAttachments], nextCursor: null, sources: { mailbox: 'ok' }, mailboxChallenge: null });

describe('attachments in the history', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists a saved email’s attachments as text, says why one was skipped, and downloads a stored one as a file', async () => {
    const blob = new Blob(['%PDF'], { type: 'application/octet-stream' });
    const api = fakeApi({ getHistory: async () => page(), downloadAttachment: async () => blob });
    const createObjectURL = vi.fn(() => 'blob:attachment');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    renderInPane(<HistoryTimeline api={api} office={{ openMessage: vi.fn() }} clientId="c-ana" />, 'en');

    const list = await screen.findByRole('list', { name: 'Attachments' });
    expect(within(list).getByText('<img src=x onerror=alert(1)>.pdf')).toBeTruthy();
    expect(list.querySelector('img')).toBeNull();
    expect(within(list).getByText(/not saved: larger than the practice allows for one file/)).toBeTruthy();
    expect(within(list).queryByRole('button', { name: /scan\.tiff/ })).toBeNull();

    await userEvent.click(within(list).getByRole('button', { name: 'Download <img src=x onerror=alert(1)>.pdf (1.5 kB)' }));
    await vi.waitFor(() => expect(clicked).toHaveLength(1));
    expect(api.downloadAttachment).toHaveBeenCalledWith('c-ana', 'saved-1', 'a-1');
    expect(createObjectURL).toHaveBeenCalledWith(blob);
    expect(clicked[0].download).toBe('<img src=x onerror=alert(1)>.pdf');
    expect(clicked[0].isConnected).toBe(false);
  });

  it('reports a failed download in Portuguese and keeps the list', async () => {
    const api = fakeApi({
      getHistory: async () => page(),
      downloadAttachment: async () => {
        throw new ApiError(404, 'attachment-not-found');
      },
    });
    renderInPane(<HistoryTimeline api={api} office={{ openMessage: vi.fn() }} clientId="c-ana" />, 'pt-BR');

    const list = await screen.findByRole('list', { name: 'Anexos' });
    expect(within(list).getByText(/não salvo: maior do que a clínica permite/)).toBeTruthy();
    await userEvent.click(within(list).getByRole('button', { name: /^Baixar / }));
    expect(await screen.findByText(/Este anexo não está guardado na ficha/)).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Anexos' })).toBeTruthy();
  });
});

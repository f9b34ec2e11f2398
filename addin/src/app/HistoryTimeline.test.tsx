import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { HistoryPage } from '../api/types';
import { fakeApi } from '../test/fakeApi';
import { historyItem } from '../test/fixtures';
import { renderInPane } from '../test/render';
import { HistoryTimeline } from './HistoryTimeline';
import { appendUnique } from './useHistory';

const page = (overrides: Partial<HistoryPage>): HistoryPage => ({
  items: [],
  nextCursor: null,
  sources: { mailbox: 'ok' },
  mailboxChallenge: null,
  ...overrides,
});

describe('history timeline', () => {
  it('keeps the first copy of an item a later page repeats', () => {
    const a = historyItem({ id: 'a' });
    const b = historyItem({ id: 'b' });
    expect(appendUnique([a], [a, b, b]).map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('is a feed of articles, numbered while more may come, and Page Down / Page Up move between them', async () => {
    const api = fakeApi({
      getHistory: async () =>
        page({ items: [historyItem({ id: 'm:1', subject: 'First' }), historyItem({ id: 'm:2', subject: 'Second' })], nextCursor: 'c1' }),
    });
    renderInPane(<HistoryTimeline api={api} office={{ openMessage: vi.fn() }} clientId="c-ana" />);

    const feed = await screen.findByRole('feed');
    await within(feed).findByText('Second');
    const articles = within(feed).getAllByRole('article');
    expect([...feed.children].every((child) => child.tagName === 'ARTICLE')).toBe(true);
    expect(articles.map((a) => [a.getAttribute('aria-posinset'), a.getAttribute('aria-setsize')])).toEqual([
      ['1', '-1'],
      ['2', '-1'],
    ]);
    articles[0].focus();
    await userEvent.keyboard('{PageDown}');
    expect(document.activeElement).toBe(articles[1]);
    await userEvent.keyboard('{PageUp}');
    expect(document.activeElement).toBe(articles[0]);
  });

  it('follows nextCursor on "Load more" without duplicates', async () => {
    const getHistory = vi.fn(async (_id: string, query: { cursor?: string | null }) =>
      query.cursor
        ? page({ items: [historyItem({ id: 'm:2', subject: 'Second' }), historyItem({ id: 'm:3', subject: 'Third' })] })
        : page({ items: [historyItem({ id: 'm:1', subject: 'First' }), historyItem({ id: 'm:2', subject: 'Second' })], nextCursor: 'c1' }),
    );
    const api = fakeApi({ getHistory });
    renderInPane(<HistoryTimeline api={api} office={{ openMessage: vi.fn() }} clientId="c-ana" />);

    await screen.findByText('First');
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByText('Third');
    expect(screen.getAllByText('Second')).toHaveLength(1);
    expect(screen.getAllByTestId('timeline-item')).toHaveLength(3);
    expect(getHistory.mock.calls.map((c) => c[1].cursor ?? null)).toEqual([null, 'c1']);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('renders email text as text, opens mailbox emails in Outlook and shows record events as sentences', async () => {
    const openMessage = vi.fn();
    const api = fakeApi({
      getHistory: async () =>
        page({
          items: [
            historyItem({ id: 'm:1', subject: '<b>bold?</b>', preview: '<img src=x onerror=alert(1)>', itemId: 'AAMk1' }),
            historyItem({ id: 'e:1', kind: 'event', source: 'record', subject: null, from: null, itemId: null, event: { type: 'created', actorId: 'u', address: null, as: null, label: null, properties: null } }),
          ],
        }),
    });
    renderInPane(<HistoryTimeline api={api} office={{ openMessage }} clientId="c-ana" />);

    expect(await screen.findByText('<b>bold?</b>')).toBeTruthy();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('Record created')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: /Open in Outlook/ }));
    expect(openMessage).toHaveBeenCalledWith('AAMk1');
  });

  it('names the team member behind a change or a saved email, and nobody for the client\'s own steps', async () => {
    const event = (type: 'created' | 'intakeCompleted', actorName: string | null) =>
      historyItem({ id: `e:${type}`, kind: 'event', source: 'record', subject: null, from: null, itemId: null, actorName,
        event: { type, actorId: 'u', address: null, as: null, label: 'Intake', properties: null } });
    const api = fakeApi({
      getHistory: async () =>
        page({
          items: [
            event('intakeCompleted', null),
            historyItem({ id: 's:1', kind: 'saved-email', source: 'team', inMailbox: false, savedEmailId: 's1', actorName: 'Bruno Recepção' }),
            event('created', 'Dra. Ana Lima'),
          ],
        }),
    });
    renderInPane(<HistoryTimeline api={api} office={{ openMessage: vi.fn() }} clientId="c-ana" />, 'pt-BR');

    expect(await screen.findByText('Salvo na ficha por Bruno Recepção')).toBeTruthy();
    expect(screen.getByText('por Dra. Ana Lima')).toBeTruthy();
    const completed = screen.getAllByTestId('timeline-item').find((li) => li.dataset.kind === 'event' && /concluído|preenchido/i.test(li.textContent ?? ''));
    expect(completed?.textContent).not.toMatch(/\bpor\b/);
  });

  it('warns when the mailbox is unavailable and retries', async () => {
    const getHistory = vi
      .fn()
      .mockResolvedValueOnce(page({ sources: { mailbox: 'unavailable' }, items: [historyItem({ id: 's:1', kind: 'saved-email', savedEmailId: 'se1', inMailbox: false })] }))
      .mockResolvedValueOnce(page({ items: [historyItem()] }));
    const api = fakeApi({ getHistory: getHistory as never });
    renderInPane(<HistoryTimeline api={api} office={{ openMessage: vi.fn() }} clientId="c-ana" />);

    expect(await screen.findByText(/could not be loaded right now; showing saved emails and record events/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByText(/could not be loaded right now/)).toBeNull());
    expect(getHistory).toHaveBeenCalledTimes(2);
  });

  it('asks for mailbox consent through the auth seam and explains when it cannot', async () => {
    const requestMailboxConsent = vi.fn(async () => false);
    const api = fakeApi({ getHistory: async () => page({ sources: { mailbox: 'consent-required' }, mailboxChallenge: { scopes: ['Mail.Read'], claims: 'c' } }) });
    renderInPane(<HistoryTimeline api={api} office={{ openMessage: vi.fn() }} clientId="c-ana" requestMailboxConsent={requestMailboxConsent} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Grant access' }));
    expect(requestMailboxConsent).toHaveBeenCalledWith({ scopes: ['Mail.Read'], claims: 'c' });
    expect(await screen.findByText(/only when you are signed in with Microsoft 365/)).toBeTruthy();
  });

  it('removes a saved email after confirmation', async () => {
    const api = fakeApi({
      getHistory: async () => page({ items: [historyItem({ id: 's:1', kind: 'saved-email', subject: 'Receipt', savedEmailId: 'se1', inMailbox: false })] }),
      unsaveEmail: async () => undefined,
    });
    renderInPane(<HistoryTimeline api={api} office={{ openMessage: vi.fn() }} clientId="c-ana" />);

    await userEvent.click(await screen.findByRole('button', { name: 'Remove from record' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove this email from the record?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByText('Receipt')).toBeNull());
    expect(api.unsaveEmail).toHaveBeenCalledWith('c-ana', 'se1');
    expect(screen.getByText('No emails or record events yet.')).toBeTruthy();
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import { handleMessageSend, sendBudgetMs, type SendEventDeps } from './handler';

const fakeEvent = () => ({ completed: vi.fn() });

function deps(overrides: Partial<SendEventDeps> = {}): SendEventDeps {
  return {
    readSendKey: async () => 'k'.repeat(32),
    stampSendKey: vi.fn(async () => undefined),
    recipients: async () => ['ana@example.com'],
    saveOnSendDefault: () => false,
    newKey: () => 'n'.repeat(32),
    report: vi.fn(async () => undefined),
    ...overrides,
  };
}

/** The real API client over a fetch the test controls: the token call answers, the service does not. */
function apiOver(serviceFetch: (input: string, init?: RequestInit) => Promise<Response>) {
  const api = createApiClient({ tokens: { getToken: async () => 'token' }, fetch: serviceFetch as typeof fetch });
  return (key: string, recipients: string[], signal: AbortSignal) => api.reportSend(key, recipients, signal);
}

afterEach(() => vi.useRealTimers());

describe('the OnMessageSend handler', () => {
  it('reports the draft chosen in the pane and lets the email go', async () => {
    const event = fakeEvent();
    const d = deps();
    await handleMessageSend(event, d);
    expect(d.report).toHaveBeenCalledWith('k'.repeat(32), ['ana@example.com'], expect.any(AbortSignal));
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledWith({ allowEvent: true });
  });

  it('without a choice and with the default off, lets the email go without calling the service', async () => {
    const event = fakeEvent();
    const d = deps({ readSendKey: async () => null });
    await handleMessageSend(event, d);
    expect(d.report).not.toHaveBeenCalled();
    expect(d.stampSendKey).not.toHaveBeenCalled();
    expect(event.completed).toHaveBeenCalledWith({ allowEvent: true });
  });

  it('with the default on, stamps a new send key and reports it with the recipients', async () => {
    const event = fakeEvent();
    const d = deps({ readSendKey: async () => null, saveOnSendDefault: () => true });
    await handleMessageSend(event, d);
    expect(d.stampSendKey).toHaveBeenCalledWith('n'.repeat(32));
    expect(d.report).toHaveBeenCalledWith('n'.repeat(32), ['ana@example.com'], expect.any(AbortSignal));
    expect(event.completed).toHaveBeenCalledExactlyOnceWith({ allowEvent: true });
  });

  it('lets the email go when the service is unreachable (fetch rejects)', async () => {
    const event = fakeEvent();
    await handleMessageSend(event, deps({ report: apiOver(() => Promise.reject(new TypeError('Failed to fetch'))) }));
    expect(event.completed).toHaveBeenCalledExactlyOnceWith({ allowEvent: true });
  });

  it('lets the email go when the service answers an error', async () => {
    const event = fakeEvent();
    await handleMessageSend(event, deps({ report: apiOver(async () => new Response('{"code":"internal-error"}', { status: 503, headers: { 'Content-Type': 'application/problem+json' } })) }));
    expect(event.completed).toHaveBeenCalledExactlyOnceWith({ allowEvent: true });
  });

  it('lets the email go when Office fails to read the draft', async () => {
    const event = fakeEvent();
    const d = deps({ readSendKey: () => Promise.reject(new Error('Office could not read the headers')) });
    await handleMessageSend(event, d);
    expect(d.report).not.toHaveBeenCalled();
    expect(event.completed).toHaveBeenCalledExactlyOnceWith({ allowEvent: true });
  });

  it('lets the email go once its budget is spent when the service hangs, and stops waiting for it', async () => {
    vi.useFakeTimers();
    const event = fakeEvent();
    let aborted = false;
    const hanging = apiOver((_url, init) => new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => {
        aborted = true;
        reject(new DOMException('aborted', 'AbortError'));
      });
    }));
    const done = handleMessageSend(event, deps({ report: hanging }));
    await vi.advanceTimersByTimeAsync(sendBudgetMs - 1);
    expect(event.completed).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(event.completed).toHaveBeenCalledExactlyOnceWith({ allowEvent: true });
    expect(aborted).toBe(true);
    await done;
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('lets the email go even when a report never settles and ignores the signal', async () => {
    vi.useFakeTimers();
    const event = fakeEvent();
    void handleMessageSend(event, deps({ report: () => new Promise(() => undefined) }));
    await vi.advanceTimersByTimeAsync(sendBudgetMs);
    expect(event.completed).toHaveBeenCalledExactlyOnceWith({ allowEvent: true });
  });

  it('keeps the budget at three seconds or less', () => {
    expect(sendBudgetMs).toBeLessThanOrEqual(3000);
  });
});

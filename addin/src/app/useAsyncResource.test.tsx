import { act, renderHook, waitFor } from '@testing-library/react';
import { useCallback } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useAsyncResource, type AsyncResourceOptions } from './useAsyncResource';

/** A request whose answer the test gives when it wants, remembering the signal it was sent with. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function requests() {
  const sent: { key: string; signal: AbortSignal; answer: ReturnType<typeof deferred<string>> }[] = [];
  const fetch = vi.fn((key: string, signal: AbortSignal) => {
    const answer = deferred<string>();
    sent.push({ key, signal, answer });
    return answer.promise;
  });
  return { sent, fetch };
}

function mount(fetch: (key: string, signal: AbortSignal) => Promise<string>, key = 'a', options?: AsyncResourceOptions<string>) {
  return renderHook(
    ({ id }: { id: string }) => {
      const load = useCallback((signal: AbortSignal) => fetch(id, signal), [id]);
      return useAsyncResource(load, options);
    },
    { initialProps: { id: key } },
  );
}

describe('async resource', () => {
  it('loads, and drops the answer for the previous key when the key changes (its request is aborted)', async () => {
    const { sent, fetch } = requests();
    const { result, rerender } = mount(fetch);
    expect(result.current.state).toEqual({ kind: 'loading' });

    rerender({ id: 'b' });
    expect(sent.map((s) => s.key)).toEqual(['a', 'b']);
    expect(sent[0].signal.aborted).toBe(true);

    await act(async () => sent[1].answer.resolve('answer b'));
    await act(async () => sent[0].answer.resolve('answer a'));
    expect(result.current.state).toEqual({ kind: 'ready', value: 'answer b' });
  });

  it('shows an error, and a reload then shows the answer', async () => {
    const { sent, fetch } = requests();
    const { result } = mount(fetch);
    const failure = new Error('offline');
    await act(async () => sent[0].answer.reject(failure));
    expect(result.current.state).toEqual({ kind: 'error', error: failure });

    let reloaded!: Promise<void>;
    act(() => {
      reloaded = result.current.reload();
    });
    expect(result.current.state).toEqual({ kind: 'loading' });
    await act(async () => {
      sent[1].answer.resolve('second try');
      await reloaded;
    });
    expect(result.current.state).toEqual({ kind: 'ready', value: 'second try' });
  });

  it('keeps the value shown while reloading when asked to, and a reload started later wins over an earlier one', async () => {
    const { sent, fetch } = requests();
    const { result } = mount(fetch, 'a', { keepWhileReloading: true });
    await act(async () => sent[0].answer.resolve('first'));

    act(() => void result.current.reload());
    act(() => void result.current.reload());
    expect(result.current.state).toEqual({ kind: 'ready', value: 'first' });
    expect(sent[1].signal.aborted).toBe(true);
    await act(async () => sent[2].answer.resolve('third'));
    await act(async () => sent[1].answer.resolve('second'));
    expect(result.current.state).toEqual({ kind: 'ready', value: 'third' });
  });

  it('aborts the request on unmount and never shows its late answer', async () => {
    const { sent, fetch } = requests();
    const onLoaded = vi.fn();
    const { result, unmount } = mount(fetch, 'a', { onLoaded });
    const before = result.current.state;
    unmount();
    expect(sent[0].signal.aborted).toBe(true);
    await act(async () => sent[0].answer.resolve('late'));
    expect(result.current.state).toBe(before);
    expect(onLoaded).not.toHaveBeenCalled();
  });

  it('set() drops a load still on its way; update() edits only a loaded value; stillCurrent() turns false after a reload, set or dropPending', async () => {
    const { sent, fetch } = requests();
    const { result } = mount(fetch);
    act(() => result.current.update((v) => `${v}!`));
    expect(result.current.state).toEqual({ kind: 'loading' });

    const taken = result.current.stillCurrent();
    act(() => result.current.set((previous) => `set over ${previous}`));
    expect(taken()).toBe(false);
    expect(sent[0].signal.aborted).toBe(true);
    await act(async () => sent[0].answer.resolve('old answer'));
    expect(result.current.state).toEqual({ kind: 'ready', value: 'set over null' });

    act(() => result.current.update((v) => `${v}!`));
    expect(result.current.state).toEqual({ kind: 'ready', value: 'set over null!' });
    const again = result.current.stillCurrent();
    expect(again()).toBe(true);
    act(() => void result.current.reload());
    expect(again()).toBe(false);
    expect(sent[1].signal.aborted).toBe(false);

    const beforeDrop = result.current.stillCurrent();
    act(() => result.current.dropPending());
    expect(beforeDrop()).toBe(false);
    expect(sent[1].signal.aborted).toBe(true);
    await act(async () => sent[1].answer.resolve('dropped'));
    expect(result.current.state).toEqual({ kind: 'loading' });
  });

  it('calls onLoaded with the value, once it is shown, with a check that turns false on the next load', async () => {
    const { sent, fetch } = requests();
    const seen: { value: string; isCurrent: () => boolean }[] = [];
    const { result } = mount(fetch, 'a', { onLoaded: (value, _signal, isCurrent) => seen.push({ value, isCurrent }) });
    await act(async () => sent[0].answer.resolve('one'));
    await waitFor(() => expect(seen.map((s) => s.value)).toEqual(['one']));
    expect(seen[0].isCurrent()).toBe(true);
    act(() => void result.current.reload());
    expect(seen[0].isCurrent()).toBe(false);
  });
});

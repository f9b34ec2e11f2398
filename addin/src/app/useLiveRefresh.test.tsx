import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLiveRefresh, type LiveRefreshOptions } from './useLiveRefresh';

let visibility: DocumentVisibilityState = 'visible';
const setVisibility = (state: DocumentVisibilityState) => {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
};
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

function mount(options: Partial<LiveRefreshOptions> & Pick<LiveRefreshOptions, 'refresh'>) {
  return renderHook((props: LiveRefreshOptions) => useLiveRefresh(props), { initialProps: { active: true, ...options } });
}

describe('live refresh', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    visibility = 'visible';
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('polls while active, backing off from 15 s to 60 s while nothing changes, and back to 15 s after a change', async () => {
    const answers = [false, false, false, false, true, false];
    const refresh = vi.fn(async () => answers.shift() ?? false);
    mount({ refresh });

    await advance(14_999);
    expect(refresh).toHaveBeenCalledTimes(0);
    await advance(1);
    expect(refresh).toHaveBeenCalledTimes(1); // 15 s
    await advance(30_000);
    expect(refresh).toHaveBeenCalledTimes(2); // +30 s
    await advance(59_999);
    expect(refresh).toHaveBeenCalledTimes(2);
    await advance(1);
    expect(refresh).toHaveBeenCalledTimes(3); // +60 s
    await advance(60_000);
    expect(refresh).toHaveBeenCalledTimes(4); // stays at 60 s
    await advance(60_000);
    expect(refresh).toHaveBeenCalledTimes(5); // this one found a change
    await advance(15_000);
    expect(refresh).toHaveBeenCalledTimes(6);
  });

  it('does not poll when nothing is pending, yet refreshes when the pane regains focus', async () => {
    const refresh = vi.fn(async () => false);
    mount({ refresh, active: false });
    await advance(10 * 60_000);
    expect(refresh).not.toHaveBeenCalled();

    window.dispatchEvent(new Event('focus'));
    await advance(0);
    expect(refresh).toHaveBeenCalledTimes(1);
    await advance(10 * 60_000);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('stops polling when it becomes inactive', async () => {
    const refresh = vi.fn(async () => false);
    const { rerender } = mount({ refresh });
    await advance(15_000);
    expect(refresh).toHaveBeenCalledTimes(1);
    rerender({ refresh, active: false });
    await advance(10 * 60_000);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('stops while the pane is hidden and refreshes as soon as it is shown again', async () => {
    const refresh = vi.fn(async () => false);
    mount({ refresh });
    setVisibility('hidden');
    await advance(10 * 60_000);
    expect(refresh).not.toHaveBeenCalled();

    setVisibility('visible');
    await advance(0);
    expect(refresh).toHaveBeenCalledTimes(1);
    // Shown again: the interval starts over from its shortest.
    await advance(30_000);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('refreshes at most once per 5 s for focus, and never runs two refreshes at once', async () => {
    let finish: (changed: boolean) => void = () => {};
    const refresh = vi.fn(() => new Promise<boolean>((resolve) => (finish = resolve)));
    mount({ refresh, active: false });

    window.dispatchEvent(new Event('focus'));
    window.dispatchEvent(new Event('focus'));
    await advance(0);
    expect(refresh).toHaveBeenCalledTimes(1);
    await act(async () => finish(false));

    await advance(4_000);
    window.dispatchEvent(new Event('focus'));
    await advance(0);
    expect(refresh).toHaveBeenCalledTimes(1);
    await advance(1_000);
    window.dispatchEvent(new Event('focus'));
    await advance(0);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('keeps polling after a failed refresh, and nothing runs after unmount', async () => {
    const refresh = vi.fn(async () => {
      throw new Error('offline');
    });
    const { unmount } = mount({ refresh });
    await advance(15_000);
    await advance(30_000);
    expect(refresh).toHaveBeenCalledTimes(2);

    unmount();
    window.dispatchEvent(new Event('focus'));
    setVisibility('visible');
    await advance(10 * 60_000);
    expect(refresh).toHaveBeenCalledTimes(2);
  });
});

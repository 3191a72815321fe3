import { act, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstScreenCalls } from '../../renderer/app/firstScreenCalls';
import { useCachedSnapshot } from '../../renderer/common/offline/useCachedSnapshot';
import { BridgeProvider } from '../../renderer/ipc/BridgeContext';
import { HEAD_START_MS, withHeadStart } from '../../renderer/ipc/headStart';
import { FIRST_ROWS } from '../../renderer/tokens/restOfList';
import { seededFake } from './fake-bridge';
import { renderApp } from './render';

afterEach(() => {
  vi.useRealTimers();
});

describe('the first screen calls main ahead of React', () => {
  it('sends each call once, before anything renders, and hands the answer to the first matching call', async () => {
    const fake = seededFake();
    let clock = 0;
    const bridge = withHeadStart(fake.bridge, [['session.state'], ['tokens.list', { firstRows: 2 }]], () => clock);
    expect(fake.callsOf('tokens.list')).toEqual([{ firstRows: 2 }]);
    expect(fake.callsOf('session.state')).toHaveLength(1);

    const taken = await bridge.tokens.list({ firstRows: 2 });
    expect(taken.ok).toBe(true);
    expect(fake.callsOf('tokens.list')).toHaveLength(1);
    // Taken once: the next call, and a call with other arguments, go to main.
    await bridge.tokens.list({ firstRows: 2 });
    await bridge.tokens.list({ full: true });
    expect(fake.callsOf('tokens.list')).toEqual([{ firstRows: 2 }, { firstRows: 2 }, { full: true }]);

    // An answer left waiting too long is not taken: it may be stale.
    clock = HEAD_START_MS + 1;
    await bridge.session.state();
    expect(fake.callsOf('session.state')).toHaveLength(2);
  });

  it('asks again when the call made ahead failed', async () => {
    const fake = seededFake().failNext('tokens.list', 'timeout');
    const bridge = withHeadStart(fake.bridge, [['tokens.list', { firstRows: 2 }]]);
    const answer = await bridge.tokens.list({ firstRows: 2 });
    expect(answer.ok).toBe(true);
    expect(fake.callsOf('tokens.list')).toHaveLength(2);
  });

  it('makes the token list take its first rows from the call made ahead', async () => {
    const fake = seededFake();
    renderApp({ ...fake, bridge: withHeadStart(fake.bridge, firstScreenCalls('tokens')) } as typeof fake);
    expect(await screen.findByRole('table', { name: 'Identification tokens' }, { timeout: 5000 })).toBeInTheDocument();
    expect(fake.callsOf('tokens.list')).toEqual([{ firstRows: FIRST_ROWS }]);
    expect(fake.callsOf('roles.list')).toHaveLength(1);
    expect(firstScreenCalls('roles').map(([channel]) => channel)).not.toContain('tokens.list');
  });

  it('asks for the token policy with the list, not once the list is drawn', async () => {
    // Asked only once the rows were drawn, its answer drew every row again at once, with
    // every token checked against the policy a second time.
    const fake = seededFake();
    const release = fake.hold('tokens.list');
    renderApp(fake);
    await waitFor(() => expect(fake.callsOf('policy.get')).toHaveLength(1));
    expect(screen.queryByRole('table', { name: 'Identification tokens' })).toBeNull();
    release();
    expect(await screen.findByRole('table', { name: 'Identification tokens' }, { timeout: 5000 })).toBeInTheDocument();
    expect(fake.callsOf('policy.get')).toHaveLength(1);
  });
});

describe('the saved copy while connected', () => {
  it('is asked for only once the list has kept the page waiting past the grace', () => {
    vi.useFakeTimers();
    const fake = seededFake();
    const wrapper = ({ children }: { children: ReactNode }) => <BridgeProvider bridge={fake.bridge}>{children}</BridgeProvider>;
    const { rerender } = renderHook(({ active }: { active: boolean }) => useCachedSnapshot('p1', active, '0', 100), { wrapper, initialProps: { active: true } });
    act(() => vi.advanceTimersByTime(99));
    // The list answered within the grace: the copy is not wanted any more, and never asked for.
    rerender({ active: false });
    act(() => vi.advanceTimersByTime(1_000));
    expect(fake.callsOf('inventory.cached')).toEqual([]);
    rerender({ active: true });
    act(() => vi.advanceTimersByTime(100));
    expect(fake.callsOf('inventory.cached')).toEqual([{ profileId: 'p1' }]);
  });
});

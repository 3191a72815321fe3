import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { ConfigProvider } from 'antd';
import { StrictMode, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/app/App';
import { firstScreenCalls } from '../../renderer/app/firstScreenCalls';
import { useCachedSnapshot } from '../../renderer/common/offline/useCachedSnapshot';
import { useSession } from '../../renderer/common/SessionContext';
import { BridgeProvider } from '../../renderer/ipc/BridgeContext';
import { useExpiringCount } from '../../renderer/layout/useExpiringCount';
import { SessionProvider } from '../../renderer/session/SessionProvider';
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
    const { bridge } = withHeadStart(fake.bridge, [['session.state'], ['tokens.list', { firstRows: 2 }]], () => clock);
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
    const { bridge } = withHeadStart(fake.bridge, [['tokens.list', { firstRows: 2 }]]);
    const answer = await bridge.tokens.list({ firstRows: 2 });
    expect(answer.ok).toBe(true);
    expect(fake.callsOf('tokens.list')).toHaveLength(2);
  });

  it('makes the token list take its first rows from the call made ahead', async () => {
    const fake = seededFake();
    renderApp({ ...fake, bridge: withHeadStart(fake.bridge, firstScreenCalls('tokens')).bridge } as typeof fake);
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

describe('answers already in when React first draws', () => {
  it('are taken once, only when in, successful and fresh', async () => {
    const fake = seededFake().failNext('roles.list', 'timeout');
    const release = fake.hold('settings.org');
    let clock = 0;
    const headStart = withHeadStart(fake.bridge, [['session.state'], ['roles.list'], ['settings.org'], ['policy.get']], () => clock);
    // Not in yet: the component calls the bridge, which still takes the call made ahead.
    expect(headStart.answers.take('session.state')).toBeUndefined();
    await headStart.settled(50);
    expect(headStart.answers.take('session.state')).toMatchObject({ status: 'signedIn' });
    expect(headStart.answers.take('session.state')).toBeUndefined();
    // Taken: a later call goes to main.
    await headStart.bridge.session.state();
    expect(fake.callsOf('session.state')).toHaveLength(2);
    // A failed call is not an answer; the bridge asks again.
    expect(headStart.answers.take('roles.list')).toBeUndefined();
    expect((await headStart.bridge.roles.list()).ok).toBe(true);
    expect(fake.callsOf('roles.list')).toHaveLength(2);
    // Still held by main: settled gave up waiting for it; its answer is taken by the call.
    expect(headStart.answers.take('settings.org')).toBeUndefined();
    release();
    expect((await headStart.bridge.settings.org()).ok).toBe(true);
    expect(fake.callsOf('settings.org')).toHaveLength(1);
    // In, but waiting past HEAD_START_MS: it may be stale.
    clock = HEAD_START_MS + 1;
    expect(headStart.answers.take('policy.get')).toBeUndefined();
  });

  it('settle once every call made ahead has answered, or when the wait is over', async () => {
    const fake = seededFake();
    const release = fake.hold('tokens.list');
    const headStart = withHeadStart(fake.bridge, firstScreenCalls('tokens'));
    let settled = false;
    void headStart.settled(60_000).then(() => {
      settled = true;
    });
    await waitFor(() => expect(headStart.answers.take('roles.list')).toBeDefined());
    expect(settled).toBe(false);
    release();
    await waitFor(() => expect(settled).toBe(true));

    const stuck = seededFake();
    stuck.hold('session.state');
    const started = performance.now();
    await withHeadStart(stuck.bridge, [['session.state']]).settled(30);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('draw the signed-in token list in the first render, asking main for nothing again', async () => {
    const fake = seededFake();
    const headStart = withHeadStart(fake.bridge, firstScreenCalls('tokens'));
    await headStart.settled(5_000);
    const drawn: string[] = [];
    const observer = new MutationObserver(() => {
      if (screen.queryByLabelText('Starting') !== null) drawn.push('starting');
      if (screen.queryByLabelText('Loading tokens') !== null) drawn.push('loading');
    });
    observer.observe(document.body, { subtree: true, childList: true });
    render(
      <StrictMode>
        <ConfigProvider theme={{ zeroRuntime: true }}>
          <App bridge={headStart.bridge} first={headStart.answers} />
        </ConfigProvider>
      </StrictMode>,
    );
    // No waiting: the first commit has the rows.
    expect(screen.getByRole('table', { name: 'Identification tokens' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: `Edit ${fake.tokens[0]?.name ?? ''}` })).toBeInTheDocument();
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    observer.disconnect();
    expect(drawn).toEqual([]);
    // Read again once their events are listened for (below); nothing else is asked twice.
    const reread = new Set(['session.state', 'reminders.status']);
    for (const [channel] of firstScreenCalls('tokens')) if (!reread.has(channel)) expect(fake.callsOf(channel), channel).toHaveLength(1);
  });

  it('are read again once their events are listened for: a change meanwhile was told to no one', async () => {
    const fake = seededFake();
    fake.goOffline();
    const headStart = withHeadStart(fake.bridge, [['session.state'], ['reminders.status']]);
    await headStart.settled(5_000);
    // Before the first render: nothing listens yet.
    fake.goOnline();
    fake.reminderStatus = { expiringSoon: 4, horizonDays: 7, checkedAt: '2026-12-04T10:00:00.000Z' };
    fake.emit('reminders.changed', fake.reminderStatus);
    const wrapper = ({ children }: { children: ReactNode }) => (
      <BridgeProvider bridge={headStart.bridge} first={headStart.answers}>
        <SessionProvider>{children}</SessionProvider>
      </BridgeProvider>
    );
    const { result } = renderHook(() => ({ connection: useSession().connection, count: useExpiringCount()?.expiringSoon }), { wrapper });
    // The first render has the answers as they were.
    expect(result.current).toEqual({ connection: 'offline', count: 0 });
    await waitFor(() => expect(result.current).toEqual({ connection: 'online', count: 4 }));
  });
});

describe('the expiry count', () => {
  it('keeps the later of main\'s looks when an answer and an event cross', async () => {
    const fake = seededFake();
    const release = fake.hold('reminders.status');
    const wrapper = ({ children }: { children: ReactNode }) => <BridgeProvider bridge={fake.bridge}>{children}</BridgeProvider>;
    const { result } = renderHook(() => useExpiringCount(), { wrapper });
    await waitFor(() => expect(fake.callsOf('reminders.status')).toHaveLength(1));
    // A look ends after the call was answered but before the answer arrived.
    fake.emit('reminders.changed', { expiringSoon: 4, horizonDays: 7, checkedAt: '2026-12-04T10:00:00.000Z' });
    await waitFor(() => expect(result.current?.expiringSoon).toBe(4));
    fake.reminderStatus = { expiringSoon: 9, horizonDays: 7, checkedAt: '2026-12-04T09:00:00.000Z' };
    release();
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(result.current?.expiringSoon).toBe(4);
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

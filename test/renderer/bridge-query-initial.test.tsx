import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { BridgeProvider } from '../../renderer/ipc/BridgeContext';
import { useBridgeQuery } from '../../renderer/ipc/useBridgeQuery';
import { seededFake } from './fake-bridge';

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 20)));

describe('a query whose data was already in when it mounted', () => {
  it('shows it from the first render and loads only when the key moves on or a reload asks', async () => {
    const fake = seededFake();
    const wrapper = ({ children }: { children: ReactNode }) => <BridgeProvider bridge={fake.bridge}>{children}</BridgeProvider>;
    const initial = await fake.bridge.roles.list();
    if (!initial.ok) throw new Error('the fake has roles');
    const before = fake.callsOf('roles.list').length;
    const { result, rerender } = renderHook(({ key }: { key: string }) => useBridgeQuery((bridge) => bridge.roles.list(), key, initial.value), { wrapper, initialProps: { key: '0' } });
    expect(result.current).toMatchObject({ status: 'success', data: initial.value });
    await settle();
    expect(fake.callsOf('roles.list')).toHaveLength(before);

    rerender({ key: '1' });
    await waitFor(() => expect(fake.callsOf('roles.list')).toHaveLength(before + 1));
    // Back to the first key: the data it started with may be old by now.
    rerender({ key: '0' });
    await waitFor(() => expect(fake.callsOf('roles.list')).toHaveLength(before + 2));
    act(() => result.current.refresh());
    await waitFor(() => expect(fake.callsOf('roles.list')).toHaveLength(before + 3));
  });

  it('loads at mount without it', async () => {
    const fake = seededFake();
    const wrapper = ({ children }: { children: ReactNode }) => <BridgeProvider bridge={fake.bridge}>{children}</BridgeProvider>;
    const { result } = renderHook(() => useBridgeQuery((bridge) => bridge.roles.list()), { wrapper });
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(fake.callsOf('roles.list')).toHaveLength(1);
  });
});

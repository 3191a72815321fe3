import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { BridgeProvider } from '../../renderer/ipc/BridgeContext';
import type { Query } from '../../renderer/ipc/useBridgeQuery';
import { useRestOfList } from '../../renderer/tokens/useRestOfList';
import type { TokenListResult } from '../../shared/ipc/contract';
import type { ErrorCode } from '../../shared/ipc/errors';
import { seededFake } from './fake-bridge';
import { holdFrames } from './held-frames';

const held = holdFrames();

// The first answer of a long list: its first rows, the others to ask for under `listId`.
const firstAnswer = (): Query<TokenListResult, ErrorCode> => ({
  status: 'success',
  data: { items: [], total: 2_000, fetchedAt: '2026-12-03T10:00:00.000Z', rest: { listId: 'list-1' } },
  reload: () => undefined,
  refresh: () => undefined,
  refreshing: false,
  update: () => undefined,
});

describe('the rest of a long list', () => {
  it('is asked for once the frame with the first rows is painted, not before', async () => {
    const fake = seededFake();
    const wrapper = ({ children }: { children: ReactNode }) => <BridgeProvider bridge={fake.bridge}>{children}</BridgeProvider>;
    renderHook(() => useRestOfList(firstAnswer()), { wrapper });
    await vi.advanceTimersByTimeAsync(50);
    expect(fake.callsOf('tokens.listRest')).toEqual([]);
    // The frame is painted; the task after it asks.
    held.frames.shift()?.(performance.now());
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.callsOf('tokens.listRest')).toEqual([{ listId: 'list-1', offset: 0 }]);
  });
});

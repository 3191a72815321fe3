import { describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from '../../renderer/common/afterNextPaint';
import { holdFrames } from './held-frames';

const held = holdFrames();

const settled = (promise: Promise<void>): { done: boolean } => {
  const state = { done: false };
  void promise.then(() => (state.done = true));
  return state;
};

describe('waiting for the next frame to be painted', () => {
  it('resolves in the task after the frame, not before it', async () => {
    const waiting = settled(afterNextPaint());
    await vi.advanceTimersByTimeAsync(50);
    expect(waiting.done).toBe(false);
    held.frames.shift()?.(performance.now());
    // The frame's own callback runs before it is painted: the work waits one task more.
    await Promise.resolve();
    expect(waiting.done).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(waiting.done).toBe(true);
  });

  it('resolves anyway in a window that paints no frames (hidden)', async () => {
    const waiting = settled(afterNextPaint());
    await vi.advanceTimersByTimeAsync(99);
    expect(waiting.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(waiting.done).toBe(true);
  });
});

import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Fake timers, and animation frames that run only when the test runs them: `frames` holds the
 * callbacks asked for, in order. For code that waits for a frame to be painted.
 */
export function holdFrames(): { frames: FrameRequestCallback[] } {
  const held = { frames: [] as FrameRequestCallback[] };
  beforeEach(() => {
    vi.useFakeTimers();
    held.frames = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => held.frames.push(callback));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  return held;
}

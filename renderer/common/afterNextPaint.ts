// A frame can be painted only when the main thread is free. Work that can wait for it (the rest
// of a long list, after its first rows) waits: the frame first, then the work.
const MOST_MS = 100;

/**
 * Resolves once the next frame has been painted: a task queued from the frame's animation
 * callback runs after it. A hidden window paints no frames, so it resolves after MOST_MS anyway.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, MOST_MS);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

/** The window's inner height, kept current on resize. */
export function useViewportHeight(): number {
  return useSyncExternalStore(subscribe, () => window.innerHeight);
}

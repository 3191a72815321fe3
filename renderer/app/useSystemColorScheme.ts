import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

const isDark = (): boolean => window.matchMedia(QUERY).matches;

/** Follows the operating system's light/dark choice as it changes. */
export function useSystemColorScheme(): 'light' | 'dark' {
  return useSyncExternalStore(subscribe, isDark) ? 'dark' : 'light';
}

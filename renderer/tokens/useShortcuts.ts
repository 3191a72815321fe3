import { useEffect, useRef } from 'react';

// While a drawer or dialog is open the list behind it is out of reach, shortcuts included.
const modalOpen = (): boolean => document.querySelector('[aria-modal="true"]') !== null;

/** Ctrl/Cmd+N, Ctrl/Cmd+F and F5 or Ctrl/Cmd+R (refresh, not a page reload) on the token list. */
export function useShortcuts(handlers: { onNew: () => void; onFind: () => void; onRefresh?: () => void }): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'F5' && !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey && !modalOpen()) {
        // Reloading the page would lose the session's screen state: the list reloads instead.
        event.preventDefault();
        latest.current.onRefresh?.();
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || modalOpen()) return;
      const key = event.key.toLowerCase();
      if (key === 'n') {
        event.preventDefault();
        latest.current.onNew();
      } else if (key === 'f') {
        event.preventDefault();
        latest.current.onFind();
      } else if (key === 'r') {
        event.preventDefault();
        latest.current.onRefresh?.();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

import { useEffect, useRef } from 'react';

// While a drawer or dialog is open the list behind it is out of reach, shortcuts included.
const modalOpen = (): boolean => document.querySelector('[aria-modal="true"]') !== null;

/** Ctrl/Cmd+N and Ctrl/Cmd+F on the token list. */
export function useShortcuts(handlers: { onNew: () => void; onFind: () => void }): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || modalOpen()) return;
      const key = event.key.toLowerCase();
      if (key === 'n') {
        event.preventDefault();
        latest.current.onNew();
      } else if (key === 'f') {
        event.preventDefault();
        latest.current.onFind();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

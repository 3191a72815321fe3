import { useCallback, useEffect, useState } from 'react';

type Lock = { until: number; now: number };

/** A lockout countdown: `start(seconds)` when the server says so; secondsLeft ticks down to 0. */
export function useLockout(): { secondsLeft: number; start: (seconds: number) => void } {
  const [lock, setLock] = useState<Lock | null>(null);
  const locked = lock !== null && lock.until > lock.now;

  useEffect(() => {
    if (!locked) return;
    const timer = window.setInterval(() => setLock((current) => (current ? { ...current, now: Date.now() } : current)), 1000);
    return () => window.clearInterval(timer);
  }, [locked]);

  const start = useCallback((seconds: number) => {
    const now = Date.now();
    setLock({ until: now + seconds * 1000, now });
  }, []);

  return { secondsLeft: lock ? Math.max(0, Math.ceil((lock.until - lock.now) / 1000)) : 0, start };
}

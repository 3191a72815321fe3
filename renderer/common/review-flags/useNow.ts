import { useEffect, useState } from 'react';

const HOUR_MS = 3_600_000;

/**
 * "Now" for review flags, moved on every hour: expiry is whole days and "unused" is 90 days,
 * so an hour is precise enough, and a console left open overnight does not show yesterday's
 * flags. Each tick recomputes the flags of every token, so not more often.
 */
export function useNow(intervalMs: number = HOUR_MS): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

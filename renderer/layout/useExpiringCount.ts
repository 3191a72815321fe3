import { useEffect, useState } from 'react';
import type { ReminderStatus } from '../../shared/ipc/reminders-contract';
import { useBridge, useFirstAnswer } from '../ipc/BridgeContext';

const lookedAt = (status: ReminderStatus): number => (status.checkedAt === null ? -Infinity : Date.parse(status.checkedAt));

/** Of two counts, the one from main's later look (an answer and an event may cross). */
const laterCount = (known: ReminderStatus | null, next: ReminderStatus): ReminderStatus => (known === null || lookedAt(next) > lookedAt(known) ? next : known);

/** Main's last count of tokens expiring within the reminder horizon, kept up to date. */
export function useExpiringCount(): ReminderStatus | null {
  const bridge = useBridge();
  const first = useFirstAnswer('reminders.status');
  const [status, setStatus] = useState<ReminderStatus | null>(first ?? null);
  useEffect(() => {
    let current = true;
    // Asked even when the first render had main's answer: a look that ended before anything
    // listened (the first rows' answer starts one) was told to no one.
    void bridge.reminders.status().then((result) => {
      if (current && result.ok) setStatus((known) => laterCount(known, result.value));
    });
    const stop = bridge.on('reminders.changed', (event) => setStatus(event));
    return () => {
      current = false;
      stop();
    };
  }, [bridge]);
  return status;
}

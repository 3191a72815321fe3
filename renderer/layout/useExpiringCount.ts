import { useEffect, useState } from 'react';
import type { ReminderStatus } from '../../shared/ipc/reminders-contract';
import { useBridge, useFirstAnswer } from '../ipc/BridgeContext';

/** Main's last count of tokens expiring within the reminder horizon, kept up to date. */
export function useExpiringCount(): ReminderStatus | null {
  const bridge = useBridge();
  const first = useFirstAnswer('reminders.status');
  const [status, setStatus] = useState<ReminderStatus | null>(first ?? null);
  useEffect(() => {
    let current = true;
    if (first === undefined) {
      void bridge.reminders.status().then((result) => {
        if (current && result.ok) setStatus((known) => known ?? result.value);
      });
    }
    const stop = bridge.on('reminders.changed', (event) => setStatus(event));
    return () => {
      current = false;
      stop();
    };
  }, [bridge, first]);
  return status;
}

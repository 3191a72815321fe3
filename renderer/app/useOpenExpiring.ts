import { useEffect, useRef } from 'react';
import { loadListPrefs, saveListPrefs } from '../common/token-list/listPrefs';
import { useBridge } from '../ipc/BridgeContext';
import { EXPIRING_SOON_DAYS } from '../../shared/domain';

/**
 * A click on the expiry notification: the token list, filtered on the tokens it spoke of —
 * "Expiring soon" at the 7-day horizon, "Expiring within N days" at another — with search and
 * other filters cleared so none of those tokens is hidden. `onOpen` shows the list again so it
 * reads the new filter.
 */
export function useOpenExpiring(onOpen: () => void): void {
  const bridge = useBridge();
  const open = useRef(onOpen);
  useEffect(() => {
    open.current = onOpen;
  });
  useEffect(
    () =>
      bridge.on('reminders.openExpiring', ({ horizonDays }) => {
        const soon = horizonDays === EXPIRING_SOON_DAYS;
        saveListPrefs({
          ...loadListPrefs(),
          search: '',
          status: soon ? 'expiring' : null,
          expiresWithinDays: soon ? null : horizonDays,
          roleId: null,
          reviewFlag: null,
        });
        open.current();
      }),
    [bridge],
  );
}

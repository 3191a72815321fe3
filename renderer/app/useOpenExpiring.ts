import { useEffect, useRef } from 'react';
import { loadListPrefs, saveListPrefs } from '../common/token-list/listPrefs';
import { useBridge } from '../ipc/BridgeContext';

/**
 * A click on the expiry notification: the token list, filtered on "Expiring soon" (search and
 * other filters cleared so none of those tokens is hidden). `onOpen` shows the list again so it
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
      bridge.on('reminders.openExpiring', () => {
        saveListPrefs({ ...loadListPrefs(), search: '', status: 'expiring', roleId: null, reviewFlag: null });
        open.current();
      }),
    [bridge],
  );
}

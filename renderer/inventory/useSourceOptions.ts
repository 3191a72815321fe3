import { useMemo } from 'react';
import { useBridgeQuery } from '../ipc/useBridgeQuery';
import { useSession, useSignedIn } from '../common/SessionContext';
import { useOpenedInventories } from './OpenedInventories';
import { LIVE_LABEL, cachedLabel, openedKey, type SourceKey } from './sources';

export type SourceOption = { value: SourceKey; label: string; disabled?: boolean };

/** The inventories at hand: live (when connected), the offline copy, and opened files. */
export function useSourceOptions(): { options: SourceOption[]; labelOf: (key: SourceKey) => string } {
  const { profile } = useSignedIn();
  const { connection } = useSession();
  const { opened } = useOpenedInventories();
  // Asked again when the connection changes: a load while connected refreshes the copy.
  const cached = useBridgeQuery((bridge) => bridge.inventory.cachedInfo({ profileId: profile.id }), connection);
  const cachedInfo = cached.status === 'success' ? cached.data : null;

  return useMemo(() => {
    const options: SourceOption[] = [
      { value: 'live', label: connection === 'online' ? LIVE_LABEL : `${LIVE_LABEL} (offline)`, disabled: connection !== 'online' },
      ...(cachedInfo === null ? [] : [{ value: 'cached' as const, label: cachedLabel(cachedInfo) }]),
      ...opened.map((entry) => ({ value: openedKey(entry.id), label: entry.label })),
    ];
    const labelOf = (key: SourceKey) => options.find((option) => option.value === key)?.label ?? key;
    return { options, labelOf };
  }, [connection, cachedInfo, opened]);
}

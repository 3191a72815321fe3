import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { formatDisplayDateTime } from '../../shared/domain';
import type { InventorySnapshot } from '../../shared/inventory';
import type { SignatureState } from '../../shared/inventory/signature';
import type { OpenedSnapshot } from '../../shared/ipc/inventory-contract';
import { useBridge } from '../ipc/BridgeContext';

export type OpenedInventory = { id: string; snapshot: InventorySnapshot; label: string; signature: SignatureState };

type Value = {
  opened: readonly OpenedInventory[];
  add: (file: OpenedSnapshot) => OpenedInventory;
  close: (id: string) => void;
};

// Main keeps this many opened files and forgets the oldest beyond: the list here follows suit.
const MAX_OPENED = 8;

const OpenedContext = createContext<Value | null>(null);

/** Inventory files opened in this session, kept while the user moves between sections. */
export function OpenedInventoriesProvider({ children }: { children: ReactNode }) {
  const bridge = useBridge();
  const [opened, setOpened] = useState<readonly OpenedInventory[]>([]);
  const add = useCallback((file: OpenedSnapshot) => {
    const { snapshot } = file;
    const entry: OpenedInventory = {
      id: file.id,
      snapshot,
      signature: file.signature,
      label: `${file.fileName} (${snapshot.baseUrl}, as of ${formatDisplayDateTime(snapshot.takenAt, snapshot.timeZone)})`,
    };
    setOpened((list) => [...list, entry].slice(-MAX_OPENED));
    return entry;
  }, []);

  const close = useCallback(
    (id: string) => {
      setOpened((list) => list.filter((entry) => entry.id !== id));
      void bridge.inventory.close({ id });
    },
    [bridge],
  );

  const value = useMemo(() => ({ opened, add, close }), [opened, add, close]);
  return <OpenedContext.Provider value={value}>{children}</OpenedContext.Provider>;
}

export function useOpenedInventories(): Value {
  const value = useContext(OpenedContext);
  if (!value) throw new Error('useOpenedInventories needs an OpenedInventoriesProvider above it.');
  return value;
}

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { formatDisplayDateTime } from '../../shared/domain';
import type { InventorySnapshot } from '../../shared/inventory';
import type { SignatureState } from '../../shared/inventory/signature';
import type { OpenedSnapshot } from '../../shared/ipc/inventory-contract';
import type { IdentificationToken } from '../../shared/api/tokens';
import { readRestOfSnapshot } from '../common/snapshotRows';
import { useBridge } from '../ipc/BridgeContext';

/**
 * `snapshot` holds the tokens received so far (all of them once `snapshot.tokens.length`
 * reaches `tokenCount`); `failed` says why the others will not come.
 */
export type OpenedInventory = { id: string; snapshot: InventorySnapshot; tokenCount: number; label: string; signature: SignatureState; failed: string | null };

type Value = {
  opened: readonly OpenedInventory[];
  add: (file: OpenedSnapshot) => OpenedInventory;
  close: (id: string) => void;
};

// Main keeps this many opened files and forgets the oldest beyond: the list here follows suit.
const MAX_OPENED = 8;
// How long received tokens wait before they are shown with those before them.
const BATCH_MS = 250;

const OpenedContext = createContext<Value | null>(null);

/** Inventory files opened in this session, kept while the user moves between sections. */
export function OpenedInventoriesProvider({ children }: { children: ReactNode }) {
  const bridge = useBridge();
  const [opened, setOpened] = useState<readonly OpenedInventory[]>([]);
  const change = useCallback((id: string, update: (entry: OpenedInventory) => OpenedInventory) => {
    setOpened((list) => list.map((entry) => (entry.id === id ? update(entry) : entry)));
  }, []);

  // The file's other tokens, shown in batches: each batch is a new review of every token
  // received, so not one per chunk of a 100,000-token file.
  const receiveRest = useCallback(
    async (file: OpenedSnapshot) => {
      let waiting: IdentificationToken[] = [];
      let shownAt = performance.now();
      const show = () => {
        const batch = waiting;
        if (batch.length === 0) return;
        waiting = [];
        shownAt = performance.now();
        change(file.id, (entry) => ({ ...entry, snapshot: { ...entry.snapshot, tokens: [...entry.snapshot.tokens, ...batch] } }));
      };
      const failed = await readRestOfSnapshot(bridge, file, (chunk) => {
        waiting = waiting.concat(chunk);
        if (performance.now() - shownAt >= BATCH_MS) show();
      });
      show();
      if (failed !== null) change(file.id, (entry) => ({ ...entry, failed: failed.message }));
    },
    [bridge, change],
  );

  const add = useCallback(
    (file: OpenedSnapshot) => {
      const { snapshot } = file;
      const entry: OpenedInventory = {
        id: file.id,
        snapshot,
        tokenCount: file.tokenCount,
        signature: file.signature,
        label: `${file.fileName} (${snapshot.baseUrl}, as of ${formatDisplayDateTime(snapshot.takenAt, snapshot.timeZone)})`,
        failed: null,
      };
      setOpened((list) => [...list, entry].slice(-MAX_OPENED));
      if (snapshot.tokens.length < file.tokenCount) void receiveRest(file);
      return entry;
    },
    [receiveRest],
  );

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

import { snapshotJsonChunks, type InventorySnapshot } from '../../shared/inventory/snapshot';

// The text of a snapshot file in one piece, as main writes it chunk by chunk.
export const serializeSnapshot = (snapshot: InventorySnapshot): string => [...snapshotJsonChunks(snapshot, Number.MAX_SAFE_INTEGER)].join('');

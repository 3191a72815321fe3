import type { InventorySnapshot } from '../../shared/inventory/snapshot';

/** What the reading worker is started with. */
export type SnapshotWorkerData = { filePath: string; chunkSize: number };

/*
 * Worker → main. A checked snapshot travels as its header, then its tokens in chunks: main
 * asks for each next chunk once it has taken the last one, so no single message (whose
 * copy is made on main's thread) holds the whole file. A chunk is JSON text of the checked
 * tokens: JSON.parse rebuilds plain objects several times faster than a structured clone.
 */
export type SnapshotWorkerMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'refused'; message: string }
  | { kind: 'unreadable'; code: string | undefined }
  | { kind: 'header'; header: Omit<InventorySnapshot, 'tokens'>; total: number }
  | { kind: 'tokens'; json: string }
  | { kind: 'done' };

/** Main → worker: send the next chunk of tokens. */
export const NEXT_CHUNK = 'next';

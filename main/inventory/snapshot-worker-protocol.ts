import type { InventorySnapshot } from '../../shared/inventory/snapshot';

/** What the reading worker is started with. */
export type SnapshotWorkerData = { filePath: string; chunkSize: number; progressEvery: number };

/*
 * Worker → main. Checked tokens travel in chunks while the rest are still being checked, then
 * the header once the whole file has passed (or the refusal: main drops what it took). Main
 * says when it has taken each chunk, and the worker keeps at most CHUNKS_IN_FLIGHT untaken,
 * so no turn of main's event loop parses more than that. A chunk is JSON text of the checked
 * tokens: JSON.parse rebuilds plain objects several times faster than a structured clone.
 */
export type SnapshotWorkerMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'refused'; message: string }
  | { kind: 'unreadable'; code: string | undefined }
  | { kind: 'header'; header: Omit<InventorySnapshot, 'tokens'>; total: number }
  | { kind: 'tokens'; json: string }
  | { kind: 'done' };

/** Main → worker: one more chunk of tokens taken. */
export const NEXT_CHUNK = 'next';
export const CHUNKS_IN_FLIGHT = 2;

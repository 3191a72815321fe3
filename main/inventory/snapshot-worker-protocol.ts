import type { InventorySnapshot } from '../../shared/inventory/snapshot';

/** What the reading worker is started with. */
export type SnapshotWorkerData = { filePath: string; chunkSize: number; progressEvery: number };

/*
 * Worker → main. A checked snapshot travels as its header, then its tokens in chunks: main
 * says when it has taken each one, and the worker keeps at most CHUNKS_IN_FLIGHT untaken, so
 * no turn of main's event loop holds more than that (a second chunk is ready when main is,
 * with no round trip to wait for on a busy machine). A chunk is JSON text of the checked
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

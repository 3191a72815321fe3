import type { SnapshotHeader } from '../../shared/inventory/snapshot';

/** Main → worker: a file to read, once the worker has answered for the one before. */
export type SnapshotWorkerRequest = { kind: 'open'; filePath: string; chunkSize: number; progressEvery: number };

/*
 * Worker → main. Checked tokens travel in chunks while the rest are still being checked, then
 * the header once the whole file has passed (or the refusal: main drops what it took). Main
 * says when it has taken each chunk, and the worker keeps at most CHUNKS_IN_FLIGHT untaken:
 * enough that it need not wait for main, few enough that no turn of main's event loop parses
 * for long. A chunk is JSON text of the checked
 * tokens, usually the very text their digest was computed from: JSON.parse rebuilds plain
 * objects faster than a structured clone, and the worker has nothing more to serialise.
 */
export type SnapshotWorkerMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'refused'; message: string }
  | { kind: 'unreadable'; code: string | undefined }
  | { kind: 'header'; header: SnapshotHeader; total: number }
  | { kind: 'tokens'; json: string }
  // The file is not laid out one token per line after all: the tokens sent so far are dropped,
  // and the list comes again from its first token.
  | { kind: 'restart' }
  | { kind: 'done' };

/** Main → worker: one more chunk of tokens taken. */
export const NEXT_CHUNK = 'next';
export const CHUNKS_IN_FLIGHT = 8;

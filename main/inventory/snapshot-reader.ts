import { readFile, stat } from 'node:fs/promises';
import { parseSnapshotText, type ParseSnapshotResult, type Sha256Hashing } from '../../shared/inventory/snapshot';
import type { OpenProgressEvent } from '../../shared/ipc/inventory-contract';

export type SnapshotReadProgress = OpenProgressEvent;

/**
 * Reads and checks a snapshot file. A refused file is an `ok: false` result with the reason;
 * a file that cannot be read throws the file system's error (with its errno `code`).
 */
export type SnapshotReader = ((filePath: string, onProgress?: (progress: SnapshotReadProgress) => void) => Promise<ParseSnapshotResult>) & {
  /**
   * A file may be read soon (a dialog to choose one is open): a reader that needs a start of
   * its own (a worker thread) makes it now, so the open does not wait for it.
   */
  prepare?: () => void;
};

/** On the calling thread: for harnesses without a built worker, and small files. */
export const inProcessSnapshotReader =
  (hashing: Sha256Hashing): SnapshotReader =>
  async (filePath, onProgress = () => undefined) => {
    onProgress({ step: 'reading', done: 0, total: 0 });
    const text = await readFile(filePath, 'utf8');
    return parseSnapshotText(text, hashing, { onProgress: ({ done, total }) => onProgress({ step: 'checking', done, total }) });
  };

// About 1,000 tokens: checked on main's thread in less time than a worker takes to start.
const SMALL_FILE_BYTES = 512 * 1024;

/** Small files by `small` (on this thread), bigger ones by `large` (a worker). */
export const readerBySize = (small: SnapshotReader, large: SnapshotReader, threshold = SMALL_FILE_BYTES): SnapshotReader =>
  Object.assign(
    async (filePath: string, onProgress?: (progress: SnapshotReadProgress) => void) => {
      const { size } = await stat(filePath);
      return (size < threshold ? small : large)(filePath, onProgress);
    },
    {
      prepare: () => {
        small.prepare?.();
        large.prepare?.();
      },
    },
  );

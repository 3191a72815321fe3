import { Worker } from 'node:worker_threads';
import type { IdentificationToken } from '../../shared/api/tokens';
import type { InventorySnapshot, ParseSnapshotResult } from '../../shared/inventory/snapshot';
import type { SnapshotReader } from './snapshot-reader';
import { NEXT_CHUNK, type SnapshotWorkerData, type SnapshotWorkerMessage } from './snapshot-worker-protocol';

export type WorkerSnapshotReaderOptions = {
  /** Tokens per message back to main: what one turn of main's event loop takes at most (twice). */
  chunkSize?: number;
  /** Tokens per progress report. */
  progressEvery?: number;
};

/*
 * Reads snapshots on a worker thread (./snapshot-worker.ts): one worker per file, gone once
 * the file is read. Main only takes the checked tokens back, a chunk or two per event-loop
 * turn, while the worker checks the rest.
 */
export function workerSnapshotReader(scriptPath: string, options: WorkerSnapshotReaderOptions = {}): SnapshotReader {
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? 1000));
  const progressEvery = Math.max(1, Math.floor(options.progressEvery ?? 2000));
  return (filePath, onProgress = () => undefined) =>
    new Promise<ParseSnapshotResult>((resolve, reject) => {
      const data: SnapshotWorkerData = { filePath, chunkSize, progressEvery };
      const worker = new Worker(scriptPath, { workerData: data });
      let header: Omit<InventorySnapshot, 'tokens'> | null = null;
      let total = 0;
      const tokens: IdentificationToken[] = [];
      let settled = false;
      const finish = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        outcome();
        void worker.terminate();
      };
      // A chunk counts as taken on a later turn, so timers and IPC run between chunks.
      const taken = (): void => {
        setImmediate(() => worker.postMessage(NEXT_CHUNK));
      };
      onProgress({ step: 'reading', done: 0, total: 0 });
      worker.on('message', (message: SnapshotWorkerMessage) => {
        switch (message.kind) {
          case 'progress':
            onProgress({ step: 'checking', done: message.done, total: message.total });
            return;
          case 'refused':
            finish(() => resolve({ ok: false, message: message.message }));
            return;
          case 'unreadable':
            finish(() => reject(Object.assign(new Error('The snapshot file could not be read.'), { code: message.code })));
            return;
          case 'header':
            header = message.header;
            total = message.total;
            return;
          case 'tokens':
            // Checked by the worker against the schema: the text is that output, as JSON.
            for (const token of JSON.parse(message.json) as IdentificationToken[]) tokens.push(token);
            taken();
            return;
          case 'done': {
            const opened = header;
            if (opened === null || tokens.length !== total) {
              finish(() => reject(new Error('The snapshot worker finished without a snapshot.')));
              return;
            }
            finish(() => resolve({ ok: true, snapshot: { ...opened, tokens } }));
            return;
          }
        }
      });
      worker.on('error', (error) => finish(() => reject(error)));
      worker.on('exit', () => finish(() => reject(new Error('The snapshot worker stopped before the file was read.'))));
    });
}

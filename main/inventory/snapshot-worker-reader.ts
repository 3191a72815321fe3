import { Worker } from 'node:worker_threads';
import type { IdentificationToken } from '../../shared/api/tokens';
import type { ParseSnapshotResult, SnapshotHeader } from '../../shared/inventory/snapshot';
import { sharedLists } from './shared-lists';
import type { SnapshotReader } from './snapshot-reader';
import { NEXT_CHUNK, type SnapshotWorkerMessage, type SnapshotWorkerRequest } from './snapshot-worker-protocol';

export type WorkerSnapshotReaderOptions = {
  /** Tokens per message back to main: what one turn of main's event loop takes at most (twice). */
  chunkSize?: number;
  /** Tokens per progress report. */
  progressEvery?: number;
};

/*
 * Reads snapshots on a worker thread (./snapshot-worker.ts): one worker per file, gone once
 * the file is read (with all the memory a big file took). Main only takes the checked tokens
 * back, a chunk or two per event-loop turn, while the worker checks the rest.
 *
 * Once a file is read, the next file's worker is started and left waiting: starting a thread
 * and loading its code takes a tenth of a second or more, which the next open then skips.
 * It does not keep the process alive.
 */
export function workerSnapshotReader(scriptPath: string, options: WorkerSnapshotReaderOptions = {}): SnapshotReader {
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? 1000));
  const progressEvery = Math.max(1, Math.floor(options.progressEvery ?? 2000));
  let spare: Worker | null = null;
  const start = (): Worker => {
    const worker = new Worker(scriptPath);
    worker.unref();
    return worker;
  };
  const startSpare = (): void => {
    if (spare !== null) return;
    const worker = start();
    // A spare that fails before it is used is simply not used.
    const drop = (): void => {
      if (spare === worker) spare = null;
    };
    worker.once('error', drop);
    worker.once('exit', drop);
    spare = worker;
  };
  const take = (): Worker => {
    const worker = spare ?? start();
    spare = null;
    worker.removeAllListeners();
    // Reading a file: the process waits for it.
    worker.ref();
    return worker;
  };
  return (filePath, onProgress = () => undefined) =>
    new Promise<ParseSnapshotResult>((resolve, reject) => {
      const worker = take();
      let header: SnapshotHeader | null = null;
      let total = 0;
      const tokens: IdentificationToken[] = [];
      const permissionList = sharedLists();
      let settled = false;
      const finish = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        outcome();
        void worker.terminate();
        setImmediate(startSpare);
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
            for (const token of JSON.parse(message.json) as IdentificationToken[]) {
              token.permissions = permissionList(token.permissions);
              tokens.push(token);
            }
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
      const request: SnapshotWorkerRequest = { kind: 'open', filePath, chunkSize, progressEvery };
      worker.postMessage(request);
    });
}

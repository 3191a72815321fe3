import { Worker } from 'node:worker_threads';
import type { IdentificationToken } from '../../shared/api/tokens';
import type { ParseSnapshotResult, SnapshotHeader } from '../../shared/inventory/snapshot';
import { sharedLists } from './shared-lists';
import type { SnapshotReader } from './snapshot-reader';
import { NEXT_CHUNK, type SnapshotWorkerMessage, type SnapshotWorkerRequest } from './snapshot-worker-protocol';

export type WorkerSnapshotReaderOptions = {
  /** Tokens per message back to main at most: what one turn of main's event loop takes. */
  chunkSize?: number;
  /** Tokens per progress report. */
  progressEvery?: number;
};

/*
 * Reads snapshots on a worker thread (./snapshot-worker.ts), one file after the other. Main
 * only takes the checked tokens back, a chunk at a time, while the worker checks the rest.
 *
 * The worker is started by the first open, or by `prepare` while a file is being chosen, and
 * kept for the next: starting a thread and loading its code takes a tenth of a second or more,
 * and a worker that has read a file has its code compiled and its heap grown. It keeps nothing
 * of a file once read (it reads through a small window, ./file-text.ts), and does not keep the
 * process alive while it waits. A worker that fails or stops is dropped, and the next open
 * starts another.
 */
export function workerSnapshotReader(scriptPath: string, options: WorkerSnapshotReaderOptions = {}): SnapshotReader {
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? 1000));
  const progressEvery = Math.max(1, Math.floor(options.progressEvery ?? 2000));
  let idle: Worker | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const take = (): Worker => {
    const worker = idle ?? new Worker(scriptPath);
    idle = null;
    worker.removeAllListeners();
    // Reading a file: the process waits for it.
    worker.ref();
    return worker;
  };
  const keep = (worker: Worker): void => {
    worker.removeAllListeners();
    worker.unref();
    // A worker that fails while it waits is simply not used again.
    const drop = (): void => {
      if (idle === worker) idle = null;
    };
    worker.once('error', drop);
    worker.once('exit', drop);
    idle = worker;
  };

  const read = (filePath: string, onProgress: Parameters<SnapshotReader>[1] = () => undefined): Promise<ParseSnapshotResult> =>
    new Promise<ParseSnapshotResult>((resolve, reject) => {
      const worker = take();
      let header: SnapshotHeader | null = null;
      let total = 0;
      const tokens: IdentificationToken[] = [];
      const permissionList = sharedLists();
      let settled = false;
      const finish = (outcome: () => void, reusable: boolean): void => {
        if (settled) return;
        settled = true;
        if (reusable) keep(worker);
        else void worker.terminate();
        outcome();
      };
      // A chunk counts as taken on a later turn, so timers and IPC run between chunks.
      const taken = (): void => {
        setImmediate(() => {
          if (!settled) worker.postMessage(NEXT_CHUNK);
        });
      };
      onProgress({ step: 'reading', done: 0, total: 0 });
      worker.on('message', (message: SnapshotWorkerMessage) => {
        switch (message.kind) {
          case 'progress':
            onProgress({ step: 'checking', done: message.done, total: message.total });
            return;
          case 'refused':
            finish(() => resolve({ ok: false, message: message.message }), true);
            return;
          case 'unreadable':
            finish(() => reject(Object.assign(new Error('The snapshot file could not be read.'), { code: message.code })), true);
            return;
          case 'header':
            header = message.header;
            total = message.total;
            return;
          case 'restart':
            tokens.length = 0;
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
              finish(() => reject(new Error('The snapshot worker finished without a snapshot.')), false);
              return;
            }
            finish(() => resolve({ ok: true, snapshot: { ...opened, tokens } }), true);
            return;
          }
        }
      });
      worker.on('error', (error) => finish(() => reject(error), false));
      worker.on('exit', () => finish(() => reject(new Error('The snapshot worker stopped before the file was read.')), false));
      const request: SnapshotWorkerRequest = { kind: 'open', filePath, chunkSize, progressEvery };
      worker.postMessage(request);
    });

  // Files asked for and not answered yet.
  let pending = 0;
  const reader: SnapshotReader = (filePath, onProgress) => {
    pending += 1;
    // One file at a time on the one worker.
    const next = queue.then(() => read(filePath, onProgress)).finally(() => (pending -= 1));
    // Waits for the file before, without holding on to its tokens.
    queue = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  };
  // A worker started now waits for the file being chosen; one waiting or reading will do.
  reader.prepare = () => {
    if (idle === null && pending === 0) keep(new Worker(scriptPath));
  };
  return reader;
}

// Entry of the snapshot-reading worker thread (its own build entry: out/main/snapshot-worker.js).
// Reading, JSON parsing, hashing and validating a big file would each block main's event loop
// for hundreds of milliseconds; here they block only this thread. It reads the files main sends
// one after the other, and keeps nothing of one for the next.
import { parentPort } from 'node:worker_threads';
import { checkSnapshotText, type CheckSnapshotResult } from '../../shared/inventory/snapshot';
import { FileText } from './file-text';
import { nodeSha256 } from './sha256';
import { CHUNKS_IN_FLIGHT, NEXT_CHUNK, type SnapshotWorkerMessage, type SnapshotWorkerRequest } from './snapshot-worker-protocol';

const port = parentPort;
if (port === null) throw new Error('snapshot-worker runs as a worker thread only.');
const send = (message: SnapshotWorkerMessage): void => port.postMessage(message);

// Chunks main has taken of the file being read; at most CHUNKS_IN_FLIGHT more are sent before
// it takes another.
let taken = 0;
let wake: (() => void) | null = null;
let reading = false;
port.on('message', (message: typeof NEXT_CHUNK | SnapshotWorkerRequest) => {
  if (message !== NEXT_CHUNK) {
    // One file at a time: main waits for a file's end before it sends the next.
    if (reading || message.kind !== 'open') return;
    reading = true;
    taken = 0;
    void run(message).finally(() => (reading = false));
    return;
  }
  taken += 1;
  wake?.();
  wake = null;
});
const turnFor = async (index: number): Promise<void> => {
  while (index - taken >= CHUNKS_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
};

async function run({ filePath, chunkSize, progressEvery }: SnapshotWorkerRequest): Promise<void> {
  let text: FileText;
  try {
    text = FileText.open(filePath);
  } catch (error) {
    send({ kind: 'unreadable', code: (error as NodeJS.ErrnoException).code });
    return;
  }
  let chunks = 0;
  let checked: CheckSnapshotResult;
  try {
    checked = await checkSnapshotText(text, nodeSha256, {
      progressEvery: chunkSize,
      onChecked: async (tokens, json) => {
        if (tokens.length === 0) return;
        await turnFor(chunks);
        chunks += 1;
        // Usually the text the digest was computed from: no second serialisation.
        send({ kind: 'tokens', json: json ?? JSON.stringify(tokens) });
      },
      // Main drops the tokens it took; those still to come are the whole parse's.
      onRestart: () => send({ kind: 'restart' }),
      onProgress: ({ done, total }) => {
        if (done % progressEvery < chunkSize || done === total) send({ kind: 'progress', done, total });
      },
    });
  } catch (error) {
    send({ kind: 'unreadable', code: (error as NodeJS.ErrnoException).code });
    return;
  } finally {
    text.close();
  }
  if (!checked.ok) {
    send({ kind: 'refused', message: checked.message });
    return;
  }
  send({ kind: 'header', header: checked.header, total: checked.total });
  send({ kind: 'done' });
}

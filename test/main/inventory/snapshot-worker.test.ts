import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InventoryService } from '../../../main/inventory/inventory-service';
import { inProcessSnapshotReader, readerBySize, type SnapshotReader, type SnapshotReadProgress } from '../../../main/inventory/snapshot-reader';
import { workerSnapshotReader } from '../../../main/inventory/snapshot-worker-reader';
import { canonicalJson } from '../../../shared/inventory/canonical-json';
import { buildSnapshot } from '../../../shared/inventory/snapshot';
import { serializeSnapshot } from '../../support/snapshot-text';
import { makeParts, makeToken, sha256Hex } from '../../shared/inventory/fixtures';

const OPEN_AND_LEAVE = fileURLToPath(new URL('./fixtures/open-and-leave.ts', import.meta.url));

// The production worker entry, run from source by tsx (the built app runs out/main/snapshot-worker.js).
const reader = workerSnapshotReader(resolve('test/main/support/snapshot-worker-from-source.mjs'), { chunkSize: 2, progressEvery: 2 });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wifox-snapshot-worker-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const errorMessage = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('opening a snapshot on a worker thread', () => {
  it('opens the file it was given, reporting each step in tokens', async () => {
    const snapshot = await buildSnapshot(makeParts([1, 2, 3, 4, 5].map((id) => makeToken(id))), sha256Hex);
    const service = new InventoryService({ userDataDir: join(dir, 'userData'), sha256Hex, reader });
    const file = join(dir, 'inventory.json');
    await service.export('json', file, snapshot);

    const progress: SnapshotReadProgress[] = [];
    expect(await service.open(file, (report) => progress.push(report))).toEqual(snapshot);
    expect(progress).toEqual([
      { step: 'reading', done: 0, total: 0 },
      ...[0, 2, 4, 5].map((done) => ({ step: 'checking', done, total: 5 })),
    ]);
  });

  it('refuses an altered file with the message of the in-process check, and a missing one by name', async () => {
    const snapshot = await buildSnapshot(makeParts([makeToken(1), makeToken(2)]), sha256Hex);
    const onThread = new InventoryService({ userDataDir: join(dir, 'a'), sha256Hex });
    const onWorker = new InventoryService({ userDataDir: join(dir, 'b'), sha256Hex, reader });
    const file = join(dir, 'altered.json');
    await onThread.export('json', file, snapshot);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"Token 00002"', '"Token 00002, renamed"'));

    const refusal = await errorMessage(onWorker.open(file));
    expect(refusal).toMatch(/^The file has been changed since it was exported/);
    expect(refusal).toBe(await errorMessage(onThread.open(file)));
    expect(await errorMessage(onWorker.open(join(dir, 'gone.json')))).toBe('The file "gone.json" could not be found.');
  });

  it('reads files one after the other, asked together or after a refusal, each answered with its own tokens', async () => {
    const service = new InventoryService({ userDataDir: join(dir, 'userData'), sha256Hex, reader });
    const files = await Promise.all(
      [3, 7, 5].map(async (count, index) => {
        const snapshot = await buildSnapshot(makeParts(Array.from({ length: count }, (_, i) => makeToken(index * 100 + i + 1))), sha256Hex);
        const file = join(dir, `inventory-${index}.json`);
        await service.export('json', file, snapshot);
        return { file, snapshot };
      }),
    );
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, readFileSync(files[1]!.file, 'utf8').slice(0, -30));

    const [first, refused, second, missing, third] = await Promise.allSettled([
      service.open(files[0]!.file),
      service.open(broken),
      service.open(files[1]!.file),
      service.open(join(dir, 'gone.json')),
      service.open(files[2]!.file),
    ]);
    expect(first).toEqual({ status: 'fulfilled', value: files[0]!.snapshot });
    expect(refused).toMatchObject({ status: 'rejected', reason: { message: 'This file is not a Wifox token inventory. It is not valid JSON.' } });
    expect(second).toEqual({ status: 'fulfilled', value: files[1]!.snapshot });
    expect(missing).toMatchObject({ status: 'rejected', reason: { message: 'The file "gone.json" could not be found.' } });
    expect(third).toEqual({ status: 'fulfilled', value: files[2]!.snapshot });
    expect(await service.open(files[0]!.file)).toEqual(files[0]!.snapshot);
  });

  it('drops what it took when the worker finds the list is not one token per line after all, and takes it again whole', async () => {
    const snapshot = await buildSnapshot(makeParts([1, 2, 3, 4, 5].map((id) => makeToken(id))), sha256Hex);
    const lines = serializeSnapshot(snapshot).split('\n');
    const last = lines.findIndex((line) => line.startsWith('  "tokens": [')) + 5;
    const file = join(dir, 'edited.json');
    writeFileSync(file, lines.map((line, i) => (i === last ? JSON.stringify(JSON.parse(line), null, 2).replaceAll('\n', '\n    ') : line)).join('\n'));
    expect(await new InventoryService({ userDataDir: join(dir, 'userData'), sha256Hex, reader }).open(file)).toEqual(snapshot);
  });

  it('does not keep the process alive once a file is read', async () => {
    const file = join(dir, 'inventory.json');
    await new InventoryService({ userDataDir: join(dir, 'userData'), sha256Hex }).export('json', file, await buildSnapshot(makeParts([makeToken(1), makeToken(2)]), sha256Hex));
    const child = spawn(process.execPath, ['--import', 'tsx', OPEN_AND_LEAVE, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    // A process kept alive by the worker would never end: it is stopped after a while, and fails.
    const stop = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearTimeout(stop);
    expect({ code, output }).toEqual({ code: 0, output: 'opened 2\n' });
  });

  it('hands main only what the schema keeps: a field sealed into the file but not a token\'s stays behind', async () => {
    const snapshot = await buildSnapshot(makeParts([1, 2, 3].map((id) => makeToken(id))), sha256Hex);
    const raw = JSON.parse(serializeSnapshot(snapshot)) as Record<string, unknown> & { tokens: Record<string, unknown>[] };
    // As a tool might have written it: a secret beside the first token, the digest sealed over it.
    raw.tokens[0] = { ...raw.tokens[0], secret: 'wfx_leakedSecretBody' };
    const { digest: _digest, signature: _signature, ...content } = raw;
    const file = join(dir, 'leaky.json');
    writeFileSync(file, JSON.stringify({ ...content, digest: { algorithm: 'SHA-256', value: sha256Hex(canonicalJson(content)) } }));

    const opened = await new InventoryService({ userDataDir: join(dir, 'userData'), sha256Hex, reader }).open(file);
    expect(opened).toEqual({ ...snapshot, digest: opened.digest });
    expect(JSON.stringify(opened)).not.toContain('wfx_leaked');
  });

  it('leaves files below the size threshold to the reader on main\'s thread', async () => {
    const snapshot = await buildSnapshot(makeParts([makeToken(1)]), sha256Hex);
    const file = join(dir, 'small.json');
    await new InventoryService({ userDataDir: join(dir, 'userData'), sha256Hex }).export('json', file, snapshot);
    const used: string[] = [];
    const tagged = (name: string): SnapshotReader => (path, onProgress) => {
      used.push(name);
      return inProcessSnapshotReader(sha256Hex)(path, onProgress);
    };
    const size = statSync(file).size;
    expect(await readerBySize(tagged('main'), tagged('worker'), size + 1)(file)).toEqual({ ok: true, snapshot });
    expect(await readerBySize(tagged('main'), tagged('worker'), size)(file)).toEqual({ ok: true, snapshot });
    expect(used).toEqual(['main', 'worker']);
    // Either may be asked for: both get ready while a file is chosen.
    const prepared: string[] = [];
    const preparing = (name: string): SnapshotReader => Object.assign(tagged(name), { prepare: () => void prepared.push(name) });
    readerBySize(preparing('main'), preparing('worker')).prepare?.();
    expect(prepared).toEqual(['main', 'worker']);
  });
});

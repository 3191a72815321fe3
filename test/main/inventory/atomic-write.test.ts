import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleTempFiles, writeFileAtomic } from '../../../main/inventory/atomic-write';
import { SnapshotCache } from '../../../main/inventory/snapshot-cache';
import { buildSnapshot } from '../../../shared/inventory/snapshot';
import { makeParts, makeToken, sha256Hex } from '../../shared/inventory/fixtures';

const CRASH_WRITER = fileURLToPath(new URL('./fixtures/crash-writer.ts', import.meta.url));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wifox-atomic-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const tempFiles = (): string[] => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

// Starts a real process that begins replacing `target`, and kills it mid-write.
async function crashWhileWriting(target: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', CRASH_WRITER, target], { stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (data: Buffer) => {
    errors += data.toString();
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (data: Buffer) => {
      if (data.toString().includes('mid-write')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`the writer exited early (${String(code)}): ${errors}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe('writeFileAtomic', () => {
  it('replaces the file, chunk by chunk, and leaves no temporary file', async () => {
    const target = join(dir, 'out.json');
    writeFileSync(target, 'old');
    const seen: number[] = [];
    await writeFileAtomic(target, ['a', 'b', 'é'], { onChunk: (index) => seen.push(index) });
    expect(readFileSync(target, 'utf8')).toBe('abé');
    expect(seen).toEqual([0, 1, 2]);
    expect(tempFiles()).toEqual([]);
  });

  it('creates a new file readable by its owner only', async () => {
    const target = join(dir, 'private.json');
    await writeFileAtomic(target, 'x');
    if (process.platform !== 'win32') expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readFileSync(target, 'utf8')).toBe('x');
  });

  it('keeps the previous file when the content fails midway, and cleans up', async () => {
    const target = join(dir, 'out.json');
    writeFileSync(target, 'previous content');
    async function* failing(): AsyncGenerator<string> {
      yield 'half of the new ';
      throw new Error('the disk went away');
    }
    await expect(writeFileAtomic(target, failing())).rejects.toThrow('the disk went away');
    expect(readFileSync(target, 'utf8')).toBe('previous content');
    expect(tempFiles()).toEqual([]);
  });

  it('cleans up when the rename itself fails', async () => {
    const target = join(dir, 'taken');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'x');
    await expect(writeFileAtomic(target, 'content')).rejects.toThrow();
    expect(tempFiles()).toEqual([]);
    expect(readFileSync(join(target, 'inside'), 'utf8')).toBe('x');
  });
});

describe('a crash while the cache is being replaced', () => {
  it('leaves the previous snapshot intact and readable, and the next write cleans up', async () => {
    const cache = new SnapshotCache(dir, sha256Hex);
    const previous = await buildSnapshot(makeParts([makeToken(1), makeToken(2)]), sha256Hex);
    await cache.write('profile-1', previous);
    const target = cache.pathFor('profile-1');
    const before = readFileSync(target, 'utf8');

    await crashWhileWriting(target);

    const leftovers = readdirSync(cache.directory).filter((name) => name.endsWith('.tmp'));
    expect(leftovers).toHaveLength(1);
    // The killed writer had really started: its temporary file holds the first megabyte.
    expect(statSync(join(cache.directory, leftovers[0] as string)).size).toBeGreaterThan(1_000_000);
    expect(readFileSync(target, 'utf8')).toBe(before);
    expect(await new SnapshotCache(dir, sha256Hex).read('profile-1')).toEqual(previous);

    const next = await buildSnapshot(makeParts([makeToken(3)]), sha256Hex);
    await cache.write('profile-1', next);
    expect(await cache.read('profile-1')).toEqual(next);
    expect(readdirSync(cache.directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('removeStaleTempFiles', () => {
  it('removes only the temporary files of the given target', async () => {
    const target = join(dir, 'a.json');
    writeFileSync(join(dir, '.a.json.123.abc.tmp'), 'x');
    writeFileSync(join(dir, '.b.json.123.abc.tmp'), 'x');
    writeFileSync(join(dir, 'a.json.tmp'), 'x');
    expect(await removeStaleTempFiles(target)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['.b.json.123.abc.tmp', 'a.json.tmp']);
  });
});

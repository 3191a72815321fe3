import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SnapshotCache } from '../../../main/inventory/snapshot-cache';
import { isAppError } from '../../../main/errors';
import { buildSnapshot, type InventorySnapshot } from '../../../shared/inventory/snapshot';
import { makeParts, makeToken, sha256Hex } from '../../shared/inventory/fixtures';

let userData: string;
let cache: SnapshotCache;
beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'wifox-cache-'));
  cache = new SnapshotCache(userData, sha256Hex);
});
afterEach(() => {
  rmSync(userData, { recursive: true, force: true });
});

const snapshotWith = (ids: number[], takenAt = '2026-03-10T08:15:00.000Z'): Promise<InventorySnapshot> =>
  buildSnapshot(makeParts(ids.map((id) => makeToken(id)), { takenAt }), sha256Hex);

const errorOf = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
};

describe('SnapshotCache', () => {
  it('keeps one file per profile under <userData>/inventory', async () => {
    expect(cache.pathFor('abc_1')).toBe(join(userData, 'inventory', 'abc_1.json'));
    const a = await snapshotWith([1, 2]);
    const b = await snapshotWith([3]);
    await cache.write('abc_1', a);
    await cache.write('other', b);
    expect(await cache.read('abc_1')).toEqual(a);
    expect(await cache.read('other')).toEqual(b);
    if (process.platform !== 'win32') {
      expect(statSync(cache.directory).mode & 0o777).toBe(0o700);
      expect(statSync(cache.pathFor('abc_1')).mode & 0o777).toBe(0o600);
    }
  });

  it('reads null when nothing was cached yet', async () => {
    expect(await cache.read('never-loaded')).toBeNull();
  });

  it('refuses profile ids that could leave the folder', () => {
    expect(() => cache.pathFor('../escape')).toThrow();
    expect(() => cache.pathFor('a/b')).toThrow();
    expect(() => cache.pathFor('')).toThrow();
  });

  it('says clearly when the cached file is damaged or was edited', async () => {
    await cache.write('p1', await snapshotWith([1, 2]));
    const file = cache.pathFor('p1');
    const text = readFileSync(file, 'utf8');

    writeFileSync(file, text.slice(0, text.length / 2));
    const truncated = await errorOf(cache.read('p1'));
    expect(isAppError(truncated, 'validation')).toBe(true);
    expect((truncated as Error).message).toMatch(/^The saved offline inventory of this profile cannot be used: .*not valid JSON/);
    expect((truncated as Error).message).toContain('replaced at the next full load');

    writeFileSync(file, text.replace('"Token 00001"', '"Token 00042"'));
    const edited = await errorOf(cache.read('p1'));
    expect((edited as Error).message).toContain('The file has been changed since it was exported');
  });

  it('writes the latest of several quick refreshes', async () => {
    const first = await snapshotWith([1], '2026-03-10T08:00:00.000Z');
    const second = await snapshotWith([1, 2], '2026-03-10T08:01:00.000Z');
    const third = await snapshotWith([1, 2, 3], '2026-03-10T08:02:00.000Z');
    await Promise.all([cache.write('p1', first), cache.write('p1', second), cache.write('p1', third)]);
    expect(await cache.read('p1')).toEqual(third);
    await cache.write('p1', first);
    expect(await cache.read('p1')).toEqual(first);
  });

  it('forgets a removed profile', async () => {
    await cache.write('p1', await snapshotWith([1]));
    await cache.remove('p1');
    expect(await cache.read('p1')).toBeNull();
    await cache.remove('p1');
  });
});

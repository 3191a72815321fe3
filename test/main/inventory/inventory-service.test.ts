import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../main/errors';
import type { InventoryDialogPort } from '../../../main/inventory/dialog-port';
import { inProcessSnapshotReader } from '../../../main/inventory/snapshot-reader';
import { type ExportProgress, type FullInventoryLoad, InventoryService } from '../../../main/inventory/inventory-service';
import { CSV_COLUMNS } from '../../../shared/inventory/csv';
import { parseSnapshotText } from '../../../shared/inventory/snapshot';
import { FIRST_ROWS } from '../../../shared/ipc/inventory-contract';
import { MODULE_ITEMS, ROLES, makeToken, manyTokens, sha256Hex } from '../../shared/inventory/fixtures';

const PROFILE = { id: 'p1', baseUrl: 'https://wifox.example.com' };
const NOW = new Date('2026-03-10T12:00:00Z');

const loadOf = (tokens = [makeToken(1), makeToken(2)], fetchedAt = '2026-03-10T08:15:00.000Z'): FullInventoryLoad => ({
  tokens,
  fetchedAt,
  modules: MODULE_ITEMS,
  roles: ROLES,
  timeZone: 'Europe/Paris',
  takenBy: { id: 1, name: 'Ada Admin', email: 'ada@example.com' },
});

// The dialog port answers with whatever path the test queued; it records what it was asked.
class ScriptedDialogs implements InventoryDialogPort {
  readonly asked: { kind: 'save' | 'open'; title: string; defaultPath?: string; extensions: string[] }[] = [];
  constructor(private readonly answers: (string | null)[]) {}
  async chooseSavePath(options: { title: string; defaultPath: string; filters: { extensions: string[] }[] }): Promise<string | null> {
    this.asked.push({ kind: 'save', title: options.title, defaultPath: options.defaultPath, extensions: options.filters.flatMap((f) => f.extensions) });
    return this.answers.shift() ?? null;
  }
  async chooseOpenPath(options: { title: string; filters: { extensions: string[] }[] }): Promise<string | null> {
    this.asked.push({ kind: 'open', title: options.title, extensions: options.filters.flatMap((f) => f.extensions) });
    return this.answers.shift() ?? null;
  }
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wifox-inventory-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const serviceWith = (extra: Partial<ConstructorParameters<typeof InventoryService>[0]> = {}): InventoryService =>
  new InventoryService({ userDataDir: join(dir, 'userData'), sha256Hex, now: () => NOW, ...extra });

const errorOf = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
};

describe('InventoryService cache', () => {
  it('refreshes the cached snapshot after a full load, and a new service finds it on disk', async () => {
    const service = serviceWith();
    expect(await service.cached('p1')).toBeNull();
    const snapshot = await service.refreshCache(PROFILE, loadOf());
    expect(snapshot.baseUrl).toBe('https://wifox.example.com');
    expect(snapshot.takenAt).toBe('2026-03-10T08:15:00.000Z');
    expect(snapshot.takenBy).toEqual({ id: 1, name: 'Ada Admin', email: 'ada@example.com' });

    const restarted = serviceWith();
    expect(await restarted.cached('p1')).toEqual(snapshot);
    expect(await restarted.cachedInfo('p1')).toMatchObject({ tokenCount: 2, takenAt: '2026-03-10T08:15:00.000Z' });

    const later = await service.refreshCache(PROFILE, loadOf([makeToken(1)], '2026-03-11T08:15:00.000Z'));
    expect(await serviceWith().cached('p1')).toEqual(later);
  });

  it('writes one snapshot when the same load is refreshed twice', async () => {
    const service = serviceWith();
    const load = loadOf();
    const [a, b] = await Promise.all([service.refreshCache(PROFILE, load), service.refreshCache(PROFILE, load)]);
    expect(a).toBe(b);
  });

  it('forgets the cache of a removed profile', async () => {
    const service = serviceWith();
    await service.refreshCache(PROFILE, loadOf());
    await service.forgetProfile('p1');
    expect(await serviceWith().cached('p1')).toBeNull();
    expect(await service.cached('p1')).toBeNull();
  });
});

describe('export and open', () => {
  it('exports a snapshot that opens back identical', async () => {
    const service = serviceWith();
    const snapshot = await service.refreshCache(PROFILE, loadOf());
    const file = join(dir, 'review.json');
    await service.export('json', file, snapshot);
    expect(await service.open(file)).toEqual(snapshot);
    expect(await parseSnapshotText(readFileSync(file, 'utf8'), sha256Hex)).toEqual({ ok: true, snapshot });
  });

  it('exports a large CSV with progress from 0 to every token', async () => {
    const service = serviceWith({ chunkSize: 1000 });
    const snapshot = await service.refreshCache(PROFILE, loadOf(manyTokens(12_345)));
    const progress: ExportProgress[] = [];
    const file = join(dir, 'review.csv');
    await service.export('csv', file, snapshot, (p) => progress.push(p));
    expect(progress[0]).toEqual({ format: 'csv', done: 0, total: 12_345 });
    expect(progress.at(-1)).toEqual({ format: 'csv', done: 12_345, total: 12_345 });
    expect(progress).toHaveLength(1 + 13);
    expect(progress.every((p, i) => i === 0 || p.done > (progress[i - 1] as ExportProgress).done)).toBe(true);
    const lines = readFileSync(file, 'utf8').split('\r\n');
    expect(lines[0]).toBe(`\uFEFF${CSV_COLUMNS.join(',')}`);
    expect(lines).toHaveLength(12_345 + 2);
  });

  it('refuses a file changed after export, with the reason', async () => {
    const service = serviceWith();
    const snapshot = await service.refreshCache(PROFILE, loadOf());
    const file = join(dir, 'review.json');
    await service.export('json', file, snapshot);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"203.0.113.0/24"', '"0.0.0.0/0"'));
    const error = await errorOf(service.open(file));
    expect(isAppError(error, 'validation')).toBe(true);
    expect((error as Error).message).toMatch(/^The file has been changed since it was exported/);
  });

  it('says which file is missing, and refuses folders', async () => {
    const service = serviceWith();
    const missing = await errorOf(service.open(join(dir, 'gone.json')));
    expect(isAppError(missing, 'not_found')).toBe(true);
    expect((missing as Error).message).toBe('The file "gone.json" could not be found.');
    expect(isAppError(await errorOf(service.open(dir)), 'validation')).toBe(true);
  });

  it('fails an export into a missing folder without leaving anything behind', async () => {
    const service = serviceWith();
    const snapshot = await service.refreshCache(PROFILE, loadOf());
    const error = await errorOf(service.export('csv', join(dir, 'no-such-folder', 'x.csv'), snapshot));
    expect(isAppError(error, 'not_found')).toBe(true);
  });
});

describe('the flows behind the IPC channels', () => {
  it('opens a file through the dialog and refers to it by id', async () => {
    const source = serviceWith();
    const exported = join(dir, 'march.json');
    const snapshot = await source.refreshCache(PROFILE, loadOf());
    await source.export('json', exported, snapshot);

    const dialogs = new ScriptedDialogs([exported, null]);
    const service = serviceWith({ userDataDir: join(dir, 'elsewhere'), dialogs });
    const opened = await service.openWithDialog();
    expect(opened?.snapshot).toEqual(snapshot);
    // Labelled by its name, not its folder.
    expect(opened?.fileName).toBe('march.json');
    expect(dialogs.asked[0]).toMatchObject({ kind: 'open', extensions: ['json'] });
    expect(await service.resolve({ kind: 'opened', id: opened?.id ?? '' })).toEqual(snapshot);
    expect(await service.openWithDialog()).toBeNull();

    service.close(opened?.id ?? '');
    expect(isAppError(await errorOf(service.resolve({ kind: 'opened', id: opened?.id ?? '' })), 'not_found')).toBe(true);
  });

  it('has the reader get ready while the admin chooses the file, not once it is chosen', async () => {
    const source = serviceWith();
    const exported = join(dir, 'march.json');
    await source.export('json', exported, await source.refreshCache(PROFILE, loadOf()));
    const events: string[] = [];
    const dialogs = new ScriptedDialogs([exported]);
    const choose = dialogs.chooseOpenPath.bind(dialogs);
    dialogs.chooseOpenPath = (options) => {
      events.push('dialog');
      return choose(options);
    };
    const inProcess = inProcessSnapshotReader(sha256Hex);
    const reader = Object.assign((path: string) => (events.push('read'), inProcess(path)), { prepare: () => void events.push('prepare') });
    await serviceWith({ userDataDir: join(dir, 'elsewhere'), dialogs, reader }).openWithDialog();
    expect(events).toEqual(['prepare', 'dialog', 'read']);
  });

  it('answers the offline copy in pieces, and the pieces of the copy answered even after a newer one is saved', async () => {
    const service = serviceWith();
    expect(await service.cachedInPieces('p1')).toBeNull();
    const copy = await service.refreshCache(PROFILE, loadOf(manyTokens(2_500)));
    const pieces = await service.cachedInPieces('p1');
    expect(pieces?.tokenCount).toBe(2_500);
    expect(pieces?.snapshot.tokens).toEqual(copy.tokens.slice(0, FIRST_ROWS));
    expect(service.hasCheckedTokens(pieces?.snapshot ?? copy)).toBe(true);
    expect(service.hasCheckedRows(pieces?.id ?? '')).toBe(true);

    await service.refreshCache(PROFILE, loadOf([makeToken(1)], '2026-03-11T08:15:00.000Z'));
    expect(service.rows(pieces?.id ?? '', FIRST_ROWS)).toEqual({ items: copy.tokens.slice(FIRST_ROWS), done: true });
    expect((await service.cachedInPieces('p1'))?.tokenCount).toBe(1);
    expect(() => service.rows('nothing-here', 0)).toThrow('That inventory file is no longer open: open it again.');
  });

  it('keeps a bounded number of opened files', async () => {
    const source = serviceWith();
    const file = join(dir, 'a.json');
    await source.export('json', file, await source.refreshCache(PROFILE, loadOf()));
    const service = serviceWith({ dialogs: new ScriptedDialogs([file, file, file]), maxOpened: 2 });
    const first = await service.openWithDialog();
    await service.openWithDialog();
    await service.openWithDialog();
    expect(isAppError(await errorOf(service.resolve({ kind: 'opened', id: first?.id ?? '' })), 'not_found')).toBe(true);
  });

  it('exports through the save dialog, adding the extension when the dialog did not', async () => {
    const dialogs = new ScriptedDialogs([join(dir, 'no-extension'), null]);
    const service = serviceWith({ dialogs });
    await service.refreshCache(PROFILE, loadOf());
    const result = await service.exportWithDialog({ kind: 'cached', profileId: 'p1' }, 'csv');
    expect(result).toEqual({ filePath: join(dir, 'no-extension.csv') });
    expect(readFileSync(join(dir, 'no-extension.csv'), 'utf8')).toContain('Token 00001');
    expect(dialogs.asked[0]).toEqual({
      kind: 'save',
      title: 'Export inventory as CSV',
      defaultPath: 'wifox-inventory-2026-03-10.csv',
      extensions: ['csv'],
    });
    expect(await service.exportWithDialog({ kind: 'cached', profileId: 'p1' }, 'json')).toEqual({ filePath: null });
  });

  it('compares the cached snapshot with the live inventory', async () => {
    const liveLoad = loadOf([makeToken(1, { whitelist: [] }), makeToken(3)], '2026-03-12T09:00:00.000Z');
    const service = serviceWith({ live: async () => ({ profile: PROFILE, load: liveLoad }) });
    await service.refreshCache(PROFILE, loadOf());
    const result = await service.compareRefs({ kind: 'cached', profileId: 'p1' }, { kind: 'live' });
    expect(result.left.takenAt).toBe('2026-03-10T08:15:00.000Z');
    expect(result.right.takenAt).toBe('2026-03-12T09:00:00.000Z');
    expect(result.diff.added.map((t) => t.id)).toEqual([3]);
    expect(result.diff.removed.map((t) => t.id)).toEqual([2]);
    expect(result.diff.changed).toEqual([
      { id: 1, name: 'Token 00001', changes: [{ field: 'whitelist', added: [], removed: ['203.0.113.0/24'] }] },
    ]);
  });

  it('refuses references it cannot resolve, in words', async () => {
    const service = serviceWith();
    const noCache = await errorOf(service.resolve({ kind: 'cached', profileId: 'p1' }));
    expect(isAppError(noCache, 'not_found')).toBe(true);
    expect((noCache as Error).message).toContain('load the token list once while connected');
    expect(isAppError(await errorOf(service.resolve({ kind: 'live' })), 'not_signed_in')).toBe(true);
  });
});

import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { ModuleItem } from '../../shared/api/modules';
import type { RoleItem } from '../../shared/api/roles';
import type { IdentificationToken } from '../../shared/api/tokens';
import { todayIn } from '../../shared/domain/expiry';
import { DEFAULT_CSV_CHUNK_SIZE, csvChunks } from '../../shared/inventory/csv';
import { diffInventories, type InventoryDiff } from '../../shared/inventory/diff';
import {
  buildSnapshot,
  snapshotInfo,
  snapshotJsonChunks,
  type InventorySnapshot,
  type Sha256Hex,
  type SnapshotAuthor,
  type SnapshotInfo,
} from '../../shared/inventory/snapshot';
import {
  FIRST_ROWS,
  type InventoryCompareResult,
  type InventoryFormat,
  type InventoryRows,
  type OpenedSnapshot,
  type SnapshotInPieces,
  type SnapshotRef,
} from '../../shared/ipc/inventory-contract';
import { LIST_CHUNK_ROWS } from '../../shared/ipc/token-list-contract';
import type { Profile } from '../../shared/ipc/schemas';
import type { InventorySignature } from '../../shared/api/signing';
import type { SignatureState } from '../../shared/inventory/signature';
import { AppError } from '../errors';
import { type Logger, silentLogger } from '../ports';
import { writeFileAtomic } from './atomic-write';
import type { FileFilter, InventoryDialogPort } from './dialog-port';
import { fileError } from './file-errors';
import { nodeSha256Hex } from './sha256';
import { SnapshotCache } from './snapshot-cache';
import { inProcessSnapshotReader, type SnapshotReader, type SnapshotReadProgress } from './snapshot-reader';
import { readSyncCursor, writeSyncCursor } from './sync-cursor-file';

/** A complete, unfiltered load of the token list and what a snapshot records around it. */
export type FullInventoryLoad = {
  tokens: readonly IdentificationToken[];
  /** When the first page was requested (ISO instant): the snapshot's "as of". */
  fetchedAt: string;
  modules: readonly ModuleItem[];
  roles: readonly RoleItem[];
  timeZone: string;
  takenBy: SnapshotAuthor;
  /** The server's change cursor at that load: the next sync starts from it. */
  changeCursor?: string;
};

export type LiveInventorySource = () => Promise<{ profile: Pick<Profile, 'id' | 'baseUrl'>; load: FullInventoryLoad }>;

export type ExportProgress = { format: InventoryFormat; done: number; total: number };

export type InventoryServiceDeps = {
  userDataDir: string;
  dialogs?: InventoryDialogPort;
  /** A fresh full load of the signed-in profile; without it, `live` references are refused. */
  live?: LiveInventorySource;
  sha256Hex?: Sha256Hex;
  /** Reads and checks snapshot files (opened and cached); on this thread unless a worker's is given. */
  reader?: SnapshotReader;
  now?: () => Date;
  logger?: Logger;
  /** Tokens per written chunk (and per progress report). */
  chunkSize?: number;
  /** Opened files kept in memory at once; the oldest is dropped first. */
  maxOpened?: number;
  /** Server signatures: asked for on JSON exports, checked on opening (main/signing). */
  signatures?: InventorySignatures;
};

export type InventorySignatures = {
  sign(snapshot: InventorySnapshot): Promise<InventorySignature | null>;
  /** Throws a `validation` AppError when the signature refutes the content. */
  check(snapshot: InventorySnapshot): SignatureState;
};

// 50,000 tokens are about 40 MB; anything far beyond is not a file this console wrote.
const MAX_FILE_BYTES = 512 * 1024 * 1024;

const FILTERS: Readonly<Record<InventoryFormat, FileFilter>> = {
  json: { name: 'Wifox inventory snapshot', extensions: ['json'] },
  csv: { name: 'CSV (spreadsheet)', extensions: ['csv'] },
};

const NO_LONGER_OPEN = 'That inventory file is no longer open: open it again.';

// Windows asking for the offline copy at once (several windows, a reload) each read their own.
const COPIES_HANDED_OUT = 4;

/** Keeps `snapshot` under a new reference, forgetting the oldest beyond `max`. */
function keep(map: Map<string, InventorySnapshot>, snapshot: InventorySnapshot, max: number): string {
  const id = randomBytes(12).toString('base64url');
  map.set(id, snapshot);
  while (map.size > max) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) break;
    map.delete(oldest);
  }
  return id;
}

export class InventoryService {
  readonly cache: SnapshotCache;
  private readonly sha256Hex: Sha256Hex;
  private readonly reader: SnapshotReader;
  private readonly now: () => Date;
  private readonly logger: Logger;
  private readonly chunkSize: number;
  private readonly maxOpened: number;
  private readonly opened = new Map<string, InventorySnapshot>();
  // Offline copies answered in pieces, by reference, until newer answers push them out.
  private readonly copiesHandedOut = new Map<string, InventorySnapshot>();
  // What is on disk for each profile, so headers and offline lists need no re-read.
  private readonly cachedByProfile = new Map<string, InventorySnapshot>();
  // The cache listener and a `live` reference may both see the same load: one snapshot, one write.
  private readonly sealed = new WeakMap<FullInventoryLoad, Promise<InventorySnapshot>>();
  private readonly refreshes = new WeakMap<FullInventoryLoad, Promise<InventorySnapshot>>();
  // Snapshots whose tokens this service checked against the token schema (read from a file,
  // or sealed from a load), with the list it checked.
  private readonly checkedTokens = new WeakMap<InventorySnapshot, readonly IdentificationToken[]>();

  constructor(private readonly deps: InventoryServiceDeps) {
    this.sha256Hex = deps.sha256Hex ?? nodeSha256Hex;
    this.reader = deps.reader ?? inProcessSnapshotReader(this.sha256Hex);
    this.cache = new SnapshotCache(deps.userDataDir, this.sha256Hex, this.reader);
    this.now = deps.now ?? (() => new Date());
    this.logger = deps.logger ?? silentLogger;
    this.chunkSize = Math.max(1, deps.chunkSize ?? DEFAULT_CSV_CHUNK_SIZE);
    this.maxOpened = Math.max(1, deps.maxOpened ?? 8);
  }

  /** After every successful full load: seal a snapshot and replace the profile's cached one. */
  refreshCache(profile: Pick<Profile, 'id' | 'baseUrl'>, fullLoad: FullInventoryLoad): Promise<InventorySnapshot> {
    const known = this.refreshes.get(fullLoad);
    if (known) return known;
    const run = (async () => {
      const snapshot = await this.snapshotOf(profile, fullLoad);
      await this.cache.write(profile.id, snapshot);
      this.cachedByProfile.set(profile.id, snapshot);
      const cursor = fullLoad.changeCursor === undefined ? null : { baseUrl: profile.baseUrl, takenAt: snapshot.takenAt, changeCursor: fullLoad.changeCursor };
      await writeSyncCursor(this.cache.pathFor(profile.id), cursor).catch((error: unknown) =>
        this.logger.warn('could not save the sync cursor of the offline inventory', { reason: error instanceof Error ? error.name : typeof error }),
      );
      this.logger.info('offline inventory saved', { profileId: profile.id, tokens: snapshot.tokens.length });
      return snapshot;
    })();
    this.refreshes.set(fullLoad, run);
    return run;
  }

  /** The sealed snapshot of a load (built once per load). */
  snapshotOf(profile: Pick<Profile, 'baseUrl'>, load: FullInventoryLoad): Promise<InventorySnapshot> {
    const known = this.sealed.get(load);
    if (known) return known;
    const built = buildSnapshot(
      {
        baseUrl: profile.baseUrl,
        takenAt: load.fetchedAt,
        takenBy: load.takenBy,
        timeZone: load.timeZone,
        modules: [...load.modules],
        roles: [...load.roles],
        tokens: load.tokens,
      },
      this.sha256Hex,
    ).then((snapshot) => this.checked(snapshot));
    this.sealed.set(load, built);
    return built;
  }

  async cached(profileId: string): Promise<InventorySnapshot | null> {
    const known = this.cachedByProfile.get(profileId);
    if (known) return known;
    const snapshot = await this.cache.read(profileId);
    if (snapshot) this.cachedByProfile.set(profileId, this.checked(snapshot));
    return snapshot;
  }

  /**
   * The cached inventory with the change cursor it was read at, when both are there and
   * belong to this server: the token list paints from it and syncs only what changed.
   */
  async known(profileId: string, baseUrl: string): Promise<{ tokens: readonly IdentificationToken[]; changeCursor: string; fetchedAt: string } | null> {
    const cursor = await readSyncCursor(this.cache.pathFor(profileId));
    if (cursor === null || cursor.baseUrl !== baseUrl) return null;
    const snapshot = await this.cached(profileId);
    if (snapshot === null || snapshot.takenAt !== cursor.takenAt || snapshot.baseUrl !== baseUrl) return null;
    return { tokens: snapshot.tokens, changeCursor: cursor.changeCursor, fetchedAt: snapshot.takenAt };
  }

  async cachedInfo(profileId: string): Promise<SnapshotInfo | null> {
    const snapshot = await this.cached(profileId);
    return snapshot ? snapshotInfo(snapshot) : null;
  }

  async forgetProfile(profileId: string): Promise<void> {
    this.cachedByProfile.delete(profileId);
    await this.cache.remove(profileId);
    await writeSyncCursor(this.cache.pathFor(profileId), null);
  }

  /** Writes atomically, reporting progress in tokens (a first report at 0, then one per chunk). */
  async export(
    target: InventoryFormat,
    filePath: string,
    snapshot: InventorySnapshot,
    onProgress: (progress: ExportProgress) => void = () => undefined,
  ): Promise<void> {
    const total = snapshot.tokens.length;
    const size = this.chunkSize;
    const chunks = target === 'csv' ? csvChunks(snapshot, this.now(), size) : snapshotJsonChunks(snapshot, size);
    onProgress({ format: target, done: 0, total });
    try {
      await writeFileAtomic(filePath, chunks, {
        // Exports are meant to be shared: the usual permissions, not the cache's owner-only.
        mode: 0o644,
        onChunk: (index) => onProgress({ format: target, done: Math.min(total, (index + 1) * size), total }),
      });
    } catch (error) {
      throw fileError(error, 'write', filePath);
    }
  }

  /** Reads and checks a snapshot file; a refused file is a `validation` error with the reason. */
  async open(filePath: string, onProgress?: (progress: SnapshotReadProgress) => void): Promise<InventorySnapshot> {
    let parsed: Awaited<ReturnType<SnapshotReader>>;
    try {
      const info = await stat(filePath);
      if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      if (info.size > MAX_FILE_BYTES) {
        throw new AppError('validation', 'This file is far too large to be a Wifox token inventory.');
      }
      parsed = await this.reader(filePath, onProgress);
    } catch (error) {
      throw fileError(error, 'read', filePath);
    }
    if (!parsed.ok) throw new AppError('validation', parsed.message);
    return this.checked(parsed.snapshot);
  }

  /**
   * True when every token of the snapshot was checked against the token schema by this service
   * (its reader, or sealing a load) and the list is still the one it checked: the IPC answer
   * need not parse 100,000 tokens again (main/ipc/inventory-answers.ts).
   */
  hasCheckedTokens(snapshot: InventorySnapshot): boolean {
    return this.checkedTokens.get(snapshot) === snapshot.tokens;
  }

  private checked(snapshot: InventorySnapshot): InventorySnapshot {
    this.checkedTokens.set(snapshot, snapshot.tokens);
    return snapshot;
  }

  compare(before: InventorySnapshot, after: InventorySnapshot): InventoryDiff {
    return diffInventories(before, after);
  }

  // The flows behind the IPC channels: dialogs, references to opened files, live loads.

  async openWithDialog(onProgress?: (progress: SnapshotReadProgress) => void): Promise<OpenedSnapshot | null> {
    // The reader gets ready (its worker starts) while the admin looks for the file.
    this.reader.prepare?.();
    const filePath = await this.dialogs().chooseOpenPath({ title: 'Open inventory', filters: [FILTERS.json] });
    if (filePath === null) return null;
    const snapshot = await this.open(filePath, onProgress);
    const signature = this.checkSignature(snapshot);
    const id = keep(this.opened, snapshot, this.maxOpened);
    return { ...this.inPieces(id, snapshot), fileName: basename(filePath), signature };
  }

  /**
   * The profile's offline copy as inventory.cached answers it: its first tokens, and a
   * reference under which inventory.rows gives the others of that very copy, even if a newer
   * one is saved meanwhile.
   */
  async cachedInPieces(profileId: string): Promise<SnapshotInPieces | null> {
    const snapshot = await this.cached(profileId);
    return snapshot === null ? null : this.inPieces(keep(this.copiesHandedOut, snapshot, COPIES_HANDED_OUT), snapshot);
  }

  /** Tokens of a snapshot answered in pieces, from `offset` on, a chunk at a time (inventory.rows). */
  rows(id: string, offset: number): InventoryRows {
    const tokens = this.handedOut(id)?.tokens;
    if (tokens === undefined) throw new AppError('not_found', NO_LONGER_OPEN);
    const items = tokens.slice(offset, offset + LIST_CHUNK_ROWS);
    return { items, done: offset + items.length >= tokens.length };
  }

  /** True when the rows are a slice of an inventory whose tokens this service checked. */
  hasCheckedRows(id: string): boolean {
    const snapshot = this.handedOut(id);
    return snapshot !== undefined && this.hasCheckedTokens(snapshot);
  }

  private inPieces(id: string, snapshot: InventorySnapshot): SnapshotInPieces {
    const first = snapshot.tokens.length <= FIRST_ROWS ? snapshot : this.checked({ ...snapshot, tokens: snapshot.tokens.slice(0, FIRST_ROWS) });
    return { id, snapshot: first, tokenCount: snapshot.tokens.length };
  }

  // A snapshot answered in pieces: an offline copy as it was when asked for, or an opened file.
  private handedOut(id: string): InventorySnapshot | undefined {
    return this.copiesHandedOut.get(id) ?? this.opened.get(id);
  }

  private openedSnapshot(id: string): InventorySnapshot {
    const snapshot = this.opened.get(id);
    if (!snapshot) throw new AppError('not_found', NO_LONGER_OPEN);
    return snapshot;
  }

  close(id: string): void {
    this.opened.delete(id);
  }

  async resolve(ref: SnapshotRef): Promise<InventorySnapshot> {
    switch (ref.kind) {
      case 'live': {
        if (!this.deps.live) throw new AppError('not_signed_in', 'Sign in to use the live inventory.');
        // The full load itself refreshes the cache (through the token list's listener); a
        // comparison must not fail because the cache could not be written.
        const { profile, load } = await this.deps.live();
        return this.snapshotOf(profile, load);
      }
      case 'cached': {
        const snapshot = await this.cached(ref.profileId);
        if (!snapshot) {
          throw new AppError('not_found', 'No offline inventory has been saved for this profile yet: load the token list once while connected.');
        }
        return snapshot;
      }
      case 'opened':
        return this.openedSnapshot(ref.id);
    }
  }

  async exportWithDialog(
    source: SnapshotRef,
    format: InventoryFormat,
    onProgress?: (progress: ExportProgress) => void,
  ): Promise<{ filePath: string | null; signature?: SignatureState }> {
    const resolved = await this.resolve(source);
    const day = todayIn(resolved.timeZone, new Date(resolved.takenAt));
    const chosen = await this.dialogs().chooseSavePath({
      title: format === 'csv' ? 'Export inventory as CSV' : 'Export inventory snapshot',
      defaultPath: `wifox-inventory-${day}.${format}`,
      filters: [FILTERS[format]],
    });
    if (chosen === null) return { filePath: null };
    // Some Linux save dialogs do not add the extension of the chosen filter.
    const filePath = extname(chosen) === '' ? `${chosen}.${format}` : chosen;
    if (format === 'csv') {
      await this.export(format, filePath, resolved, onProgress);
      return { filePath };
    }
    const { snapshot, signature } = await this.signed(source, resolved);
    await this.export(format, filePath, snapshot, onProgress);
    return { filePath, signature: signature ?? this.checkSignature(snapshot) };
  }

  async compareRefs(left: SnapshotRef, right: SnapshotRef): Promise<InventoryCompareResult> {
    const before = await this.resolve(left);
    const after = await this.resolve(right);
    return { left: snapshotInfo(before), right: snapshotInfo(after), diff: this.compare(before, after) };
  }

  /** The signature state of a snapshot; without signing wired in, every file is unsigned. */
  checkSignature(snapshot: InventorySnapshot): SignatureState {
    return this.deps.signatures ? this.deps.signatures.check(snapshot) : { state: 'unsigned' };
  }

  // Live and cached inventories are the server's own: it is asked to sign them. An opened file
  // keeps the signature it came with; the console never vouches for a file from elsewhere.
  // The state of a new signature comes with it (checked once); null when nothing was signed.
  private async signed(source: SnapshotRef, snapshot: InventorySnapshot): Promise<{ snapshot: InventorySnapshot; signature: SignatureState | null }> {
    if (source.kind === 'opened' || !this.deps.signatures) return { snapshot, signature: null };
    const signature = await this.deps.signatures.sign(snapshot);
    if (signature === null) return { snapshot, signature: null };
    const signedSnapshot = { ...snapshot, signature };
    try {
      return { snapshot: signedSnapshot, signature: this.deps.signatures.check(signedSnapshot) };
    } catch {
      // A signature a recorded key refutes is worth nothing in the file.
      this.logger.warn('the server signature of an export did not verify; exported unsigned');
      return { snapshot, signature: null };
    }
  }

  private dialogs(): InventoryDialogPort {
    if (!this.deps.dialogs) throw new AppError('internal', 'This console has no file dialogs.');
    return this.deps.dialogs;
  }
}

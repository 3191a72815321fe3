import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { profileIdSchema } from '../../shared/ipc/schemas';
import { snapshotJsonChunks, type InventorySnapshot, type ParseSnapshotResult, type Sha256Hex } from '../../shared/inventory/snapshot';
import { AppError } from '../errors';
import { removeStaleTempFiles, writeFileAtomic } from './atomic-write';
import { fileError } from './file-errors';
import { nodeSha256Hex } from './sha256';
import { inProcessSnapshotReader, type SnapshotReader } from './snapshot-reader';

type Queue = { tail: Promise<void>; latest: number };

/*
 * The last full inventory of each profile, at `<userData>/inventory/<profileId>.json`, in the
 * same format as an exported snapshot (so it is checked by its digest when read back). Writes
 * of one profile run one at a time, and a write overtaken by a newer one is skipped: only the
 * latest inventory matters.
 */
export class SnapshotCache {
  readonly directory: string;
  private readonly queues = new Map<string, Queue>();

  constructor(
    userDataDir: string,
    sha256Hex: Sha256Hex = nodeSha256Hex,
    private readonly reader: SnapshotReader = inProcessSnapshotReader(sha256Hex),
  ) {
    this.directory = join(userDataDir, 'inventory');
  }

  pathFor(profileId: string): string {
    // Profile ids are letters, digits, - and _: never a path of their own.
    const id = profileIdSchema.parse(profileId);
    return join(this.directory, `${id}.json`);
  }

  /** Null when nothing is cached; throws a `validation` AppError when the file is damaged. */
  async read(profileId: string): Promise<InventorySnapshot | null> {
    const filePath = this.pathFor(profileId);
    let parsed: ParseSnapshotResult;
    try {
      parsed = await this.reader(filePath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw fileError(error, 'read', filePath);
    }
    if (!parsed.ok) {
      throw new AppError(
        'validation',
        `The saved offline inventory of this profile cannot be used: ${parsed.message} It is replaced at the next full load of the token list.`,
      );
    }
    return parsed.snapshot;
  }

  /** Resolves once the snapshot (or a newer one written after it) is on disk. */
  write(profileId: string, snapshot: InventorySnapshot): Promise<void> {
    const filePath = this.pathFor(profileId);
    const queue = this.queues.get(profileId) ?? { tail: Promise.resolve(), latest: 0 };
    this.queues.set(profileId, queue);
    const turn = ++queue.latest;
    const run = queue.tail.then(async () => {
      if (turn !== queue.latest) return;
      await mkdir(this.directory, { recursive: true, mode: 0o700 });
      // Only this queue writes this file, so any temporary file of it is from a crash.
      await removeStaleTempFiles(filePath);
      await writeFileAtomic(filePath, snapshotJsonChunks(snapshot)).catch((error: unknown) => {
        throw fileError(error, 'write', filePath);
      });
    });
    queue.tail = run.catch(() => undefined);
    return run;
  }

  /** For a removed profile: its inventory goes with it. */
  async remove(profileId: string): Promise<void> {
    const filePath = this.pathFor(profileId);
    const queue = this.queues.get(profileId);
    if (queue) {
      queue.latest += 1;
      await queue.tail;
    }
    await unlink(filePath).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fileError(error, 'write', filePath);
    });
    await removeStaleTempFiles(filePath);
  }
}

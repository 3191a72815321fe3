import { randomBytes } from 'node:crypto';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/*
 * Replace a file so that a reader, or the next start after a crash or a power cut, sees either
 * the old content or the new, never a mix: write a temporary file in the same folder (a rename
 * is only atomic within one file system), flush it to disk, rename it over the target, then
 * flush the folder so the rename itself survives a power cut (where the platform allows).
 */

export type AtomicWriteOptions = {
  /** File mode of a newly created file (default: owner read/write only). */
  mode?: number;
  /** Called after chunk `index` has been handed to the operating system. */
  onChunk?: (index: number) => void;
};

export type Content = string | Iterable<string> | AsyncIterable<string>;

const TEMP_SUFFIX = '.tmp';

/** `.name.json.<pid>.<random>.tmp` next to the target: hidden, and recognisable as ours. */
export function tempPathFor(filePath: string): string {
  return join(dirname(filePath), `.${basename(filePath)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

function isTempOf(fileName: string, target: string): boolean {
  return fileName.startsWith(`.${target}.`) && fileName.endsWith(TEMP_SUFFIX);
}

/** Removes what an interrupted write left next to `filePath`. Callers ensure no write of it is in flight. */
export async function removeStaleTempFiles(filePath: string): Promise<number> {
  const target = basename(filePath);
  let names: string[];
  try {
    names = await readdir(dirname(filePath));
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names.filter((entry) => isTempOf(entry, target))) {
    try {
      await unlink(join(dirname(filePath), name));
      removed += 1;
    } catch {
      // Gone already, or not ours to remove: either way nothing to do.
    }
  }
  return removed;
}

async function* chunksOf(content: Content): AsyncGenerator<string> {
  if (typeof content === 'string') yield content;
  else yield* content;
}

async function syncDirectory(directory: string): Promise<void> {
  // Windows cannot open a directory for flushing, and some file systems refuse fsync on one;
  // the file itself is already on disk by then, so this step is best effort.
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    return;
  }
}

const RENAME_RETRY_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);

// On Windows a virus scanner or indexer briefly holding the target makes the rename fail.
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (process.platform !== 'win32' || !RENAME_RETRY_CODES.has(code) || attempt >= 4) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
    }
  }
}

export async function writeFileAtomic(filePath: string, content: Content, options: AtomicWriteOptions = {}): Promise<void> {
  const temp = tempPathFor(filePath);
  const handle = await open(temp, 'wx', options.mode ?? 0o600);
  let closed = false;
  try {
    let index = 0;
    for await (const chunk of chunksOf(content)) {
      const bytes = Buffer.from(chunk, 'utf8');
      let offset = 0;
      while (offset < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
        offset += bytesWritten;
      }
      options.onChunk?.(index);
      index += 1;
    }
    await handle.sync();
    await handle.close();
    closed = true;
    await renameWithRetry(temp, filePath);
  } catch (error) {
    if (!closed) await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(filePath));
}

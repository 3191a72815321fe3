import { readFile, unlink } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';

/*
 * The change cursor that goes with a profile's cached snapshot, in `<snapshot>.cursor.json`:
 * the server's position when the snapshot's tokens were read, so the next launch asks only for
 * what changed since. It names the server and the snapshot's "as of", and counts only when
 * both still match; anything unreadable means "no cursor" (a full load), never an error.
 */
const cursorFileSchema = z.object({ baseUrl: z.string(), takenAt: z.string(), changeCursor: z.string().min(1).max(512) });
export type SyncCursor = z.infer<typeof cursorFileSchema>;

export const cursorPathFor = (snapshotPath: string): string => snapshotPath.replace(/\.json$/, '.cursor.json');

export async function readSyncCursor(snapshotPath: string): Promise<SyncCursor | null> {
  try {
    const parsed = cursorFileSchema.safeParse(JSON.parse(await readFile(cursorPathFor(snapshotPath), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function writeSyncCursor(snapshotPath: string, cursor: SyncCursor | null): Promise<void> {
  const path = cursorPathFor(snapshotPath);
  if (cursor === null) {
    await unlink(path).catch(() => undefined);
    return;
  }
  await writeFileAtomic(path, JSON.stringify(cursor));
}

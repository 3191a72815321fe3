import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { auditEventSchema } from '../../shared/api/audit';
import { instantSchema } from '../../shared/api/common';
import { profileIdSchema } from '../../shared/ipc/schemas';
import { writeFileAtomic } from '../inventory/atomic-write';

/*
 * The recent audit events of each profile, at `<userData>/audit/<profileId>.json`, so the audit
 * log can be read with no connection. Audit events hold names, addresses and secret hints,
 * never a secret. A damaged or foreign file is treated as no cache (it is rewritten at the next
 * live visit): it is a convenience copy, not a record.
 */
const cacheFileSchema = z.object({
  format: z.literal('wifox-audit-cache'),
  version: z.literal(1),
  baseUrl: z.string(),
  takenAt: instantSchema,
  timeZone: z.string(),
  events: z.array(auditEventSchema),
});
export type AuditCacheFile = z.infer<typeof cacheFileSchema>;

export class AuditCache {
  private readonly directory: string;

  constructor(userDataDir: string) {
    this.directory = join(userDataDir, 'audit');
  }

  private pathFor(profileId: string): string {
    // Profile ids are letters, digits, - and _: never a path of their own.
    return join(this.directory, `${profileIdSchema.parse(profileId)}.json`);
  }

  async read(profileId: string, baseUrl: string): Promise<AuditCacheFile | null> {
    let text: string;
    try {
      text = await readFile(this.pathFor(profileId), 'utf8');
    } catch {
      return null;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return null;
    }
    const parsed = cacheFileSchema.safeParse(json);
    // A profile pointed at another server must not show the first one's events.
    return parsed.success && parsed.data.baseUrl === baseUrl ? parsed.data : null;
  }

  async write(profileId: string, file: Omit<AuditCacheFile, 'format' | 'version'>): Promise<void> {
    const content = JSON.stringify({ format: 'wifox-audit-cache', version: 1, ...file });
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.pathFor(profileId), content);
  }
}

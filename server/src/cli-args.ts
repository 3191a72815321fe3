import { parseArgs } from 'node:util';
import { z } from 'zod';
import { timeZoneSchema } from '../../shared/domain';

export interface CliOptions {
  host: string;
  port: number;
  db: string;
  timeZone: string;
  demo: boolean;
  trustProxy: string[];
}

export const USAGE = `Usage: npm run server -- [--host 127.0.0.1] [--port 8787] [--db data/wifox.db | --db postgres://...]
                          [--timezone UTC] [--demo] [--trust-proxy CIDR,...]

--db is an SQLite file (one node) or a postgres:// URL (any number of nodes sharing it).
Environment: WIFOX_DATABASE_URL is --db's default (keeps a password off the command line);
WIFOX_ADMIN_EMAIL and WIFOX_ADMIN_PASSWORD create or reset the first administrator.`;

export const DEFAULT_DB = 'data/wifox.db';

const optionsSchema = z.object({
  host: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65_535),
  db: z.string().min(1),
  timeZone: timeZoneSchema,
  demo: z.boolean(),
  trustProxy: z.array(z.string().min(1)),
});

export class UsageError extends Error {}

export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv = {}): CliOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '8787' },
        db: { type: 'string' },
        timezone: { type: 'string', default: 'UTC' },
        demo: { type: 'boolean', default: false },
        'trust-proxy': { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  const parsed = optionsSchema.safeParse({
    host: values.host,
    port: values.port,
    db: values.db ?? (env.WIFOX_DATABASE_URL?.trim() || DEFAULT_DB),
    timeZone: values.timezone,
    demo: values.demo,
    trustProxy: values['trust-proxy'].flatMap((list) => list.split(',')).map((entry) => entry.trim()).filter(Boolean),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--${String(issue?.path[0] ?? 'option')}: ${issue?.message ?? 'invalid value'}`);
  }
  return parsed.data;
}

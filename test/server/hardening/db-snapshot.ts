import Database from 'better-sqlite3';
import pg from 'pg';
import { isPostgresUrl } from '../../../server/src/db/store';

export type Snapshot = Record<string, string>;

// Tables the server writes as a side effect of being asked at all (a failed login, a refused
// credential, a session touch): their changes are checked separately, not forbidden.
export const BOOKKEEPING_TABLES = ['audit_events', 'sessions', 'access_tokens', 'refresh_tokens', 'login_failures', 'refusal_counts'] as const;

const encode = (_key: string, value: unknown): unknown =>
  Buffer.isBuffer(value) ? `hex:${value.toString('hex')}` : value;

async function withPg<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function withSqlite<T>(path: string, work: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/**
 * The schema and the content of every table, read through a separate connection (SQLite's WAL
 * lets it read while the server writes). Two snapshots are equal when nothing changed.
 */
export async function snapshot(location: string, except: readonly string[] = BOOKKEEPING_TABLES): Promise<Snapshot> {
  if (isPostgresUrl(location)) {
    return withPg(location, async (client) => {
      const schema = await client.query(`SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
        WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`);
      const indexes = await client.query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname");
      const out: Snapshot = { schema: JSON.stringify([schema.rows, indexes.rows]) };
      const tables = await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");
      for (const { table_name: table } of tables.rows) {
        if (except.includes(table)) continue;
        out[table] = JSON.stringify((await client.query(`SELECT * FROM "${table}" ORDER BY 1, 2`)).rows, encode);
      }
      return out;
    });
  }
  return withSqlite(location, (db) => {
    const schema = db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").all();
    const out: Snapshot = { sqlite_master: JSON.stringify(schema) };
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    for (const table of tables) {
      if (except.includes(table)) continue;
      out[table] = JSON.stringify(db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all(), encode);
    }
    return out;
  });
}

/** The audit actions written after event `afterId`. */
export async function auditActionsSince(location: string, afterId: number): Promise<string[]> {
  if (isPostgresUrl(location)) {
    return withPg(location, async (client) =>
      (await client.query<{ action: string }>('SELECT action FROM audit_events WHERE id > $1 ORDER BY id', [afterId])).rows.map((row) => row.action));
  }
  return withSqlite(location, (db) => db.prepare('SELECT action FROM audit_events WHERE id > ? ORDER BY id').pluck().all(afterId) as string[]);
}

export async function lastAuditId(location: string): Promise<number> {
  if (isPostgresUrl(location)) {
    return withPg(location, async (client) => Number((await client.query<{ id: string }>('SELECT coalesce(max(id), 0) AS id FROM audit_events')).rows[0]?.id));
  }
  return withSqlite(location, (db) => db.prepare('SELECT coalesce(max(id), 0) FROM audit_events').pluck().get() as number);
}

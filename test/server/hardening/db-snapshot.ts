import Database from 'better-sqlite3';

export type Snapshot = Record<string, string>;

// Tables the server writes as a side effect of being asked at all (a failed login, a refused
// credential, a session touch): their changes are checked separately, not forbidden.
export const BOOKKEEPING_TABLES = ['audit_events', 'sessions', 'access_tokens', 'refresh_tokens', 'login_failures', 'refusal_counts'] as const;

const encode = (_key: string, value: unknown): unknown =>
  Buffer.isBuffer(value) ? `hex:${value.toString('hex')}` : value;

/**
 * The schema and the content of every table, read through a separate read-only connection
 * (WAL lets it read while the server writes). Two snapshots are equal when nothing changed.
 */
export function snapshot(dbPath: string, except: readonly string[] = BOOKKEEPING_TABLES): Snapshot {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const schema = db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").all();
    const out: Snapshot = { sqlite_master: JSON.stringify(schema) };
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    for (const table of tables) {
      if (except.includes(table)) continue;
      out[table] = JSON.stringify(db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all(), encode);
    }
    return out;
  } finally {
    db.close();
  }
}

/** The audit actions written after event `afterId`. */
export function auditActionsSince(dbPath: string, afterId: number): string[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT action FROM audit_events WHERE id > ? ORDER BY id').pluck().all(afterId) as string[];
  } finally {
    db.close();
  }
}

export function lastAuditId(dbPath: string): number {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT coalesce(max(id), 0) FROM audit_events').pluck().get() as number);
  } finally {
    db.close();
  }
}

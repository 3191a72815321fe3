import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import type { Migration } from './migrations';
import { PG_MIGRATIONS } from './pg-migrations';
import { PgChangeListener } from './pg-listener';
import type { Schema } from './schema';
import { repositoriesFor, type Store } from './store';
import { StoreConnectError, StoreUnavailableError, isStoreUnavailable, nulCharacterRefusal } from './store-errors';

// Counts and epoch-millisecond instants are BIGINT; they fit a JavaScript number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

// One key for every node of every Wifox database on the server: migrations and startup seeding
// are short, and serialising them across databases costs nothing.
const STARTUP_LOCK = 0x5746_4f58;

export interface PgStoreOptions {
  migrations?: readonly Migration[];
  poolSize?: number;
}

/** host:port/database of a URL, for messages: never the password. */
export function describePgUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}${parsed.pathname || '/'}`;
  } catch {
    return 'an unreadable URL';
  }
}

function checkUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StoreConnectError('--db: not a valid postgres:// URL (postgres://user:password@host:5432/database).');
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol) || parsed.pathname.length <= 1) {
    throw new StoreConnectError('--db: a PostgreSQL URL needs a database name (postgres://user:password@host:5432/database).');
  }
}

// Kysely's dialect talks to this pool: connection failures become StoreUnavailableError (503)
// at the one place every query passes, and a client that failed so is not reused.
function guardedPool(pool: pg.Pool): PostgresPool {
  const guard = (error: unknown): unknown =>
    isStoreUnavailable(error) ? new StoreUnavailableError(String((error as Error).message)) : (nulCharacterRefusal(error) ?? error);
  return {
    connect: async (): Promise<PostgresPoolClient> => {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw guard(error);
      }
      let broken = false;
      // pg emits 'error' on a checked-out client whose connection died; unheard, it would end
      // the process. The query in flight fails on its own; the client is not reused.
      const onError = (): void => {
        broken = true;
      };
      client.on('error', onError);
      return {
        query: async (sql: string, parameters: readonly unknown[]) => {
          try {
            return await client.query(sql, [...parameters]);
          } catch (error) {
            const mapped = guard(error);
            if (mapped instanceof StoreUnavailableError) broken = true;
            throw mapped;
          }
        },
        release: (destroy?: boolean) => {
          client.removeListener('error', onError);
          client.release(destroy === true || broken);
        },
      } as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}

async function withStartupLock<T>(pool: pg.Pool, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]);
    }
  } finally {
    client.release();
  }
}

async function migrate(pool: pg.Pool, migrations: readonly Migration[]): Promise<void> {
  await withStartupLock(pool, async () => {
    const client = await pool.connect();
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TEXT NOT NULL
      )`);
      const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version));
      for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
        if (applied.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
            [migration.version, migration.name, new Date().toISOString()]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }
    } finally {
      client.release();
    }
  });
}

/**
 * PostgreSQL: any number of nodes share one database. Opening checks the connection, then
 * migrates under an advisory lock, so nodes starting together migrate once.
 */
export async function openPgStore(url: string, options: PgStoreOptions = {}): Promise<Store> {
  checkUrl(url);
  const config: pg.PoolConfig = {
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'wifox-api',
  };
  const pool = new pg.Pool(config);
  // An idle client whose server went away: the pool drops it and connects anew on demand.
  pool.on('error', () => undefined);
  try {
    const probe = await pool.connect();
    probe.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message || (error as { code?: string }).code : String(error);
    throw new StoreConnectError(`cannot connect to PostgreSQL at ${describePgUrl(url)}: ${reason}`);
  }
  try {
    await migrate(pool, options.migrations ?? PG_MIGRATIONS);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }

  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool: guardedPool(pool) }) });
  let listener: PgChangeListener | null = null;
  return {
    kind: 'postgres',
    db,
    repos: repositoriesFor(db, 'postgres'),
    transaction: (work) => db.transaction().execute((trx) => work(repositoriesFor(trx, 'postgres'))),
    exclusive: (work) => withStartupLock(pool, work),
    listen: async (handlers) => {
      listener = new PgChangeListener({ connectionString: url, application_name: 'wifox-api-listener' }, handlers);
      await listener.start();
    },
    caughtUp: async () => {
      await listener?.caughtUp();
    },
    close: async () => {
      await listener?.close();
      await db.destroy();
    },
  };
}

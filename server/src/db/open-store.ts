import type { Migration } from './migrations';
import { openPgStore } from './pg-store';
import { openSqliteStore } from './sqlite-store';
import { isPostgresUrl, type Store } from './store';

/** `location` is an SQLite file path or a postgres:// URL. */
export async function openStore(location: string, options: { migrations?: readonly Migration[] } = {}): Promise<Store> {
  return isPostgresUrl(location) ? openPgStore(location, options) : openSqliteStore(location, options.migrations);
}

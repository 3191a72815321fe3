import type { Kysely } from 'kysely';
import { createRepositories, type Repositories } from '../repositories';
import type { Schema } from './schema';

export type StoreKind = 'sqlite' | 'postgres';

/** A change another node must hear about: its caches hold what the change makes stale. */
export type StoreChange =
  | { kind: 'token'; id: number }
  // A role's rights changed or it was deleted: every token holding it decides anew.
  | { kind: 'role'; id: number }
  | { kind: 'refusals'; address: string; until: number };

export interface ChangeHandlers {
  change: (change: StoreChange) => void;
  /** The notification connection is lost: changes may be missed until `up`. */
  down: () => void;
  up: () => void;
}

/**
 * The database behind the API: an SQLite file (one node) or PostgreSQL (any number of nodes).
 * Repositories are the same for both; what differs is how the nodes hear of each other's
 * changes and how startup work is kept to one node at a time.
 */
export interface Store {
  readonly kind: StoreKind;
  readonly db: Kysely<Schema>;
  readonly repos: Repositories;
  /** Runs `work` in one transaction; its repositories write through that transaction. */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  /** Runs `work` while no other node runs startup work (PostgreSQL advisory lock). */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Starts hearing other nodes' changes; SQLite has no other nodes and never calls back. */
  listen(handlers: ChangeHandlers): Promise<void>;
  /**
   * Resolves once every change committed before the call has been heard (and its handler run):
   * what makes "the very next request, on any node" hold. At once on SQLite.
   */
  caughtUp(): Promise<void>;
  close(): Promise<void>;
}

export function repositoriesFor(db: Kysely<Schema>, kind: StoreKind): Repositories {
  return createRepositories(db, kind);
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

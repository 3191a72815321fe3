import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import pg from 'pg';

// Debian's postgresql package; PG_BIN overrides it elsewhere.
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
export const PG_USER = 'wifox';

export interface PgCluster {
  port: number;
  /** URL of `database` on this cluster. */
  url: (database: string) => string;
  stop: () => void;
  start: () => void;
  /** Stops at once (in-flight work aborted), like a crash or an operator's immediate restart. */
  stopImmediate: () => void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// initdb and pg_ctl refuse to run as root: as root they run as the `postgres` user, in a
// folder that user owns.
function runAsOwner(command: string, args: string[]): void {
  const asRoot = userInfo().uid === 0;
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(BIN, command), ...args]] : [join(BIN, command), args];
  execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/**
 * A throwaway PostgreSQL cluster on loopback, on a free port, in a temp folder. fsync is off:
 * the tests kill API nodes or this cluster's processes, never its host, so the OS keeps every
 * write and fsync buys nothing but seconds. Commits are asynchronous too, unless the test stops
 * the cluster itself (`killedUnderTest`): an immediate stop then loses the commits of the last
 * few hundred milliseconds, which an API node has already acknowledged.
 */
export async function startPgCluster(options: { killedUnderTest?: boolean } = {}): Promise<PgCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'wifox-pg-'));
  if (userInfo().uid === 0) {
    const { uid, gid } = pgOwner();
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  runAsOwner('initdb', ['-D', data, '-A', 'trust', '-U', PG_USER, '-E', 'UTF8', '--no-sync', '--locale=C']);
  const settings = [
    `-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', '-c fsync=off',
    `-c synchronous_commit=${options.killedUnderTest === true ? 'on' : 'off'}`,
    '-c full_page_writes=off', '-c max_connections=400', '-c shared_buffers=32MB',
  ].join(' ');
  const start = (): void => runAsOwner('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'log'), '-w', 'start']);
  const stopImmediate = (): void => runAsOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  start();
  const url = (database: string): string => `postgres://${PG_USER}@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    start,
    stopImmediate,
    stop() {
      try {
        stopImmediate();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function pgOwner(): { uid: number; gid: number } {
  const out = execFileSync('id', ['postgres'], { encoding: 'utf8' });
  const uid = Number(/uid=(\d+)/.exec(out)?.[1]);
  const gid = Number(/gid=(\d+)/.exec(out)?.[1]);
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error('No postgres user: install Debian\'s postgresql package.');
  return { uid, gid };
}

let databases = 0;

/** A fresh database in the cluster `adminUrl` points into; returns its URL. */
export async function createPgDatabase(adminUrl: string, prefix = 'wifox'): Promise<string> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${databases++}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { createPgDatabase } from './support/pg-cluster';
import { buildServer, type ServerOptions } from '../../server/src/app';
import { hashPassword } from '../../server/src/auth/passwords';
import { openStore } from '../../server/src/db/open-store';
import type { RolesRepository } from '../../server/src/repositories/roles';

// Cheap scrypt for tests only; the server's default cost is untouched.
export const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };
export const ADMIN = { email: 'admin@example.test', password: 'Adm1n-Passw0rd!' };

/** A clock tests move by hand. */
export class TestClock {
  private ms: number;
  constructor(start = '2030-06-15T12:00:00.000Z') {
    this.ms = Date.parse(start);
  }
  readonly now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

/**
 * The store this run tests: the `server-pg` project provides a PostgreSQL cluster (its
 * globalSetup), the `node` project none, so the same suite runs once per store.
 */
export const PG_ADMIN_URL = (inject('pgAdminUrl') as string | undefined) ?? null;
export { createPgDatabase };
export const STORE: 'sqlite' | 'postgres' = PG_ADMIN_URL ? 'postgres' : 'sqlite';

/** Where a test's server keeps its data: a file in `dir` (SQLite) or a new database (PostgreSQL). */
export async function newStoreLocation(dir: string, file = 'wifox.db'): Promise<string> {
  return PG_ADMIN_URL ? createPgDatabase(PG_ADMIN_URL) : join(dir, file);
}

export function tempDir(prefix = 'wifox-server-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Started {
  app: FastifyInstance;
  port: number;
  /** SQLite file or PostgreSQL URL. */
  dbPath: string;
  dir: string;
  close: () => Promise<void>;
}

export async function startServer(options: Partial<ServerOptions> = {}, host = '127.0.0.1'): Promise<Started> {
  const { dir, remove } = tempDir();
  const dbPath = options.dbPath ?? (await newStoreLocation(dir));
  const app = await buildServer({ admin: ADMIN, scryptCost: TEST_SCRYPT, ...options, dbPath });
  await app.listen({ port: 0, host });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    app,
    port: address.port,
    dbPath,
    dir,
    close: async () => {
      await app.close();
      remove();
    },
  };
}

export interface Reply<T = unknown> {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  body: T;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  json?: unknown;
  rawBody?: string | Buffer;
  /** Source address of the client socket (127.0.0.2, 127.0.0.3 ... are all loopback). */
  localAddress?: string;
  host?: string;
}

/** A plain node:http request on a fresh socket, so the source address is what we choose. */
export function request<T = unknown>(port: number, path: string, options: RequestOptions = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  let payload: Buffer | undefined;
  if (options.json !== undefined) {
    payload = Buffer.from(JSON.stringify(options.json));
    headers['content-type'] ??= 'application/json';
  } else if (options.rawBody !== undefined) {
    payload = Buffer.isBuffer(options.rawBody) ? options.rawBody : Buffer.from(options.rawBody);
  }
  if (payload) headers['content-length'] = String(payload.length);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: options.host ?? '127.0.0.1',
        port,
        path,
        method: options.method ?? (payload ? 'POST' : 'GET'),
        headers,
        agent: false,
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = undefined;
          if (text && (res.headers['content-type'] ?? '').includes('json')) body = JSON.parse(text);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body: body as T });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  auth: Record<string, string>;
}

export async function login(port: number, account: { email: string; password: string } = ADMIN): Promise<Session> {
  const reply = await request<{ accessToken: string; refreshToken: string }>(port, '/api/admin/auth/login', { json: account });
  if (reply.status !== 200) throw new Error(`login failed: ${reply.status} ${reply.text}`);
  return {
    accessToken: reply.body.accessToken,
    refreshToken: reply.body.refreshToken,
    auth: { authorization: `Bearer ${reply.body.accessToken}` },
  };
}

/** Adds an employee holding the named role, through a second connection to the same store. */
export async function addEmployee(dbPath: string, employee: { email: string; password: string; name: string; roles: string[] }): Promise<void> {
  const passwordHash = await hashPassword(employee.password, TEST_SCRYPT);
  const store = await openStore(dbPath);
  try {
    const { employees, roles } = store.repos;
    const row = await employees.insert({ email: employee.email, name: employee.name, passwordHash }, new Date());
    for (const name of employee.roles) {
      const role = await roles.findByName(name);
      if (!role) throw new Error(`no role ${name}`);
      await employees.assignRole(row.id, role.id);
    }
  } finally {
    await store.close();
  }
}

/** Adds a role through a second connection to the same store. */
export async function addRole(dbPath: string, role: Parameters<RolesRepository['insert']>[0]): Promise<number> {
  const store = await openStore(dbPath);
  try {
    return (await store.repos.roles.insert(role, new Date())).id;
  } finally {
    await store.close();
  }
}

export interface TokenReply {
  id: number;
  name: string;
  roleId: number;
  roleName: string;
  permissions: string[];
  whitelist: string[];
  expiresOn: string | null;
  expiresAt: string | null;
  status: string;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  secretHint: string;
  version: number;
}

export interface ErrorReply {
  statusCode: number;
  code: string;
  message: string;
  details?: { field: string; message: string }[];
}

export async function roleId(port: number, session: Session, name: string): Promise<number> {
  const reply = await request<{ items: { id: number; name: string }[] }>(port, '/api/admin/roles', { headers: session.auth });
  const found = reply.body.items.find((role) => role.name === name);
  if (!found) throw new Error(`role ${name} not visible`);
  return found.id;
}

export async function createToken(
  port: number,
  session: Session,
  body: { name: string; roleId: number; expiresOn?: string | null; whitelist?: string[] },
): Promise<{ token: TokenReply; secret: string }> {
  const reply = await request<{ token: TokenReply; secret: string }>(port, '/api/admin/identification-tokens', {
    headers: session.auth,
    json: body,
  });
  if (reply.status !== 201) throw new Error(`create failed: ${reply.status} ${reply.text}`);
  return reply.body;
}

import { readFileSync, existsSync } from 'node:fs';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../server/src/app';
import { openDatabase } from '../../server/src/db/open';
import { MIGRATIONS } from '../../server/src/db/migrations';
import { ADMIN, TEST_SCRYPT, createToken, login, request, roleId, tempDir, type TokenReply } from './harness';

const { dir, remove } = tempDir();
const dbPath = join(dir, 'nested', 'wifox.db');
afterAll(() => remove());

async function listen(logLines?: string[]) {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines?.push(chunk.toString('utf8'));
      done();
    },
  });
  const app = await buildServer({
    dbPath,
    admin: ADMIN,
    scryptCost: TEST_SCRYPT,
    demo: true,
    logger: logLines ? { level: 'trace', stream } : false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { app, port: address.port };
}

function fileBytes(): Buffer {
  return Buffer.concat(['', '-wal', '-shm', '-journal'].map((suffix) => `${dbPath}${suffix}`).filter(existsSync).map((path) => readFileSync(path)));
}

describe('secrets at rest and restarts', () => {
  // One server life that stores a token, uses it and is denied once; each test below looks at
  // what it left behind (files, logs, audit) or restarts on the same file, in any order.
  let secret = '';
  let tokenId = 0;
  let admin: Awaited<ReturnType<typeof login>>;
  let audit: Awaited<ReturnType<typeof request>>;
  const logs: string[] = [];

  beforeAll(async () => {
    const { app, port } = await listen(logs);
    try {
      admin = await login(port);
      const created = await createToken(port, admin, { name: 'AtRest', roleId: await roleId(port, admin, 'Read-only Clients'), whitelist: ['127.0.0.1'] });
      secret = created.secret;
      tokenId = created.token.id;
      expect((await request(port, '/api/public/clients', { headers: { authorization: secret } })).status).toBe(200);
      expect((await request(port, '/api/public/clients', { headers: { authorization: `Bearer ${secret}` }, localAddress: '127.0.0.2' })).status).toBe(403);
      audit = await request(port, '/api/admin/audit-events?limit=100', { headers: admin.auth });
    } finally {
      await app.close();
    }
  });

  it('keeps the secret out of the database files, the logs and the audit trail', () => {
    const bytes = fileBytes();
    expect(bytes.length).toBeGreaterThan(0);
    const body = secret.slice(4, 36);
    for (const needle of [secret, body, body.slice(4)]) {
      expect(bytes.includes(Buffer.from(needle, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(needle, 'utf16le'))).toBe(false);
    }
    // Nor the admin's password, access or refresh tokens.
    for (const needle of [ADMIN.password, admin.accessToken, admin.refreshToken]) expect(bytes.includes(Buffer.from(needle))).toBe(false);

    const logText = logs.join('');
    expect(logText).toContain('incoming request');
    expect(logText).not.toContain(body);
    expect(logText).not.toContain(admin.accessToken);
    expect(logText).not.toContain(ADMIN.password);
    expect(audit.text).not.toContain(body);
  });

  it('keeps all data across a restart on the same file', async () => {
    const { app, port } = await listen();
    try {
      const admin = await login(port);
      const token = await request<TokenReply>(port, `/api/admin/identification-tokens/${tokenId}`, { headers: admin.auth });
      expect(token.status).toBe(200);
      expect(token.body).toMatchObject({ name: 'AtRest', whitelist: ['127.0.0.1'], lastUsedIp: '127.0.0.1' });
      expect((await request(port, '/api/public/clients', { headers: { authorization: secret } })).status).toBe(200);
      // The demo is seeded once: a second --demo start adds nothing.
      const list = await request<{ total: number }>(port, '/api/admin/identification-tokens?search=BackendAutomation', { headers: admin.auth });
      expect(list.body.total).toBe(1);
      const audit = await request<{ items: { action: string }[] }>(port, `/api/admin/audit-events?tokenId=${tokenId}`, { headers: admin.auth });
      expect(audit.body.items.map((event) => event.action)).toEqual(['token.denied', 'token.created']);
    } finally {
      await app.close();
    }
  });

  it('opens in WAL mode with foreign keys on and applies each migration once', () => {
    const db = openDatabase(dbPath);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      const versions = db.prepare('SELECT version FROM schema_migrations').pluck().all();
      expect(versions).toEqual(MIGRATIONS.map((migration) => migration.version));
      expect(() => db.prepare("INSERT INTO employee_roles (employee_id, role_id) VALUES (999, 999)").run()).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
    }
  });

  it('resets the administrator password from the given account on restart', async () => {
    const app = await buildServer({ dbPath, admin: { email: ADMIN.email, password: 'N3w-Passw0rd!' }, scryptCost: TEST_SCRYPT });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      expect((await request(port, '/api/admin/auth/login', { json: ADMIN })).status).toBe(401);
      expect((await request(port, '/api/admin/auth/login', { json: { email: ADMIN.email, password: 'N3w-Passw0rd!' } })).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('first start without an account', () => {
  it('creates admin@wifox.local with a generated password reported once', async () => {
    const temp = tempDir();
    const generated: { email: string; password: string }[] = [];
    const path = join(temp.dir, 'fresh.db');
    const app = await buildServer({ dbPath: path, scryptCost: TEST_SCRYPT, onGeneratedAdmin: (account) => generated.push(account) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      expect(generated).toHaveLength(1);
      expect(generated[0]?.email).toBe('admin@wifox.local');
      expect(generated[0]?.password).toMatch(/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)(?=.*[^A-Za-z\d]).{12,}$/);
      const reply = await request<{ employee: { rank: number } }>(port, '/api/admin/auth/login', { json: generated[0] });
      expect(reply.body.employee.rank).toBe(1);
    } finally {
      await app.close();
    }
    const again = await buildServer({ dbPath: path, scryptCost: TEST_SCRYPT, onGeneratedAdmin: (account) => generated.push(account) });
    await again.close();
    expect(generated).toHaveLength(1);
    expect(readFileSync(path).includes(Buffer.from(generated[0]?.password ?? 'x'))).toBe(false);
    temp.remove();
  });
});

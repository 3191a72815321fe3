import { existsSync, readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot } from '../hardening/db-snapshot';
import { STORE, createToken, login, request, roleId, startServer } from '../harness';

// One server life through every rotation and leak flow; then no secret may be found in the
// store (every table, and the SQLite files byte for byte), the logs or the audit trail.

const TOKENS = '/api/admin/identification-tokens';
const logs: string[] = [];
const secrets: string[] = [];
let dbPath = '';
let auditText = '';
let close: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const server = await startServer({ demo: true, logger: { level: 'trace', stream } });
  dbPath = server.dbPath;
  close = server.close;
  const { port } = server;
  const admin = await login(port);
  const role = await roleId(port, admin, 'Read-only Clients');
  const use = (secret: string) => request(port, '/api/public/clients', { headers: { authorization: secret } });

  const rotating = await createToken(port, admin, { name: 'At rest rotating', roleId: role });
  const rotated = await request<{ secret: string; token: { version: number } }>(port, `${TOKENS}/${rotating.token.id}/rotate-secret`, { headers: admin.auth, json: { overlapHours: 1 } });
  expect((await use(rotating.secret)).status).toBe(200);
  expect((await use(rotated.body.secret)).status).toBe(200);
  await request(port, `${TOKENS}/${rotating.token.id}/end-overlap`, { method: 'POST', headers: { ...admin.auth, 'if-match': `"${rotated.body.token.version}"` } });
  expect((await use(rotating.secret)).status).toBe(401);

  const leaked = await createToken(port, admin, { name: 'At rest leaked', roleId: role });
  const hash = createHash('sha256').update(leaked.secret).digest('hex');
  expect((await request(port, `${TOKENS}/leak-lookup`, { headers: admin.auth, json: { hashes: [hash] } })).status).toBe(200);
  expect((await request(port, '/api/public/tokens/revoke', { json: { secrets: [leaked.secret] } })).status).toBe(200);
  expect((await use(leaked.secret)).status).toBe(401);

  secrets.push(rotating.secret, rotated.body.secret, leaked.secret);
  auditText = (await request(port, '/api/admin/audit-events?limit=500', { headers: admin.auth })).text;
  await server.app.close();
});
afterAll(async () => {
  await close();
});

const needles = () => secrets.flatMap((secret) => [secret, secret.slice(4, 36), secret.slice(8, 36)]);

describe('secrets through rotation and leak response', () => {
  it('reach no table of the store, nor the SQLite files', async () => {
    const tables = JSON.stringify(await snapshot(dbPath, []));
    expect(tables).toContain('retired_secrets');
    for (const needle of needles()) expect(tables).not.toContain(needle);
    if (STORE === 'sqlite') {
      const bytes = Buffer.concat(['', '-wal', '-shm', '-journal'].map((suffix) => `${dbPath}${suffix}`).filter(existsSync).map((path) => readFileSync(path)));
      for (const needle of needles()) {
        expect(bytes.includes(Buffer.from(needle, 'utf8'))).toBe(false);
        expect(bytes.includes(Buffer.from(needle, 'utf16le'))).toBe(false);
      }
    }
  });

  it('reach neither the logs nor the audit trail', () => {
    const logText = logs.join('');
    expect(logText).toContain('rotate-secret');
    expect(auditText).toContain('token.rotated');
    expect(auditText).toContain('token.revoked');
    for (const needle of needles()) {
      expect(logText).not.toContain(needle);
      expect(auditText).not.toContain(needle);
    }
  });
});

import { createHash, createPublicKey, verify } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedMessage } from '../../../shared/inventory/signature';
import type { InventorySignature, SigningKeysResponse } from '../../../shared/api/signing';
import { openStore } from '../../../server/src/db/open-store';
import { addEmployee, addRole, login, newStoreLocation, request, startServer, tempDir, type Session, type Started } from '../harness';

// The server's inventory signatures over real HTTP: the published keys, a signature that
// verifies with them and with nothing else, rotation (rights, audit, old keys kept), one key
// for nodes starting together, and the private key in no answer, log line or audit row.

const KEYS = '/api/public/signing-keys';
const SIGN = '/api/admin/inventory-signatures';
const ROTATE = '/api/admin/signing-keys/rotate';
const READER = { email: 'reader@example.test', password: 'Reader-Passw0rd!', name: 'Rita Reader' };
const DIGEST = createHash('sha256').update('an inventory').digest('hex');

// The raw 32-byte key wrapped in the SubjectPublicKeyInfo DER that node:crypto reads.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const publicKey = (raw: string) => createPublicKey({ key: Buffer.concat([SPKI_PREFIX, Buffer.from(raw, 'base64')]), format: 'der', type: 'spki' });

function verifies(signature: InventorySignature, digest: string, keys: SigningKeysResponse): boolean {
  const key = keys.keys.find((candidate) => candidate.keyId === signature.keyId);
  if (!key) return false;
  return verify(null, Buffer.from(signedMessage(digest, signature), 'utf8'), publicKey(key.publicKey), Buffer.from(signature.value, 'base64'));
}

const logs: string[] = [];
const answers: string[] = [];
const announced: { keyId: string; fingerprint: string }[] = [];
let server: Started;
let admin: Session;
let reader: Session;

async function call<T>(path: string, options: Parameters<typeof request>[2] = {}) {
  const reply = await request<T>(server.port, path, options);
  answers.push(reply.text);
  return reply;
}

beforeAll(async () => {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  server = await startServer({ organisationName: 'Acme Bank', logger: { level: 'trace', stream }, onSigningKey: (key) => announced.push(key) });
  await addRole(server.dbPath, { name: 'Token readers', type: 'employee', rank: 5, rights: { security: { view: 'own', manage: [] } } });
  await addEmployee(server.dbPath, { ...READER, roles: ['Token readers'] });
  admin = await login(server.port);
  reader = await login(server.port, { email: READER.email, password: READER.password });
});
afterAll(async () => {
  await server.close();
});

describe('inventory signing keys', () => {
  it('publishes the key made at start, without credentials, with a fingerprint anyone can recompute', async () => {
    const reply = await call<SigningKeysResponse>(KEYS);
    expect(reply.status).toBe(200);
    expect(reply.body.server).toBe('Acme Bank');
    // Tests run shuffled: a rotation may have come first, so look for the key made at start.
    expect(announced).toHaveLength(1);
    const key = reply.body.keys.find((candidate) => candidate.keyId === announced[0]?.keyId);
    const fingerprint = createHash('sha256').update(Buffer.from(key?.publicKey ?? '', 'base64')).digest('hex');
    // What the command line prints at start is this key's fingerprint, and its id is the fingerprint's start.
    expect(key).toMatchObject({ algorithm: 'Ed25519', fingerprint: announced[0]?.fingerprint, keyId: fingerprint.slice(0, 16) });
    const current = reply.body.keys.find((candidate) => candidate.keyId === reply.body.currentKeyId);
    expect(current?.retiredAt).toBeNull();
    expect(reply.body.keys.filter((candidate) => candidate.retiredAt === null)).toHaveLength(1);
  });

  it('signs a digest so that the published key verifies it, and only for that digest, server and time', async () => {
    const reply = await call<InventorySignature>(SIGN, { headers: reader.auth, json: { digest: DIGEST } });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ algorithm: 'Ed25519', server: 'Acme Bank', signedFor: { name: READER.name } });
    const keys = (await call<SigningKeysResponse>(KEYS)).body;
    expect(verifies(reply.body, DIGEST, keys)).toBe(true);
    const otherDigest = createHash('sha256').update('another inventory').digest('hex');
    expect(verifies(reply.body, otherDigest, keys)).toBe(false);
    expect(verifies({ ...reply.body, server: 'Evil Corp' }, DIGEST, keys)).toBe(false);
    expect(verifies({ ...reply.body, signedAt: '2020-01-01T00:00:00.000Z' }, DIGEST, keys)).toBe(false);
  });

  it('refuses to sign without a session, or something that is not a SHA-256 digest', async () => {
    expect((await call(SIGN, { json: { digest: DIGEST } })).status).toBe(401);
    const bad = await call<{ code: string }>(SIGN, { headers: admin.auth, json: { digest: 'ABC' } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
  });

  it('rotates only for Manage all on Security; the old key stays published and its signatures still verify', async () => {
    const before = (await call<InventorySignature>(SIGN, { headers: admin.auth, json: { digest: DIGEST } })).body;
    const refused = await call<{ code: string }>(ROTATE, { method: 'POST', headers: reader.auth });
    expect(refused.status).toBe(403);

    const rotated = await call<SigningKeysResponse>(ROTATE, { method: 'POST', headers: admin.auth });
    expect(rotated.status).toBe(200);
    expect(rotated.body.currentKeyId).not.toBe(before.keyId);
    expect(rotated.body.keys.find((key) => key.keyId === before.keyId)?.retiredAt).not.toBeNull();
    expect(rotated.body.keys.find((key) => key.keyId === rotated.body.currentKeyId)?.retiredAt).toBeNull();

    const after = (await call<InventorySignature>(SIGN, { headers: admin.auth, json: { digest: DIGEST } })).body;
    expect(after.keyId).toBe(rotated.body.currentKeyId);
    const published = (await call<SigningKeysResponse>(KEYS)).body;
    expect(verifies(before, DIGEST, published)).toBe(true);
    expect(verifies(after, DIGEST, published)).toBe(true);

    const audit = await call<{ items: { action: string; actor: { name: string }; reason?: string }[] }>('/api/admin/audit-events?limit=50', { headers: admin.auth });
    const actions = audit.body.items.map((event) => event.action);
    expect(actions).toContain('signing_key.rotated');
    expect(audit.body.items.find((event) => event.action === 'inventory.signed')?.reason).toContain(DIGEST);
  });

  it('keeps every private key out of the answers, the log and the audit trail', async () => {
    // Its own signature and rotation: tests run in any order.
    await call(SIGN, { headers: admin.auth, json: { digest: DIGEST } });
    await call(ROTATE, { method: 'POST', headers: admin.auth });
    await call('/api/admin/audit-events?limit=500', { headers: admin.auth });
    const store = await openStore(server.dbPath);
    let privateKeys: string[];
    try {
      const rows = await store.db.selectFrom('signing_keys').select('private_key').execute();
      privateKeys = rows.map((row) => row.private_key);
    } finally {
      await store.close();
    }
    expect(privateKeys.length).toBeGreaterThanOrEqual(2);
    const seen = [...answers, ...logs].join('\n');
    expect(seen).toContain('inventory.signed');
    for (const key of privateKeys) {
      // The whole key, and its last 32 bytes (the seed itself) in base64 and hex.
      const seed = Buffer.from(key, 'base64').subarray(-32);
      for (const needle of [key, seed.toString('base64').slice(0, 40), seed.toString('hex')]) expect(seen).not.toContain(needle);
    }
  });
});

describe('nodes sharing one store', () => {
  it('agree on one signing key when they start together, and sign with the new one after a rotation anywhere', async () => {
    const { dir, remove } = tempDir();
    const dbPath = await newStoreLocation(dir);
    // Migrated, with no key yet: the nodes race to make the first one.
    await (await openStore(dbPath)).close();
    const nodes = await Promise.all([startServer({ dbPath }), startServer({ dbPath }), startServer({ dbPath })]);
    try {
      const views = await Promise.all(nodes.map((node) => request<SigningKeysResponse>(node.port, KEYS)));
      const current = new Set(views.map((view) => view.body.currentKeyId));
      expect(current.size).toBe(1);
      expect(views[0]?.body.keys).toHaveLength(1);

      // A rotation through one node: the next signature through another uses the new key.
      const [first, second] = nodes;
      const rotated = await request<SigningKeysResponse>(first.port, ROTATE, { method: 'POST', headers: (await login(first.port)).auth });
      const signed = await request<InventorySignature>(second.port, SIGN, { headers: (await login(second.port)).auth, json: { digest: DIGEST } });
      expect(signed.body.keyId).toBe(rotated.body.currentKeyId);
      expect(signed.body.keyId).not.toBe([...current][0]);
    } finally {
      for (const node of nodes) await node.close();
      remove();
    }
  });
});

import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventoryDialogPort } from '../../../main/inventory/dialog-port';
import { ALTERED_SIGNATURE_MESSAGE } from '../../../main/signing/server-keys';
import { openStore } from '../../../server/src/db/open-store';
import type { SignatureState } from '../../../shared/inventory/signature';
import type { InventorySnapshot } from '../../../shared/inventory/snapshot';
import type { ProfileSigningKeys } from '../../../shared/ipc/signing-contract';
import { electronStoreIn } from '../../support/electron-store';
import { buildConsole, type TestConsole } from '../support/console';
import { ADMIN, startReferenceServer, type ReferenceServer } from '../support/reference-server';
import { expectError, expectOk, signIn } from '../support/sign-in';

// Signed inventories through the real main services and the real reference server: the key
// recorded on first connection, a signed export, one edited byte refused, an unsigned file and
// a foreign one told apart, a rotated key trusted only once accepted, and offline checking.

class QueuedDialogs implements InventoryDialogPort {
  readonly paths: (string | null)[] = [];
  async chooseSavePath(): Promise<string | null> {
    return this.paths.shift() ?? null;
  }
  async chooseOpenPath(): Promise<string | null> {
    return this.paths.shift() ?? null;
  }
}

type Opened = { id: string; snapshot: InventorySnapshot; signature: SignatureState };

let server: ReferenceServer;
let dir: string;
let app: TestConsole;
let dialogs: QueuedDialogs;
let storeFile: string;
let userData: string;
let profileId: string;

const exportJson = async (into: TestConsole = app, queue: QueuedDialogs = dialogs, name = `export-${Math.random().toString(36).slice(2)}.json`) => {
  const path = join(dir, name);
  queue.paths.push(path);
  const result = expectOk<{ filePath: string; signature?: SignatureState }>(await into.call('inventory.export', { source: { kind: 'live' }, format: 'json' }));
  return { path, result };
};

const open = async (path: string, into: TestConsole = app, queue: QueuedDialogs = dialogs) => {
  queue.paths.push(path);
  return into.call('inventory.open');
};

async function rotateOnServer(url: string): Promise<void> {
  const login = await fetch(`${url}/api/admin/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const rotated = await fetch(`${url}/api/admin/signing-keys/rotate`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` } });
  expect(rotated.status).toBe(200);
}

beforeAll(async () => {
  server = await startReferenceServer({ demo: true });
  dir = mkdtempSync(join(tmpdir(), 'wifox-signed-'));
  dialogs = new QueuedDialogs();
  const persisted = electronStoreIn();
  storeFile = persisted.file;
  userData = mkdtempSync(join(dir, 'userData-'));
  app = buildConsole({ dialogs, store: persisted.store, userDataDir: userData });
  profileId = (await signIn(app, server.url)).profile.id;
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('signed inventories in main', () => {
  it('records the server key when the profile first connects, with the fingerprint the server computes', async () => {
    const keys = expectOk<ProfileSigningKeys>(await app.call('profiles.signingKeys', { profileId }));
    const published = (await (await fetch(`${server.url}/api/public/signing-keys`)).json()) as { keys: { keyId: string; fingerprint: string }[] };
    const first = published.keys[0];
    const recorded = keys.keys.find((key) => key.keyId === first?.keyId);
    expect(recorded?.trusted).toBe(true);
    expect(recorded?.fingerprint.replaceAll(' ', '').toLowerCase()).toBe(first?.fingerprint);
    expect(recorded?.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
  });

  it('exports a signed snapshot that verifies, and refuses it once one byte is edited, even with its digest recomputed', async () => {
    const { path, result } = await exportJson();
    expect(result.signature?.state).toBe('signed');
    const text = readFileSync(path, 'utf8');
    const opened = expectOk<Opened>(await open(path));
    expect(opened.signature).toMatchObject({ state: 'signed', profileName: `Server ${server.url}`, signature: { signedFor: { name: ADMIN.name } } });

    // One byte of a token name changed: the digest no longer matches.
    const edited = join(dir, 'edited.json');
    const nameAt = text.indexOf('"name":"') + '"name":"'.length;
    writeFileSync(edited, `${text.slice(0, nameAt)}${text[nameAt] === 'X' ? 'Y' : 'X'}${text.slice(nameAt + 1)}`);
    expect(expectError(await open(edited)).message).toContain('no longer matches its SHA-256 digest');

    // The same edit with the digest recomputed, as anyone could: the signature refutes it.
    const forged = JSON.parse(readFileSync(edited, 'utf8')) as InventorySnapshot & Record<string, unknown>;
    const { digest: _digest, signature, ...content } = forged;
    const { canonicalJson } = await import('../../../shared/inventory/canonical-json');
    const { createHash } = await import('node:crypto');
    const value = createHash('sha256').update(canonicalJson(content)).digest('hex');
    writeFileSync(edited, JSON.stringify({ ...content, digest: { algorithm: 'SHA-256', value }, signature }));
    const refused = expectError(await open(edited));
    expect(refused).toMatchObject({ code: 'validation', message: ALTERED_SIGNATURE_MESSAGE });

    // Without its signature block, the file is merely unsigned.
    writeFileSync(edited, JSON.stringify({ ...content, digest: { algorithm: 'SHA-256', value } }));
    expect(expectOk<Opened>(await open(edited)).signature).toEqual({ state: 'unsigned' });
  });

  it('calls a file signed by a key no profile recorded foreign, on a console that never met the server', async () => {
    const { path } = await exportJson();
    const otherDialogs = new QueuedDialogs();
    const other = buildConsole({ dialogs: otherDialogs });
    const opened = expectOk<Opened>(await open(path, other, otherDialogs));
    expect(opened.signature).toMatchObject({ state: 'foreign', fingerprint: null });
  });

  it('trusts a rotated key only once the admin accepts it, and keeps verifying files of the old key offline', async () => {
    // Its own server and console: this test stops its server at the end.
    const own = await startReferenceServer();
    const ownDialogs = new QueuedDialogs();
    const console = buildConsole({ dialogs: ownDialogs });
    const ownProfile = (await signIn(console, own.url)).profile.id;
    try {
      const before = (await exportJson(console, ownDialogs)).path;
      await rotateOnServer(own.url);
      // The next connection records the announced key without trusting it.
      await console.call('session.signOut');
      expectOk(await console.call('session.signIn', { profileId: ownProfile, password: ADMIN.password }));
      const keys = expectOk<ProfileSigningKeys>(await console.call('profiles.signingKeys', { profileId: ownProfile }));
      const announced = keys.keys.filter((key) => !key.trusted);
      expect(announced).toHaveLength(1);

      const { path: after, result } = await exportJson(console, ownDialogs);
      expect(result.signature).toMatchObject({ state: 'foreign', fingerprint: announced[0]?.fingerprint });
      expectOk(await console.call('profiles.acceptSigningKey', { profileId: ownProfile, keyId: announced[0]?.keyId }));
      expect(expectOk<Opened>(await open(after, console, ownDialogs)).signature.state).toBe('signed');

      // The server is gone: the old file still verifies, from what this console recorded.
      await own.close();
      expect(expectOk<Opened>(await open(before, console, ownDialogs)).signature.state).toBe('signed');
    } finally {
      await own.close().catch(() => undefined);
    }
  });

  it('keeps the server private keys out of the console store, its user data and its logs', async () => {
    await exportJson();
    const store = await openStore(server.dbPath);
    const privateKeys = (await store.db.selectFrom('signing_keys').select('private_key').execute()).map((row) => row.private_key);
    await store.close();
    expect(privateKeys.length).toBeGreaterThan(0);
    const files = readdirSync(userData, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    const seen = [readFileSync(storeFile, 'utf8'), ...files.map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8')), app.logs.join('\n')].join('\n');
    expect(seen).toContain('serverSigningKeys');
    for (const key of privateKeys) {
      const seed = Buffer.from(key, 'base64').subarray(-32);
      for (const needle of [key, seed.toString('base64').slice(0, 40), seed.toString('hex')]) expect(seen).not.toContain(needle);
    }
  });
});

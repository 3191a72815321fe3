import { AsyncEntry } from '@napi-rs/keyring';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYCHAIN_SERVICE, KeyringSecretStore } from '../../main/adapters/keyring';
import { probeKeychain } from '../support/keychain-probe';
import { KeychainUnavailableError } from '../../main/ports';
import { KEYCHAIN_WARNING } from '../../main/services/session-service';
import { electronStoreIn } from '../support/electron-store';
import type { SessionState } from '../../shared/ipc/schemas';
import { buildConsole } from './support/console';
import { findLeaks, readAll } from './support/leak-scan';
import { ADMIN, startReferenceServer, type ReferenceServer } from './support/reference-server';
import { expectOk, signIn } from './support/sign-in';

// The real OS keychain through @napi-rs/keyring (the Secret Service on Linux; .ci/run starts an
// unlocked gnome-keyring). A service name of its own keeps the user's real entries untouched.
const SERVICE = `${KEYCHAIN_SERVICE} (test ${process.pid})`;

let server: ReferenceServer;
let keychain: boolean;
let userData: string;

beforeAll(async () => {
  server = await startReferenceServer();
  keychain = await probeKeychain(SERVICE);
  userData = mkdtempSync(join(tmpdir(), 'wifox-keychain-'));
});

afterAll(async () => {
  await server.close();
  rmSync(userData, { recursive: true, force: true });
});

const readEntry = async (account: string): Promise<string | null> =>
  new AsyncEntry(SERVICE, account, { linux: { store: 'secret-service' } }).getPassword();

describe('the OS keychain', () => {
  it('is there in CI', () => {
    // Elsewhere its absence is a supported situation, asserted by the fallback below.
    expect(keychain || process.env.CI === undefined, 'CI must provide an unlocked Secret Service').toBe(true);
  });

  it('KeyringSecretStore stores, reads and deletes — or says plainly that it cannot', async () => {
    const store = new KeyringSecretStore(SERVICE);
    if (keychain) {
      await store.set('unit', 'wfr_unit-test-value');
      expect(await store.get('unit')).toBe('wfr_unit-test-value');
      expect(await readEntry('unit')).toBe('wfr_unit-test-value');
      expect(await store.delete('unit')).toBe(true);
      expect(await store.get('unit')).toBeNull();
      expect(await store.delete('unit')).toBe(false);
    } else {
      await expect(store.set('unit', 'wfr_unit-test-value')).rejects.toBeInstanceOf(KeychainUnavailableError);
      await expect(store.get('unit')).rejects.toThrow(/keychain is not available/);
    }
  });

  it('sign-in stores the refresh token there, a restart resumes, sign-out deletes it; nothing lands on disk', async () => {
    const store = electronStoreIn(userData).store;
    const secrets = new KeyringSecretStore(SERVICE);
    const first = buildConsole({ store, secrets });
    const state = await signIn(first, server.url);
    const profileId = state.profile.id;

    if (keychain) {
      expect(state.credentialStorage).toBe('keychain');
      const stored = await readEntry(profileId);
      expect(stored).toMatch(/^wfr_/);
      expect(findLeaks(readAll(userData), [stored ?? '', ADMIN.password])).toEqual([]);

      const second = buildConsole({ store: electronStoreIn(userData).store, secrets });
      await second.services.start();
      expect(expectOk<SessionState>(await second.call('session.state'))).toMatchObject({
        status: 'signedIn',
        profile: { id: profileId },
        credentialStorage: 'keychain',
      });
      const rotated = await readEntry(profileId);
      expect(rotated).toMatch(/^wfr_/);
      expect(rotated).not.toBe(stored);

      expectOk(await second.call('session.signOut'));
      expect(await readEntry(profileId)).toBeNull();
      expect(findLeaks(readAll(userData), [stored ?? '', rotated ?? '', ADMIN.password])).toEqual([]);
    } else {
      // The documented fallback: this launch works, says why the next one will ask again, and
      // nothing is written in place of the keychain.
      expect(state).toMatchObject({ credentialStorage: 'memory', keychainWarning: KEYCHAIN_WARNING });
      expectOk(await first.call('tokens.list'));
      expect(findLeaks(readAll(userData), [ADMIN.password])).toEqual([]);

      const second = buildConsole({ store: electronStoreIn(userData).store, secrets });
      await second.services.start();
      expect(expectOk<SessionState>(await second.call('session.state'))).toMatchObject({ status: 'signedOut', lastProfileId: profileId });
    }
  });
});

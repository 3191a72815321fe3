import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeychainUnavailableError, type SecretStore } from '../../../main/ports';
import { KEYCHAIN_WARNING } from '../../../main/services/session-service';
import { electronStoreIn } from '../../support/electron-store';
import { MemorySecretStore } from '../support/memory-secret-store';
import type { RoleItem } from '../../../shared/api/roles';
import type { CreateTokenResponse } from '../../../shared/api/tokens';
import type { SessionState, SignedInState } from '../../../shared/ipc/schemas';
import { buildConsole } from '../support/console';
import { findLeaks, readAll } from '../support/leak-scan';
import { ADMIN, startReferenceServer, type ReferenceServer } from '../support/reference-server';
import { addProfile, expectOk } from '../support/sign-in';

// A keychain that answers reads (nothing stored) but refuses to store or delete, as a locked
// Secret Service or login keychain does when the unlock prompt is dismissed. `lockAfter` lets
// the first writes through, for a keychain that locks while the console runs.
class LockedKeychain implements SecretStore {
  private readonly inner = new MemorySecretStore();
  writes = 0;

  constructor(private readonly lockAfter = 0) {}

  get(account: string): Promise<string | null> {
    return this.inner.get(account);
  }

  async set(account: string, secret: string): Promise<void> {
    if (this.writes++ >= this.lockAfter) throw new KeychainUnavailableError('the keychain is locked');
    await this.inner.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    if (this.writes >= this.lockAfter) throw new KeychainUnavailableError('the keychain is locked');
    return this.inner.delete(account);
  }
}

let server: ReferenceServer;
let userData: string;

beforeAll(async () => {
  server = await startReferenceServer({ demo: true });
  userData = mkdtempSync(join(tmpdir(), 'wifox-keychain-fallback-'));
});

afterAll(async () => {
  await server.close();
  rmSync(userData, { recursive: true, force: true });
});

describe('the keychain locked or missing', () => {
  for (const [label, makeSecrets] of [
    ['missing (no Secret Service at all)', () => new MemorySecretStore({ available: false })],
    ['locked (reads answer, writes refused)', () => new LockedKeychain()],
  ] as const) {
    it(`${label}: sign-in works for this launch with the message, and no secret lands on disk`, async () => {
      const dir = mkdtempSync(join(userData, 'case-'));
      const secrets = makeSecrets();
      const console = buildConsole({ store: electronStoreIn(dir).store, secrets, userDataDir: dir });
      const profileId = await addProfile(console, server.url);
      const state = expectOk<SignedInState>(await console.call('session.signIn', { profileId, password: ADMIN.password }));
      expect(state).toMatchObject({ status: 'signedIn', credentialStorage: 'memory', keychainWarning: KEYCHAIN_WARNING });

      // The session is fully usable: create, copy, and a refresh after the access token expired.
      const roles = expectOk<RoleItem[]>(await console.call('roles.list'));
      const { secret } = expectOk<CreateTokenResponse>(
        await console.call('tokens.create', { name: `Keychain ${label.split(' ')[0]}`, roleId: roles[0]?.id }),
      );
      expectOk(await console.call('clipboard.copySecret', { secret }));
      server.advance(16 * 60_000);
      expectOk(await console.call('tokens.list'));
      expect(expectOk<SessionState>(await console.call('session.state'))).toMatchObject({ credentialStorage: 'memory' });

      const leaks = findLeaks([...readAll(dir), { label: 'logs', text: console.logs.join('\n') }], [ADMIN.password, secret]);
      expect(leaks).toEqual([]);
      // The scan can fail: the store file is there and names the profile.
      expect(findLeaks(readAll(dir), [profileId])).not.toEqual([]);

      // The next launch has nothing to resume from, and says nothing false about it.
      const next = buildConsole({ store: electronStoreIn(dir).store, secrets, userDataDir: dir });
      await next.services.start();
      expect(expectOk<SessionState>(await next.call('session.state'))).toMatchObject({ status: 'signedOut', lastProfileId: profileId });
    });
  }

  it('locking while the console runs: the session goes on in memory, with the message, and nothing on disk', async () => {
    const dir = mkdtempSync(join(userData, 'case-'));
    const secrets = new LockedKeychain(1);
    const console = buildConsole({ store: electronStoreIn(dir).store, secrets, userDataDir: dir });
    const profileId = await addProfile(console, server.url);
    const state = expectOk<SignedInState>(await console.call('session.signIn', { profileId, password: ADMIN.password }));
    expect(state.credentialStorage).toBe('keychain');

    // The access token expires; the rotated refresh token cannot be stored any more.
    server.advance(16 * 60_000);
    expectOk(await console.call('tokens.list'));
    expect(secrets.writes).toBe(2);
    expect(expectOk<SessionState>(await console.call('session.state'))).toMatchObject({
      status: 'signedIn',
      credentialStorage: 'memory',
      keychainWarning: KEYCHAIN_WARNING,
    });
    expect(findLeaks([...readAll(dir), { label: 'logs', text: console.logs.join('\n') }], [ADMIN.password])).toEqual([]);
  });
});

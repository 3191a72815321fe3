import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYCHAIN_WARNING } from '../../main/services/session-service';
import { testStore } from '../support/electron-store';
import { MemorySecretStore } from './support/memory-secret-store';
import type { SessionState } from '../../shared/ipc/schemas';
import { buildConsole, RecordingSecretStore } from './support/console';
import { startReferenceServer, type ReferenceServer } from './support/reference-server';
import { addProfile, expectError, expectOk, signIn } from './support/sign-in';

let server: ReferenceServer;

beforeAll(async () => {
  server = await startReferenceServer();
});

afterAll(async () => {
  await server.close();
});

const refreshWorks = async (refreshToken: string | null): Promise<number> => {
  const response = await fetch(`${server.url}/api/admin/auth/refresh`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refreshToken }),
  });
  return response.status;
};

describe('SessionService', () => {
  it('signs in: refresh token in the keychain, nothing secret in the store', async () => {
    const store = testStore();
    const secrets = new RecordingSecretStore();
    const console = buildConsole({ store, secrets });
    const state = await signIn(console, server.url);
    expect(state).toMatchObject({ status: 'signedIn', credentialStorage: 'keychain', connection: 'online', employee: { email: 'admin@example.test' } });
    expect(state.keychainWarning).toBeUndefined();
    const refreshToken = await secrets.get(state.profile.id);
    expect(refreshToken).toMatch(/^wfr_/);
    const stored = JSON.stringify(['profiles', 'settings', 'signedInAs', 'lastProfileId'].map((key) => store.get(key)));
    expect(stored).toContain(state.profile.id);
    expect(stored).not.toContain(refreshToken);
  });

  it('resumes at the next start without a password, and sign-out deletes the entry and revokes the session', async () => {
    const store = testStore();
    const secrets = new MemorySecretStore();
    const first = buildConsole({ store, secrets });
    const { profile } = await signIn(first, server.url);

    const second = buildConsole({ store, secrets });
    await second.services.start();
    const resumed = expectOk<SessionState>(await second.call('session.state'));
    expect(resumed).toMatchObject({ status: 'signedIn', profile: { id: profile.id }, credentialStorage: 'keychain' });
    expectOk(await second.call('tokens.list'));

    const current = await secrets.get(profile.id);
    expect(expectOk<SessionState>(await second.call('session.signOut'))).toEqual({
      status: 'signedOut',
      lastProfileId: profile.id,
      reason: 'signedOut',
    });
    expect(await secrets.get(profile.id)).toBeNull();
    expect(await refreshWorks(current)).toBe(401);

    const third = buildConsole({ store, secrets });
    await third.services.start();
    expect(expectOk<SessionState>(await third.call('session.state'))).toMatchObject({ status: 'signedOut' });
  });

  it('without a keychain: signs in with a warning, keeps the session in memory, and asks again next launch', async () => {
    const store = testStore();
    const secrets = new MemorySecretStore({ available: false });
    const console = buildConsole({ store, secrets });
    const state = await signIn(console, server.url);
    expect(state).toMatchObject({ credentialStorage: 'memory', keychainWarning: KEYCHAIN_WARNING });
    expectOk(await console.call('tokens.list'));
    server.advance(16 * 60_000);
    expectOk(await console.call('tokens.list'));
    expect(JSON.stringify(store.get('profiles'))).not.toContain('wfr_');

    const next = buildConsole({ store, secrets });
    await next.services.start();
    expect(expectOk<SessionState>(await next.call('session.state'))).toMatchObject({ status: 'signedOut' });
  });

  it('a session revoked while the console was closed does not resume', async () => {
    const store = testStore();
    const secrets = new MemorySecretStore();
    const first = buildConsole({ store, secrets });
    const { profile } = await signIn(first, server.url);
    // The refresh token is used elsewhere, so the stored one is now a reuse.
    expect(await refreshWorks(await secrets.get(profile.id))).toBe(200);

    const second = buildConsole({ store, secrets });
    await second.services.start();
    expect(expectOk<SessionState>(await second.call('session.state'))).toEqual({
      status: 'signedOut',
      lastProfileId: profile.id,
      reason: 'revoked',
    });
    expect(await secrets.get(profile.id)).toBeNull();
  });

  it('starts offline when the server is down, then reports the connection and comes back', async () => {
    const own = await startReferenceServer();
    const store = testStore();
    const secrets = new MemorySecretStore();
    const first = buildConsole({ store, secrets });
    const { profile } = await signIn(first, own.url);
    await own.close();

    const second = buildConsole({ store, secrets });
    await second.services.start();
    expect(expectOk<SessionState>(await second.call('session.state'))).toMatchObject({
      status: 'signedIn',
      connection: 'offline',
      employee: { email: 'admin@example.test' },
    });
    expect(expectError(await second.call('tokens.list')).code).toBe('offline');
    expect(await secrets.get(profile.id)).not.toBeNull();
  });

  it('emits connection.changed when a signed-in server goes away', async () => {
    const own = await startReferenceServer();
    const console = buildConsole();
    const { profile } = await signIn(console, own.url);
    expectOk(await console.call('tokens.list'));
    await own.close();
    expect(expectError(await console.call('tokens.list')).code).toBe('offline');
    expect(console.events).toContainEqual({ event: 'connection.changed', payload: { profileId: profile.id, state: 'offline' } });
    expect(expectOk<SessionState>(await console.call('session.state'))).toMatchObject({ status: 'signedIn', connection: 'offline' });
  });

  it('removing a profile signs it out and deletes its keychain entry', async () => {
    const secrets = new MemorySecretStore();
    const console = buildConsole({ secrets });
    const { profile } = await signIn(console, server.url);
    expectOk(await console.call('profiles.remove', { id: profile.id }));
    expect(await secrets.get(profile.id)).toBeNull();
    expect(expectOk<SessionState>(await console.call('session.state'))).toMatchObject({ status: 'signedOut', lastProfileId: null });
    expect(expectOk<unknown[]>(await console.call('profiles.list'))).toEqual([]);
  });

  it('signing in to a profile with an unknown id is not_found', async () => {
    const console = buildConsole();
    await addProfile(console, server.url);
    expect(expectError(await console.call('session.signIn', { profileId: 'missing', password: 'x' })).code).toBe('not_found');
  });
});

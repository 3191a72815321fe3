import { ERROR_WORDING } from '../../shared/ipc/error-wording';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleItem } from '../../shared/api/roles';
import type { CreateTokenResponse, IdentificationToken } from '../../shared/api/tokens';
import { buildConsole } from './support/console';
import { ADMIN, startReferenceServer, type ReferenceServer } from './support/reference-server';
import { addProfile, expectError, expectOk, signIn } from './support/sign-in';

// Every error code the API client promises, produced by the real reference server over loopback.
let server: ReferenceServer;
let roleId: number;

beforeAll(async () => {
  server = await startReferenceServer({ demo: true });
  const probe = buildConsole();
  await signIn(probe, server.url);
  const roles = expectOk<RoleItem[]>(await probe.call('roles.list'));
  roleId = roles.find((role) => role.name === 'Analytics Only')?.id ?? roles[0]!.id;
});

afterAll(async () => {
  await server.close();
});

let counter = 0;
const uniqueName = (base: string): string => `${base}${++counter}x${Date.now() % 100000}`;

describe('WifoxClient against the reference server', () => {
  it('reads the catalog, the roles and the organisation time zone', async () => {
    const console = buildConsole();
    await signIn(console, server.url);
    const modules = expectOk<{ key: string; name: string }[]>(await console.call('catalog.modules'));
    expect(modules.map((module) => module.name)).toEqual(expect.arrayContaining(['Clients', 'CB Accounts', 'Security']));
    expect(expectOk<RoleItem[]>(await console.call('roles.list')).length).toBeGreaterThan(3);
    expect(expectOk<{ timeZone: string }>(await console.call('settings.org')).timeZone).toBe('UTC');
  });

  it('invalid_credentials for a wrong password', async () => {
    const console = buildConsole();
    const profileId = await addProfile(console, server.url, 'nobody@example.test');
    const error = expectError(await console.call('session.signIn', { profileId, password: 'Wrong-pass-1!' }));
    expect(error.code).toBe('invalid_credentials');
    expect(error.message).toBe(ERROR_WORDING.invalid_credentials);
  });

  it('validation with the field at fault', async () => {
    const console = buildConsole();
    await signIn(console, server.url);
    const error = expectError(
      await console.call('tokens.create', { name: uniqueName('BadIp'), roleId, whitelist: ['10.0.0.1', '999.1.1.1'] }),
    );
    expect(error.code).toBe('validation');
    expect(error.details?.map((detail) => detail.field)).toContain('whitelist.1');
  });

  it('name_taken for a name in another case', async () => {
    const console = buildConsole();
    await signIn(console, server.url);
    const name = uniqueName('WebhookListener');
    expectOk(await console.call('tokens.create', { name, roleId }));
    expect(expectError(await console.call('tokens.create', { name: name.toUpperCase(), roleId })).code).toBe('name_taken');
  });

  it('not_found for a token that does not exist or was deleted', async () => {
    const console = buildConsole();
    await signIn(console, server.url);
    expect(expectError(await console.call('tokens.get', { id: 999_999 })).code).toBe('not_found');
    const created = expectOk<CreateTokenResponse>(await console.call('tokens.create', { name: uniqueName('Gone'), roleId }));
    expectOk(await console.call('tokens.delete', { id: created.token.id }));
    expect(expectError(await console.call('tokens.delete', { id: created.token.id })).code).toBe('not_found');
  });

  it('conflict when the version moved on', async () => {
    const console = buildConsole();
    await signIn(console, server.url);
    const { token } = expectOk<CreateTokenResponse>(await console.call('tokens.create', { name: uniqueName('Shared'), roleId }));
    const changed = expectOk<IdentificationToken>(
      await console.call('tokens.update', { id: token.id, version: token.version, changes: { whitelist: ['203.0.113.45'] } }),
    );
    expect(changed.version).toBeGreaterThan(token.version);
    const stale = expectError(
      await console.call('tokens.update', { id: token.id, version: token.version, changes: { expiresOn: null } }),
    );
    expect(stale.code).toBe('conflict');
  });

  it('not_signed_in before any sign-in', async () => {
    const console = buildConsole();
    expect(expectError(await console.call('tokens.list')).code).toBe('not_signed_in');
  });

  it('refreshes once on 401 and carries on, rotating the stored refresh token', async () => {
    const console = buildConsole();
    const state = await signIn(console, server.url);
    const before = await console.secrets.get(state.profile.id);
    server.advance(16 * 60_000);
    expectOk(await console.call('tokens.list'));
    const after = await console.secrets.get(state.profile.id);
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
    expect(console.events.filter((event) => event.event === 'session.ended')).toEqual([]);
  });

  it('shares one refresh between concurrent calls (a second use would end the session)', async () => {
    const console = buildConsole();
    await signIn(console, server.url);
    server.advance(16 * 60_000);
    const results = await Promise.all(Array.from({ length: 6 }, () => console.call('catalog.modules')));
    for (const result of results) expectOk(result);
    expectOk(await console.call('roles.list'));
  });

  it('a reused refresh token ends the session: session_expired, an event, and no keychain entry', async () => {
    const console = buildConsole();
    const state = await signIn(console, server.url);
    const stolen = await console.secrets.get(state.profile.id);
    // Someone else uses the refresh token first; the console's next refresh is then a reuse.
    const theft = await fetch(`${server.url}/api/admin/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: stolen }),
    });
    expect(theft.status).toBe(200);
    server.advance(16 * 60_000);
    const error = expectError(await console.call('tokens.list'));
    expect(error.code).toBe('session_expired');
    expect(console.events).toContainEqual({
      event: 'session.ended',
      payload: { profileId: state.profile.id, reason: 'revoked', message: expect.stringContaining('Sign in again') },
    });
    expect(await console.secrets.get(state.profile.id)).toBeNull();
    expect(expectOk<{ status: string; reason?: string }>(await console.call('session.state'))).toMatchObject({
      status: 'signedOut',
      reason: 'revoked',
    });
    expect(expectError(await console.call('tokens.list')).code).toBe('not_signed_in');
  });

  it('a session idle past 60 minutes ends with reason expired', async () => {
    const console = buildConsole();
    const state = await signIn(console, server.url);
    server.advance(61 * 60_000);
    expect(expectError(await console.call('roles.list')).code).toBe('session_expired');
    expect(console.events).toContainEqual({
      event: 'session.ended',
      payload: { profileId: state.profile.id, reason: 'expired', message: expect.any(String) },
    });
  });
});

describe('login lockout', () => {
  it('locked after three failures, with the seconds to wait', async () => {
    const own = await startReferenceServer();
    try {
      const console = buildConsole();
      const profileId = await addProfile(console, own.url);
      for (let attempt = 0; attempt < 3; attempt++) {
        expect(expectError(await console.call('session.signIn', { profileId, password: 'Wrong-1!' })).code).toBe('invalid_credentials');
      }
      const locked = expectError(await console.call('session.signIn', { profileId, password: ADMIN.password }));
      expect(locked.code).toBe('locked');
      expect(locked.retryAfterSeconds).toBeGreaterThan(0);
      expect(locked.retryAfterSeconds).toBeLessThanOrEqual(60);
    } finally {
      await own.close();
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronStoreIn } from '../support/electron-store';
import type { RoleItem } from '../../shared/api/roles';
import type { CreateTokenResponse } from '../../shared/api/tokens';
import { buildConsole, RecordingSecretStore } from './support/console';
import { findLeaks, readAll } from './support/leak-scan';
import { ADMIN, startReferenceServer, type ReferenceServer } from './support/reference-server';
import { addProfile, expectOk } from './support/sign-in';

let server: ReferenceServer;
let userData: string;

beforeAll(async () => {
  server = await startReferenceServer({ demo: true });
  userData = mkdtempSync(join(tmpdir(), 'wifox-userdata-'));
});

afterAll(async () => {
  await server.close();
  rmSync(userData, { recursive: true, force: true });
});

describe('secrets stay out of files, logs and error messages', () => {
  it('after sign-in, a failed sign-in, create, copy, refresh, errors and sign-out', async () => {
    const secrets = new RecordingSecretStore();
    const store = electronStoreIn(userData).store;
    const console = buildConsole({ store, secrets });
    const errors: string[] = [];
    const call = async (channel: string, arg?: unknown): Promise<unknown> => {
      const envelope = await console.call(channel, arg);
      if (!(envelope as { ok: boolean }).ok) errors.push(JSON.stringify(envelope));
      return envelope;
    };

    const profileId = await addProfile(console, server.url);
    await call('session.signIn', { profileId, password: `${ADMIN.password}-wrong` });
    expectOk(await call('session.signIn', { profileId, password: ADMIN.password }));
    const roles = expectOk<RoleItem[]>(await call('roles.list'));
    const { secret, token } = expectOk<CreateTokenResponse>(
      await call('tokens.create', { name: 'BackendAutomationX', roleId: roles[0]!.id, whitelist: ['192.168.31.0/24'] }),
    );
    expectOk(await call('clipboard.copySecret', { secret }));
    expect(console.clipboard.text).toBe(secret);
    await call('tokens.create', { name: 'BackendAutomationX', roleId: roles[0]!.id });
    await call('tokens.update', { id: token.id, version: 999, changes: { name: secret } });
    await call('tokens.create', { name: 'Bad', roleId: roles[0]!.id, whitelist: [secret] });
    // Rotation and the leaked-secret check carry secrets too: the new one, and pasted texts.
    const rotated = expectOk<CreateTokenResponse>(await call('tokens.rotateSecret', { id: token.id, version: token.version, overlapHours: 1 }));
    await call('tokens.rotateSecret', { id: token.id, version: 999, overlapHours: 1 });
    expectOk(await call('leaks.check', { text: `leaked: ${secret} and ${rotated.secret}` }));
    await call('leaks.check', { text: `${secret} `.repeat(30_000) });
    expectOk(await call('tokens.endOverlap', { id: token.id, version: rotated.token.version }));
    server.advance(16 * 60_000);
    expectOk(await call('tokens.list'));
    expectOk(await call('session.signOut'));
    await console.services.dispose();

    expect(secrets.seen.length).toBeGreaterThanOrEqual(2);
    expect(errors.length).toBeGreaterThanOrEqual(6);
    const needles = [ADMIN.password, `${ADMIN.password}-wrong`, secret, rotated.secret, ...secrets.seen];
    const haystacks = [
      ...readAll(userData),
      { label: 'logs', text: console.logs.join('\n') },
      { label: 'error envelopes', text: errors.join('\n') },
    ];
    expect(haystacks.length).toBeGreaterThan(2);
    expect(findLeaks(haystacks, needles)).toEqual([]);
    // The scan itself must be able to fail: the store file is read and holds the profile.
    expect(findLeaks(readAll(userData), [profileId])).not.toEqual([]);
  });
});

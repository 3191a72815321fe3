import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManagedRole, RoleSettingsResponse } from '../../shared/api/role-admin';
import type { CreateTokenResponse } from '../../shared/api/tokens';
import { buildConsole, type TestConsole } from './support/console';
import { startReferenceServer, type ReferenceServer } from './support/reference-server';
import { expectError, expectOk, signIn } from './support/sign-in';

let server: ReferenceServer;
let console: TestConsole;

beforeAll(async () => {
  server = await startReferenceServer();
  console = buildConsole();
  await signIn(console, server.url);
});

afterAll(async () => {
  await server.close();
});

const clientsReader = (name: string) => ({ name, type: 'employee', rank: 5, rights: { clients: { view: 'all', manage: [] } } });

describe('Settings → Roles through IPC', () => {
  it('defines, edits, duplicates and deletes a role, with its holders counted', async () => {
    const created = expectOk<ManagedRole>(await console.call('roles.create', clientsReader('Console readers')));
    expect(created).toMatchObject({ version: 1, tokenCount: 0, editable: true });
    const token = expectOk<CreateTokenResponse>(await console.call('tokens.create', { name: 'console-reader', roleId: created.id }));

    const edited = expectOk<ManagedRole>(
      await console.call('roles.update', { id: created.id, version: 1, changes: { rights: { logs: { view: 'own', manage: [] } } } }),
    );
    expect(edited).toMatchObject({ version: 2, modules: ['Logs'], tokenCount: 1 });
    const stale = expectError(await console.call('roles.update', { id: created.id, version: 1, changes: { rank: 6 } }));
    expect(stale).toMatchObject({ code: 'conflict', message: 'Someone else changed this role since you opened it. Reload it to see their changes.' });

    const copy = expectOk<ManagedRole>(await console.call('roles.duplicate', { id: created.id, name: 'Console readers 2' }));
    expect(copy.rights).toEqual(edited.rights);
    expect(expectError(await console.call('roles.create', clientsReader('console READERS'))).code).toBe('name_taken');

    const inUse = expectError(await console.call('roles.delete', { id: created.id, version: 2 }));
    expect(inUse).toMatchObject({ code: 'in_use', message: 'The role "Console readers" is in use by 1 identification token. Move them to another role in the same request.' });
    expectOk(await console.call('roles.delete', { id: created.id, version: 2, moveTokensTo: copy.id }));

    const settings = expectOk<RoleSettingsResponse>(await console.call('roles.settings'));
    expect(settings.caller.rank).toBe(1);
    expect(settings.items.find((role) => role.id === copy.id)?.tokenCount).toBe(1);
    expect(settings.items.some((role) => role.id === created.id)).toBe(false);
    expect(JSON.stringify(settings)).not.toContain(token.secret);
  });

  it('refuses a rank of 1 before anything is sent', async () => {
    const refused = expectError(await console.call('roles.create', { ...clientsReader('Too high'), rank: 1 }));
    expect(refused.code).toBe('validation');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleItem } from '../../shared/api/roles';
import type { CreateTokenResponse, IdentificationToken } from '../../shared/api/tokens';
import { FakeWifox } from '../renderer/fake-bridge';
import { buildConsole } from './support/console';
import { startReferenceServer, type ReferenceServer } from './support/reference-server';
import { expectError, expectOk, signIn } from './support/sign-in';

// The rules the component tests' fake still applies (test/renderer/fake-bridge.ts), checked
// against the real server behind the real main handlers, so the fake cannot drift from it.
type Backend = { call(channel: string, arg?: unknown): Promise<unknown> };

let server: ReferenceServer;
const backends: Record<'fake' | 'real server', () => Backend> = {
  fake: () => {
    const fake = new FakeWifox();
    const api = fake.bridge as unknown as Record<string, Record<string, (arg?: unknown) => Promise<unknown>>>;
    return {
      call: (channel, arg) => {
        const [namespace, method] = channel.split('.') as [string, string];
        return api[namespace]![method]!(arg);
      },
    };
  },
  'real server': () => buildConsole(),
};

beforeAll(async () => {
  server = await startReferenceServer({ demo: true });
});

afterAll(async () => {
  await server.close();
});

describe.each(Object.keys(backends) as (keyof typeof backends)[])('token rules the fake shares with the server: %s', (kind) => {
  const backend = async (): Promise<{ call: Backend['call']; roleId: number }> => {
    const built = backends[kind]();
    if (kind === 'real server') await signIn(built as ReturnType<typeof buildConsole>, server.url);
    const roles = expectOk<RoleItem[]>(await built.call('roles.list'));
    // The least privileged role: any admin may hand it out.
    const roleId = roles.reduce((low, role) => (role.rank > low.rank ? role : low)).id;
    return { call: (channel, arg) => built.call(channel, arg), roleId };
  };

  it('refuses a name another token has in any case, and an edit from a stale version', async () => {
    const { call, roleId } = await backend();
    const name = `ContractCase${kind.length}`;
    const created = expectOk<CreateTokenResponse>(await call('tokens.create', { name, roleId }));
    expect(expectError(await call('tokens.create', { name: name.toUpperCase(), roleId })).code).toBe('name_taken');

    const { id, version } = created.token;
    const renamed = expectOk<IdentificationToken>(await call('tokens.update', { id, version, changes: { name: `${name}B` } }));
    expect(renamed.version).toBeGreaterThan(version);
    expect(expectError(await call('tokens.update', { id, version, changes: { name: `${name}C` } })).code).toBe('conflict');
    expect(expectOk<IdentificationToken>(await call('tokens.get', { id })).name).toBe(`${name}B`);

    expect(expectOk(await call('tokens.delete', { id }))).toBeNull();
    expect(expectError(await call('tokens.get', { id })).code).toBe('not_found');
  });
});

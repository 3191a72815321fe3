import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenService } from '../../main/services/token-service';
import type { AuditListResponse } from '../../shared/api/audit';
import type { RoleItem } from '../../shared/api/roles';
import type { CreateTokenResponse, IdentificationToken } from '../../shared/api/tokens';
import type { TokenListResult } from '../../shared/ipc/contract';
import { buildConsole, type TestConsole } from './support/console';
import { startReferenceServer, type ReferenceServer } from './support/reference-server';
import { expectError, expectOk, signIn } from './support/sign-in';

let server: ReferenceServer;
let console: TestConsole;
let roles: RoleItem[];

beforeAll(async () => {
  server = await startReferenceServer({ demo: true });
  console = buildConsole();
  await signIn(console, server.url);
  roles = expectOk<RoleItem[]>(await console.call('roles.list'));
});

afterAll(async () => {
  await server.close();
});

const role = (name: string): RoleItem => {
  const found = roles.find((item) => item.name === name);
  if (!found) throw new Error(`no role ${name}`);
  return found;
};

describe('TokenService', () => {
  it('loads every page into one inventory', async () => {
    const small = new TokenService(console.services.session, { pageSize: 3 });
    const seen: TokenListResult[] = [];
    small.onInventory((_profileId, inventory) => seen.push(inventory));
    const paged = await small.list();
    const whole = expectOk<TokenListResult>(await console.call('tokens.list'));
    expect(paged.items.length).toBeGreaterThan(6);
    expect(paged.items.map((token) => token.id).sort()).toEqual(whole.items.map((token) => token.id).sort());
    expect(paged.total).toBe(paged.items.length);
    expect(seen).toHaveLength(1);
    await small.list({ search: 'Backend' });
    expect(seen).toHaveLength(1);
  });

  it('creates a token and hands out the secret once', async () => {
    const created = expectOk<CreateTokenResponse>(
      await console.call('tokens.create', { name: 'FraudVendorFeed', roleId: role('Analytics Only').id, whitelist: ['198.51.100.0/24'] }),
    );
    expect(created.secret).toMatch(/^wfx_[0-9A-Za-z]{38}$/);
    expect(created.token.secretHint).toBe(created.secret.slice(0, 8));
    const fetched = expectOk<IdentificationToken>(await console.call('tokens.get', { id: created.token.id }));
    expect(JSON.stringify(fetched)).not.toContain(created.secret);
    const listed = expectOk<TokenListResult>(await console.call('tokens.list'));
    expect(JSON.stringify(listed)).not.toContain(created.secret);
  });

  it('updates only the fields that changed, with the version it started from', async () => {
    const { token } = expectOk<CreateTokenResponse>(
      await console.call('tokens.create', { name: 'QuarterlyReporting', roleId: role('Analytics Only').id, expiresOn: '2099-01-01' }),
    );
    const updated = expectOk<IdentificationToken>(
      await console.call('tokens.update', {
        id: token.id,
        version: token.version,
        changes: { roleId: role('Read-only Clients').id, name: undefined },
      }),
    );
    expect(updated).toMatchObject({ name: 'QuarterlyReporting', roleName: 'Read-only Clients', expiresOn: '2099-01-01' });
    const audit = expectOk<AuditListResponse>(await console.call('audit.list', { tokenId: token.id }));
    const change = audit.items.find((event) => event.action === 'token.updated');
    expect(Object.keys(change?.changes ?? {})).toEqual(['role']);

    const unchanged = expectOk<IdentificationToken>(
      await console.call('tokens.update', { id: token.id, version: updated.version, changes: {} }),
    );
    expect(unchanged.version).toBe(updated.version);
  });

  it('deletes a token', async () => {
    const { token } = expectOk<CreateTokenResponse>(
      await console.call('tokens.create', { name: 'PostmanTrial', roleId: role('Analytics Only').id }),
    );
    expect(expectOk(await console.call('tokens.delete', { id: token.id }))).toBeNull();
    expect(expectError(await console.call('tokens.get', { id: token.id })).code).toBe('not_found');
  });
});

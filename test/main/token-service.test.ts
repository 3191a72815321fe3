import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WifoxClient } from '../../main/api/wifox-client';
import { AppError } from '../../main/errors';
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
afterEach(() => {
  vi.restoreAllMocks();
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

  it('applies changes in place: a sync cut off half-way and the one after it land on what a full load lists, and two at once agree', async () => {
    const paged = new TokenService(console.services.session, { pageSize: 2 });
    await paged.list();
    const byIdOrder = (items: readonly IdentificationToken[]) => [...items].sort((a, b) => a.id - b.id).map(({ status: _status, ...rest }) => rest);
    const made: IdentificationToken[] = [];
    for (const name of ['InPlaceOne', 'InPlaceTwo', 'InPlaceThree', 'InPlaceFour']) {
      made.push(expectOk<CreateTokenResponse>(await console.call('tokens.create', { name, roleId: role('Analytics Only').id })).token);
    }
    const [renamed, doomed] = made;
    if (!renamed || !doomed) throw new Error('four tokens were made');
    expectOk(await console.call('tokens.update', { id: renamed.id, version: renamed.version, changes: { name: 'InPlaceRenamed' } }));
    expectOk(await console.call('tokens.delete', { id: doomed.id }));

    // The delta spans pages of 2: the second page fails.
    const real = WifoxClient.prototype.listTokens;
    let calls = 0;
    vi.spyOn(WifoxClient.prototype, 'listTokens').mockImplementation(function (this: WifoxClient, query) {
      calls += 1;
      return calls === 2 ? Promise.reject(new AppError('offline', 'The server cannot be reached.')) : real.call(this, query);
    });
    await expect(paged.list()).rejects.toMatchObject({ code: 'offline' });
    vi.restoreAllMocks();
    const afterFailure = await paged.list();
    const full = expectOk<TokenListResult>(await console.call('tokens.list', { full: true }));
    expect(byIdOrder(afterFailure.items)).toEqual(byIdOrder(full.items));
    expect(afterFailure.items.find((token) => token.id === renamed.id)?.name).toBe('InPlaceRenamed');
    expect(afterFailure.items.some((token) => token.id === doomed.id)).toBe(false);

    expectOk(await console.call('tokens.delete', { id: renamed.id }));
    const spy = vi.spyOn(WifoxClient.prototype, 'listTokens');
    const [one, two] = await Promise.all([paged.list(), paged.list()]);
    // One after the other: the second starts from the first's cursor and finds nothing new.
    expect(spy.mock.calls.map(([query]) => query.changedSince === undefined)).toEqual([false, false]);
    expect(two.items).toBe(one.items);
    expect(one.items.some((token) => token.id === renamed.id)).toBe(false);
    const fullAgain = expectOk<TokenListResult>(await console.call('tokens.list', { full: true }));
    expect(byIdOrder(one.items)).toEqual(byIdOrder(fullAgain.items));
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { IdentificationToken } from '../../../shared/api/tokens';
import type { RoleRights } from '../../../shared/domain';
import { FlagCache, stableRights } from '../../../renderer/common/review-flags/flagCache';
import { withCurrentStatus } from '../../../renderer/common/review-flags/reviewFlagsMemo';
import type { FlagContext } from '../../../renderer/common/review-flags/reviewFlagsMemo';
import fc from 'fast-check';
import { filterTokens, ListFilter, ListOrder, resortTokens, sortTokens, tokenOrder } from '../../../renderer/common/token-list/filterTokens';

const token = (over: Partial<IdentificationToken> = {}): IdentificationToken => ({
  id: 1,
  name: 'BackendAutomation',
  roleId: 3,
  roleName: 'Operators',
  permissions: ['CB Accounts'],
  whitelist: ['192.168.31.0/24'],
  expiresOn: '2030-01-31',
  expiresAt: '2030-01-31T23:00:00.000Z',
  status: 'active',
  createdAt: '2025-01-01T00:00:00.000Z',
  createdBy: { id: 1, name: 'Ada' },
  updatedAt: '2025-01-01T00:00:00.000Z',
  lastUsedAt: null,
  lastUsedIp: null,
  secretHint: 'wfx_AbCd',
  version: 4,
  ...over,
});

const privileged: RoleRights = { security: { view: 'all', manage: ['create_edit'] } };
const context = (rights: ReadonlyMap<number, RoleRights> = new Map()): FlagContext => ({ rights, now: new Date('2026-01-01T00:00:00Z'), timeZone: 'Europe/Prague' });

describe('review flags computed once per token version', () => {
  it('keeps the flags of an unchanged version when the list arrives again as new objects', () => {
    const cache = new FlagCache();
    const ctx = context();
    const first = cache.flagsOf(token(), ctx);
    expect(first).toEqual(['unused']);
    // Same id and version in a new object (a refresh, a delta sync): the same list, not a new one.
    expect(cache.flagsOf(token(), ctx)).toBe(first);
  });

  it('flags a token again when its version, its last use or the context changes', () => {
    const cache = new FlagCache();
    const ctx = context();
    expect(cache.flagsOf(token(), ctx)).toEqual(['unused']);
    expect(cache.flagsOf(token({ version: 5, whitelist: [] }), ctx)).toEqual(['no_ip_restriction', 'unused']);
    expect(cache.flagsOf(token({ version: 5, whitelist: [], lastUsedAt: '2025-12-31T00:00:00.000Z' }), ctx)).toEqual(['no_ip_restriction']);
    expect(cache.flagsOf(token({ version: 5, whitelist: [], lastUsedAt: '2025-12-31T00:00:00.000Z' }), context(new Map([[3, privileged]])))).toEqual([
      'no_ip_restriction',
      'privileged_role',
    ]);
  });

  it('checks only the policy again when a new policy arrives', () => {
    const cache = new FlagCache();
    const none = context();
    const open = token({ whitelist: [] });
    const before = cache.flagsOf(open, none);
    expect(before).toEqual(['no_ip_restriction', 'unused']);
    const lenient = { maxLifetimeDays: null, requireWhitelist: false, widestIpv4Prefix: null, widestIpv6Prefix: null };
    // The same base context, a policy the token keeps: the very list it had.
    expect(cache.flagsOf(open, { ...none, policy: lenient })).toBe(before);
    const strict = { ...lenient, requireWhitelist: true };
    expect(cache.flagsOf(open, { ...none, policy: strict })).toEqual(['no_ip_restriction', 'unused', 'breaks_policy']);
    expect(cache.flagsOf(token({ id: 2, version: 1 }), { ...none, policy: strict })).toEqual(['unused']);
    // Back to no policy: the flag goes, the rest stays.
    expect(cache.flagsOf(open, none)).toEqual(['no_ip_restriction', 'unused']);
  });

  it('tells apart tokens of two inventories that share an id and a version', () => {
    const cache = new FlagCache();
    const ctx = context();
    cache.flagsOf(token(), ctx);
    expect(cache.flagsOf(token({ createdAt: '2025-06-01T00:00:00.000Z', whitelist: ['0.0.0.0/0'] }), ctx)).toContain('allows_every_address');
  });

  it('keeps the rights map (and so every flag) when the roles are listed again unchanged', () => {
    const before = stableRights([{ id: 3, rights: privileged }], null);
    expect(stableRights([{ id: 3, rights: structuredClone(privileged) }], before)).toBe(before);
    expect(stableRights([{ id: 3, rights: {} }], before)).not.toBe(before);
    expect(stableRights([{ id: 3, rights: privileged }, { id: 4, rights: {} }], before)).not.toBe(before);
  });
});

describe('filtering a sorted list', () => {
  it('keeps the sorted order and tests the prepared keys', () => {
    const sorted = sortTokens(
      [token({ id: 1, name: 'zeta-ci' }), token({ id: 2, name: 'Alpha-CI', roleId: 4 }), token({ id: 3, name: 'beta' })],
      tokenOrder({ sort: 'name', order: 'asc' }),
    );
    expect(sorted.map((t) => t.name)).toEqual(['Alpha-CI', 'beta', 'zeta-ci']);
    const none = { search: '', status: null, roleId: null, reviewFlag: null };
    expect(filterTokens(sorted, { ...none, search: 'CI' }).map((t) => t.id)).toEqual([2, 1]);
    expect(filterTokens(sorted, { ...none, search: 'ci', roleId: 3 }).map((t) => t.id)).toEqual([1]);
    const flags = new Map([[3, ['expired'] as const]]);
    expect(filterTokens(sorted, { ...none, reviewFlag: 'expired' }, (t) => flags.get(t.id) ?? []).map((t) => t.id)).toEqual([3]);
  });
});

describe('filtering as Search is typed', () => {
  const NAMES = ['alpha-ci', 'Alpha', 'beta ci', 'gamma 2', 'ALPHABET', 'delta-CI'];
  const list = (seed: number) =>
    sortTokens(
      NAMES.map((name, index) => token({ id: index + 1 + seed * 10, name: `${name} ${seed}`, roleId: 3 + (index % 2), status: index % 3 === 0 ? 'expired' : 'active' })),
      tokenOrder({ sort: 'name', order: 'asc' }),
    );
  const step = fc.record({
    search: fc.constantFrom('', 'a', 'al', 'alp', 'alpha', 'ci', ' c', 'ph', 'x', 'A', 'ALP'),
    roleId: fc.constantFrom(null, 3, 4),
    status: fc.constantFrom(null, 'expired' as const),
    reviewFlag: fc.constantFrom(null, 'unused' as const),
    newList: fc.boolean(),
  });

  it('answers what a whole scan answers, whatever was typed, deleted or filtered before', () => {
    const flags = new Map([[2, ['unused'] as const], [13, ['unused'] as const]]);
    const flagsOf = (t: IdentificationToken) => flags.get(t.id) ?? [];
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        const filter = new ListFilter();
        let seed = 0;
        let sorted = list(seed);
        for (const { newList, ...criteria } of steps) {
          if (newList) sorted = list(++seed % 2);
          expect(filter.filter(sorted, criteria, flags).map((t) => t.id)).toEqual(filterTokens(sorted, criteria, flagsOf).map((t) => t.id));
        }
      }),
    );
  });

  it('gives the same array for a search seen before, and narrows the last answer as the search grows', () => {
    const filter = new ListFilter();
    const sorted = list(0);
    const none = { status: null, roleId: null, reviewFlag: null };
    const wide = filter.filter(sorted, { ...none, search: 'al' });
    expect(wide.map((t) => t.name)).toEqual(['Alpha 0', 'alpha-ci 0', 'ALPHABET 0']);
    const includes = vi.spyOn(String.prototype, 'includes');
    expect(filter.filter(sorted, { ...none, search: 'alphab' }).map((t) => t.name)).toEqual(['ALPHABET 0']);
    // The one search known, then only the three tokens "al" matched: a whole scan tests six.
    expect(includes).toHaveBeenCalledTimes(4);
    includes.mockRestore();
    expect(filter.filter(sorted, { ...none, search: 'AL' })).toBe(wide);
    expect(filter.filter(sorted, { ...none, search: 'al', roleId: 4 })).not.toBe(wide);
  });
});

describe('statuses as of now', () => {
  it('keeps the list when every status holds, and copies only the tokens whose status moved on', () => {
    const tokens = [token({ id: 1 }), token({ id: 2 }), token({ id: 3, status: 'expiring' })];
    expect(withCurrentStatus(tokens, new Map())).not.toBe(tokens);
    const steady = [token({ id: 1 }), token({ id: 2 })];
    expect(withCurrentStatus(steady, new Map([[1, ['unused'] as const]]))).toBe(steady);
    const moved = withCurrentStatus(tokens, new Map([[2, ['expired'] as const], [3, ['expiring_soon'] as const]]));
    expect(moved.map((t) => t.status)).toEqual(['active', 'expired', 'expiring']);
    expect(moved[0]).toBe(tokens[0]);
    expect(moved[2]).toBe(tokens[2]);
    expect(tokens[1]?.status).toBe('active');
  });
});

describe('the context of the flags', () => {
  it('stays the same object while roles are listed again unchanged', () => {
    const cache = new FlagCache();
    const now = new Date('2026-01-01T00:00:00Z');
    const first = cache.contextFor([{ id: 3, rights: privileged }], now, 'Europe/Prague');
    cache.flagsOf(token(), first);
    expect(cache.contextFor([{ id: 3, rights: structuredClone(privileged) }], new Date(now), 'Europe/Prague')).toBe(first);
    expect(cache.contextFor([{ id: 3, rights: privileged }], new Date('2026-01-01T01:00:00Z'), 'Europe/Prague')).not.toBe(first);
  });
});

describe('a sorted list brought up to date', () => {
  const NAMES = ['alpha', 'Alpha', 'beta', 'gamma 2', 'gamma 10', 'delta'];
  const DATES = [null, '2026-01-01', '2027-06-30'];
  const tokenArb = fc.record({ name: fc.constantFrom(...NAMES), expiresOn: fc.constantFrom(...DATES), lastUsedAt: fc.constantFrom(...DATES) });
  const orders = [
    { sort: 'name', order: 'asc' },
    { sort: 'name', order: 'desc' },
    { sort: 'expiresOn', order: 'asc' },
    { sort: 'lastUsedAt', order: 'desc' },
  ] as const;

  it('puts changed, new and removed tokens exactly where sorting the whole list would', () => {
    fc.assert(
      fc.property(
        fc.array(tokenArb, { maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('remove', 'change', 'add'), tokenArb), { maxLength: 8 }),
        fc.constantFrom(...orders),
        (fields, edits, order) => {
          let nextId = 1;
          const make = (f: { name: string; expiresOn: string | null; lastUsedAt: string | null }, id = nextId++) => token({ ...f, id });
          const before = fields.map((f) => make(f));
          const compare = tokenOrder(order);
          const sorted = sortTokens(before, compare);
          let after = [...before];
          for (const [at, kind, f] of edits) {
            const index = after.length === 0 ? 0 : at % after.length;
            const target = after[index];
            if (kind === 'add' || target === undefined) after.push(make(f));
            else if (kind === 'remove') after.splice(index, 1);
            else after[index] = make(f, target.id);
          }
          after = after.reverse();
          expect(resortTokens(sorted, after, compare)).toEqual(sortTokens(after, compare));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the order it worked out until the order itself changes', () => {
    const list = new ListOrder();
    const byName = tokenOrder({ sort: 'name', order: 'asc' });
    const first = [token({ id: 1, name: 'b' }), token({ id: 2, name: 'a' })];
    expect(list.sort(first, byName).map((t) => t.id)).toEqual([2, 1]);
    const renamed = token({ id: 3, name: 'c' });
    expect(list.sort([...first, renamed], byName).map((t) => t.id)).toEqual([2, 1, 3]);
    expect(list.sort([...first, renamed], tokenOrder({ sort: 'name', order: 'desc' })).map((t) => t.id)).toEqual([3, 1, 2]);
  });
});

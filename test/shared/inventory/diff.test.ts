import { describe, expect, it } from 'vitest';
import { diffInventories, setDifference } from '../../../shared/inventory/diff';
import { makeToken } from './fixtures';

describe('diffInventories', () => {
  it('finds tokens added and removed, matching by id', () => {
    const before = { tokens: [makeToken(1), makeToken(2), makeToken(3)] };
    const after = { tokens: [makeToken(3), makeToken(4), makeToken(1)] };
    const diff = diffInventories(before, after);
    expect(diff.added.map((t) => t.id)).toEqual([4]);
    expect(diff.removed.map((t) => t.id)).toEqual([2]);
    expect(diff.changed).toEqual([]);
    expect(diff.unchanged).toBe(2);
  });

  it('reports a rename as a change of the same token, not a removal and an addition', () => {
    const diff = diffInventories({ tokens: [makeToken(7, { name: 'Nightly batch' })] }, { tokens: [makeToken(7, { name: 'Nightly export' })] });
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([{ id: 7, name: 'Nightly export', changes: [{ field: 'name', old: 'Nightly batch', new: 'Nightly export' }] }]);
  });

  it('reports a role change old → new, with the modules it adds and removes', () => {
    const before = makeToken(1, { roleId: 2 });
    const after = makeToken(1, { roleId: 3 });
    const [change] = diffInventories({ tokens: [before] }, { tokens: [after] }).changed;
    expect(change?.changes).toEqual([
      { field: 'role', old: { id: 2, name: 'Read-only Clients' }, new: { id: 3, name: 'CB Accounts & Transactions' } },
      { field: 'modules', added: ['CB Accounts', 'CB Transactions'], removed: ['Clients', 'KYC Documents', 'Requests'] },
    ]);
  });

  it('reports modules reached that changed while the role stayed (its rights were edited)', () => {
    const before = makeToken(1, { permissions: ['Clients', 'KYC Documents', 'Requests'] });
    const after = makeToken(1, { permissions: ['Clients', 'Requests', 'Logs'] });
    expect(diffInventories({ tokens: [before] }, { tokens: [after] }).changed[0]?.changes).toEqual([
      { field: 'modules', added: ['Logs'], removed: ['KYC Documents'] },
    ]);
  });

  it('reports whitelist entries added and removed, ignoring their order', () => {
    const before = makeToken(1, { whitelist: ['10.0.0.0/8', '192.0.2.1', '2001:db8::/32'] });
    const after = makeToken(1, { whitelist: ['2001:db8::/32', '10.0.0.0/8', '198.51.100.0/24', '0.0.0.0/0'] });
    expect(diffInventories({ tokens: [before] }, { tokens: [after] }).changed[0]?.changes).toEqual([
      { field: 'whitelist', added: ['198.51.100.0/24', '0.0.0.0/0'], removed: ['192.0.2.1'] },
    ]);
    const reordered = makeToken(1, { whitelist: ['2001:db8::/32', '192.0.2.1', '10.0.0.0/8'] });
    expect(diffInventories({ tokens: [before] }, { tokens: [reordered] }).changed).toEqual([]);
  });

  it('reports an expiry set, moved and cleared', () => {
    const none = makeToken(1, { expiresOn: null, expiresAt: null });
    const march = makeToken(1, { expiresOn: '2026-03-31' });
    const june = makeToken(1, { expiresOn: '2026-06-30' });
    const changeOf = (a: typeof none, b: typeof none) => diffInventories({ tokens: [a] }, { tokens: [b] }).changed[0]?.changes;
    expect(changeOf(none, march)).toEqual([{ field: 'expiresOn', old: null, new: '2026-03-31' }]);
    expect(changeOf(march, june)).toEqual([{ field: 'expiresOn', old: '2026-03-31', new: '2026-06-30' }]);
    expect(changeOf(june, none)).toEqual([{ field: 'expiresOn', old: '2026-06-30', new: null }]);
  });

  it('reports owner and description old → new, but not against an inventory from before owners', () => {
    const before = makeToken(4, { owner: null, description: 'Old text' });
    const after = makeToken(4, { owner: 'ops@example.com', description: null });
    expect(diffInventories({ tokens: [before] }, { tokens: [after] }).changed[0]?.changes).toEqual([
      { field: 'owner', old: null, new: 'ops@example.com' },
      { field: 'description', old: 'Old text', new: null },
    ]);
    expect(diffInventories({ tokens: [makeToken(4)] }, { tokens: [after] }).changed).toEqual([]);
  });

  it('lists every changed field of one token in a fixed order', () => {
    const before = makeToken(5);
    const after = makeToken(5, { name: 'Renamed', roleId: 1, whitelist: [], expiresOn: null, expiresAt: null });
    const [change] = diffInventories({ tokens: [before] }, { tokens: [after] }).changed;
    expect(change?.changes.map((c) => c.field)).toEqual(['name', 'role', 'modules', 'whitelist', 'expiresOn']);
    expect(change?.changes.find((c) => c.field === 'whitelist')).toEqual({ field: 'whitelist', added: [], removed: ['203.0.113.0/24'] });
  });

  it('ignores what moves by itself: usage, status, version, update time', () => {
    const before = makeToken(1);
    const after = makeToken(1, {
      lastUsedAt: '2026-04-01T10:00:00.000Z',
      lastUsedIp: '198.51.100.9',
      status: 'expiring',
      version: 9,
      updatedAt: '2026-04-01T10:00:00.000Z',
    });
    expect(diffInventories({ tokens: [before] }, { tokens: [after] })).toEqual({ added: [], removed: [], changed: [], unchanged: 1 });
  });

  it('orders every list by id', () => {
    const before = { tokens: [makeToken(9), makeToken(2), makeToken(5, { name: 'a' }), makeToken(3, { name: 'b' })] };
    const after = { tokens: [makeToken(8), makeToken(5, { name: 'c' }), makeToken(6), makeToken(3, { name: 'd' })] };
    const diff = diffInventories(before, after);
    expect(diff.added.map((t) => t.id)).toEqual([6, 8]);
    expect(diff.removed.map((t) => t.id)).toEqual([2, 9]);
    expect(diff.changed.map((t) => t.id)).toEqual([3, 5]);
  });

  it('compares empty inventories', () => {
    expect(diffInventories({ tokens: [] }, { tokens: [] })).toEqual({ added: [], removed: [], changed: [], unchanged: 0 });
    expect(diffInventories({ tokens: [] }, { tokens: [makeToken(1)] }).added).toHaveLength(1);
    expect(diffInventories({ tokens: [makeToken(1)] }, { tokens: [] }).removed).toHaveLength(1);
  });
});

describe('setDifference', () => {
  it('counts duplicates once', () => {
    expect(setDifference(['a', 'a', 'b'], ['b', 'c', 'c'])).toEqual({ added: ['c'], removed: ['a'] });
  });
});

import { describe, expect, it } from 'vitest';
import { serializeSnapshot } from '../../support/snapshot-text';
import type { IdentificationToken } from '../../../shared/api/tokens';
import { csvChunks } from '../../../shared/inventory/csv';
import { diffInventories } from '../../../shared/inventory/diff';
import { buildSnapshot, parseSnapshotText } from '../../../shared/inventory/snapshot';
import { makeParts, makeToken, manyTokens, sha256Hex } from './fixtures';

// Correctness at the size the issue names; how long it takes belongs to the benchmark.
const COUNT = 50_000;

describe('a 50,000-token inventory', () => {
  it('builds, parses back, diffs and exports completely', async () => {
    const tokens = manyTokens(COUNT);
    const before = await buildSnapshot(makeParts(tokens), sha256Hex);
    expect(before.tokens).toHaveLength(COUNT);

    const text = serializeSnapshot(before);
    const reopened = await parseSnapshotText(text, sha256Hex);
    if (!reopened.ok) throw new Error(reopened.message);
    expect(reopened.snapshot.digest).toEqual(before.digest);
    expect(reopened.snapshot.tokens).toHaveLength(COUNT);
    expect(reopened.snapshot.tokens[COUNT - 1]).toEqual(before.tokens[COUNT - 1]);

    // A month later: 1,000 removed, 500 added, and known edits scattered through the rest.
    const removedIds = new Set(Array.from({ length: 1000 }, (_, i) => 7 + i * 41));
    const edited = new Map<number, Partial<IdentificationToken>>();
    for (let id = 3; id <= COUNT; id += 97) {
      if (removedIds.has(id)) continue;
      edited.set(id, id % 2 === 0 ? { whitelist: ['0.0.0.0/0'] } : { expiresOn: '2027-01-31' });
    }
    const laterTokens = [
      ...tokens.filter((t) => !removedIds.has(t.id)).map((t) => ({ ...t, ...edited.get(t.id) })),
      ...Array.from({ length: 500 }, (_, i) => makeToken(COUNT + 1 + i)),
    ];
    const after = await buildSnapshot(makeParts(laterTokens, { takenAt: '2026-04-10T08:15:00.000Z' }), sha256Hex);

    const diff = diffInventories(reopened.snapshot, after);
    expect(diff.removed.map((t) => t.id)).toEqual([...removedIds].sort((a, b) => a - b));
    expect(diff.added.map((t) => t.id)).toEqual(Array.from({ length: 500 }, (_, i) => COUNT + 1 + i));
    const changedIds = diff.changed.map((c) => c.id);
    // Only tokens whose value actually moved count as changed.
    const reallyChanged = [...edited.entries()]
      .filter(([id, change]) => {
        const original = tokens[id - 1] as IdentificationToken;
        return change.expiresOn !== undefined ? original.expiresOn !== change.expiresOn : true;
      })
      .map(([id]) => id);
    expect(changedIds).toEqual(reallyChanged);
    expect(diff.unchanged).toBe(COUNT - removedIds.size - reallyChanged.length);
    const sample = diff.changed.find((c) => c.id === 4 + 97 * 2 - 1);
    expect(sample?.changes).toHaveLength(1);

    let rows = 0;
    for (const chunk of csvChunks(after, new Date('2026-04-10T12:00:00Z'), 5000)) rows += chunk.split('\r\n').length - 1;
    expect(rows).toBe(after.tokens.length + 1);
    // A generous ceiling for a loaded CI machine; not a performance claim.
  }, 180_000);
});

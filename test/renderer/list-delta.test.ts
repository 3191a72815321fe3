import { describe, expect, it } from 'vitest';
import type { IdentificationToken } from '../../shared/api/tokens';
import type { TokenListResult } from '../../shared/ipc/contract';
import { applyDelta } from '../../renderer/tokens/listDelta';
import { appendChunk } from '../../renderer/tokens/restOfList';

const token = (id: number, version = 1) => ({ id, version, name: `T${id}` }) as IdentificationToken;
const list = (items: IdentificationToken[], extra: Partial<TokenListResult> = {}): TokenListResult => ({
  items,
  total: items.length,
  fetchedAt: '2026-12-03T08:00:00.000Z',
  ...extra,
});

describe('a list brought up to date with what changed', () => {
  it('replaces changed tokens in place, adds new ones and drops removed ones', () => {
    const held = list([token(1), token(2), token(3)], { listVersion: 's.1' });
    const answer = list([token(2, 2), token(4)], { listVersion: 's.2', total: 3, fetchedAt: '2026-12-03T08:05:00.000Z', delta: { removedIds: [3] } });
    const next = applyDelta(held, answer);
    expect(next.items).toEqual([token(1), token(2, 2), token(4)]);
    expect(next).toMatchObject({ total: 3, listVersion: 's.2', fetchedAt: '2026-12-03T08:05:00.000Z' });
    expect(next.delta).toBeUndefined();
  });

  it('drops a removed token met before the last change, and ignores an id the window never held', () => {
    const held = list([token(1), token(2), token(3), token(4)], { listVersion: 's.1' });
    const answer = list([token(4, 3)], { listVersion: 's.2', total: 3, delta: { removedIds: [1, 99] } });
    expect(applyDelta(held, answer).items).toEqual([token(2), token(3), token(4, 3)]);
  });

  it('keeps the very rows when nothing changed, so nothing derived from them is worked out again', () => {
    const held = list([token(1), token(2)], { listVersion: 's.1' });
    const next = applyDelta(held, list([], { listVersion: 's.1', total: 2, delta: { removedIds: [] } }));
    expect(next.items).toBe(held.items);
  });

  it('takes the version of a list read in pieces from its last chunk', () => {
    const first = list([token(1)], { rest: { listId: 'L1' }, total: 2 });
    expect(appendChunk(first, 'L1', { items: [token(2)], done: true, total: 2, listVersion: 's.7' }).listVersion).toBe('s.7');
  });
});

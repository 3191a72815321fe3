import { describe, expect, it } from 'vitest';
import { ListVersions } from '../../main/services/list-versions';

const ids = (set: ReadonlySet<number> | undefined) => [...(set ?? [])].sort((a, b) => a - b);

describe('versions of the token list', () => {
  it('tells what changed after a version, the later step deciding for an id in several', () => {
    const versions = new ListVersions();
    const first = versions.current();
    versions.record([1, 2], [9]);
    const second = versions.current();
    versions.record([9], [2]);
    const sinceFirst = versions.since(first);
    expect(ids(sinceFirst?.changed)).toEqual([1, 9]);
    expect(ids(sinceFirst?.removed)).toEqual([2]);
    const sinceSecond = versions.since(second);
    expect(ids(sinceSecond?.changed)).toEqual([9]);
    expect(ids(sinceSecond?.removed)).toEqual([2]);
    expect(ids(versions.since(versions.current())?.changed)).toEqual([]);
  });

  it('cannot tell for another series, a version to come, or one older than it remembers', () => {
    const versions = new ListVersions();
    const start = versions.current();
    versions.restart();
    expect(versions.since(start)).toBeNull();
    const [series] = versions.current().split('.');
    expect(versions.since(`${series}.1`)).toBeNull();
    expect(versions.since(`${series}.x`)).toBeNull();
    const early = versions.current();
    for (let i = 0; i < 64; i++) versions.record([i], []);
    expect(ids(versions.since(early)?.changed)).toHaveLength(64);
    versions.record([100], []);
    expect(versions.since(early)).toBeNull();
  });
});

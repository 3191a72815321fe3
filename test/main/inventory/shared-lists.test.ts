import { describe, expect, it } from 'vitest';
import { sharedLists } from '../../../main/inventory/shared-lists';

describe('shared module lists', () => {
  it('hands back the first list of each content, and never one of another content', () => {
    const shared = sharedLists();
    const first = ['Projects', 'Desks'];
    expect(shared(first)).toBe(first);
    expect(shared(['Projects', 'Desks'])).toBe(first);
    const joined = ['Projects\nDesks'];
    expect(shared(joined)).toBe(joined);
    expect(shared(['Desks', 'Projects'])).not.toBe(first);
    expect(shared([])).toEqual([]);
  });
});

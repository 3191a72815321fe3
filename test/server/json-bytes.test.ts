import { describe, expect, it } from 'vitest';
import { jsonBytes } from '../../server/src/http/response-serializer';

// Every answer goes out as jsonBytes(the checked body): its bytes must be JSON.stringify's.
describe('jsonBytes', () => {
  it('encodes exactly as JSON.stringify, whatever the value', () => {
    const item = (n: number) => ({ id: n, name: `Café ${n} 東京 "q" \\ \n`, tags: ['a', n], gone: undefined, nested: { at: null, on: true } });
    const odd: unknown[] = [undefined, () => 1, Symbol('s'), new Date(0), { toJSON: () => 'own' }, Number.NaN, -0];
    const nullPrototype = Object.assign(Object.create(null) as object, { items: Array.from({ length: 70 }, (_, n) => item(n)) });
    const cases: unknown[] = [
      { items: Array.from({ length: 200 }, (_, n) => item(n)), total: null, 'k"ey': 'v', skipped: undefined, fn: () => 1 },
      { items: [...Array.from({ length: 70 }, (_, n) => n), ...odd], after: [] },
      { first: Array.from({ length: 65 }, (_, n) => `${n}`), second: Array.from({ length: 66 }, () => ({})), last: 1 },
      { only: undefined },
      {},
      nullPrototype,
      { toJSON: () => ({ replaced: true }) },
      new Date(0),
      Array.from({ length: 100 }, (_, n) => item(n)),
      'text é',
      42,
      null,
      undefined,
    ];
    for (const value of cases) {
      expect(jsonBytes(value).toString('utf8')).toBe(JSON.stringify(value) ?? '');
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileWhitelist,
  formatDisplayDate,
  isIsoDate,
  parseDisplayDate,
  parseWhitelistEntry,
  TOKEN_NAME_MAX,
  TOKEN_NAME_MIN,
  tokenNameSchema,
  validateTokenName,
  validateWhitelist,
  whitelistSchema,
} from '../../../shared/domain';

// Hardening (issue 9): whatever is typed or pasted, the domain rules answer without throwing;
// every refusal says why; every acceptance is stable when fed back in.
const RUNS = { numRuns: 10_000 };

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 80 }),
);

const insertAt = (text: string, position: number, piece: string): string => {
  const chars = [...text];
  const at = position % (chars.length + 1);
  return [...chars.slice(0, at), piece, ...chars.slice(at)].join('');
};

describe('token names', () => {
  const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u202E', '\u2066', '\u180E', '\uFE0F'];
  const validName = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._-]{1,70}$/);
  const nearValidName = fc.oneof(
    validName,
    // Confusables, accents (composed and not), other scripts and spacing, SQL-ish punctuation.
    fc
      .tuple(
        validName,
        fc.nat(),
        fc.constantFrom('\u0430', 'e\u0301', '\u00E9', '\uFF21', 'ß', '\u00A0', '\t', '\n', '\u3000', "'", '"', ';', '--', '/*', '%', '\\', '<', '😀', '\u0301', '\u0915\u093F'),
      )
      .map(([name, at, piece]) => insertAt(name, at, piece)),
    fc.tuple(validName, fc.nat(), fc.constantFrom(...ZERO_WIDTH)).map(([name, at, piece]) => insertAt(name, at, piece)),
    fc.tuple(validName, fc.constantFrom(' ', '  ', '\t', '\n', '\u3000')).map(([name, pad]) => `${pad}${name}${pad}`),
  );

  it('never throw; refusals explain; acceptances are trimmed NFC, in length, and stable', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(anyText, nearValidName), (raw) => {
        const result = validateTokenName(raw);
        const parsed = tokenNameSchema.safeParse(raw);
        expect(parsed.success).toBe(result.ok);
        if (!result.ok) {
          expect(result.message.trim()).not.toBe('');
          if (!parsed.success) expect(parsed.error.issues[0]?.message).toBe(result.message);
          return;
        }
        accepted++;
        const { value } = result;
        expect(value).toBe(raw.normalize('NFC').trim());
        expect(value).toBe(value.normalize('NFC'));
        expect([...value].length).toBeGreaterThanOrEqual(TOKEN_NAME_MIN);
        expect([...value].length).toBeLessThanOrEqual(TOKEN_NAME_MAX);
        expect(validateTokenName(value)).toEqual({ ok: true, value });
        if (parsed.success) expect(parsed.data).toBe(value);
      }),
      RUNS,
    );
    expect(accepted).toBeGreaterThan(500);
  });

  it('never keep a zero-width or bidi character: refused inside a name, trimmed off its ends', () => {
    fc.assert(
      fc.property(validName, fc.nat(), fc.constantFrom(...ZERO_WIDTH), (name, at, piece) => {
        const raw = insertAt(name, at, piece);
        const result = validateTokenName(raw);
        if (!result.ok) {
          expect(result.message.trim()).not.toBe('');
          return;
        }
        // Only a BOM at either end passes, as whitespace String#trim removes.
        expect(ZERO_WIDTH.some((char) => result.value.includes(char)), JSON.stringify(raw)).toBe(false);
        expect(piece).toBe('\uFEFF');
      }),
      RUNS,
    );
  });
});

describe('whitelist entries', () => {
  const octet = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 255 }).map(String) },
    // Leading zeros, out of range, signs, hex, empty.
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }).map((n) => `0${n}`) },
    { weight: 1, arbitrary: fc.integer({ min: 256, max: 100_000 }).map(String) },
    { weight: 1, arbitrary: fc.constantFrom('-1', '+1', '0x1f', '', ' 1', '1e2', '٣') },
  );
  const v4 = fc.array(octet, { minLength: 3, maxLength: 5 }).map((parts) => parts.join('.'));
  const prefix = (max: number) =>
    fc.oneof(
      { weight: 5, arbitrary: fc.integer({ min: 0, max }).map(String) },
      { weight: 1, arbitrary: fc.integer({ min: max + 1, max: 1_000 }).map(String) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max }).map((n) => `0${n}`) },
      { weight: 1, arbitrary: fc.constantFrom('', '-1', '+8', '8.0', 'x', '/8', '１') },
    );
  const withPrefix = (address: fc.Arbitrary<string>, max: number) =>
    fc.tuple(address, fc.option(prefix(max), { nil: undefined })).map(([a, p]) => (p === undefined ? a : `${a}/${p}`));
  const v6 = fc.oneof(fc.ipV6(), fc.ipV6().map((a) => a.toUpperCase()));
  const mixed = fc.oneof(
    // IPv4 with an IPv6 prefix and the other way round.
    fc.tuple(fc.ipV4(), fc.integer({ min: 33, max: 128 })).map(([a, p]) => `${a}/${p}`),
    fc.tuple(v6, fc.integer({ min: 0, max: 32 })).map(([a, p]) => `${a}/${p}`),
    // Mapped and embedded IPv4, valid or not, with prefixes around /96.
    fc.tuple(v4, fc.option(fc.integer({ min: 80, max: 130 }), { nil: undefined })).map(([a, p]) => `::ffff:${a}${p === undefined ? '' : `/${p}`}`),
    fc.tuple(fc.ipV4(), fc.constantFrom('::', '::1:', '64:ff9b::', '1::2::', 'fe80::')).map(([a, head]) => `${head}${a}`),
    fc.tuple(fc.ipV4(), v6).map(([a, b]) => `${a}:${b}`),
    fc.tuple(v6, fc.constantFrom('%eth0', '%1', '%')).map(([a, zone]) => `${a}${zone}`),
    fc.tuple(fc.ipV4(), fc.constantFrom('//24', '/24/8', ' /24', '/ 24')).map(([a, tail]) => `${a}${tail}`),
  );
  const entry = fc.oneof(anyText, withPrefix(v4, 32), withPrefix(fc.ipV4(), 32), withPrefix(v6, 128), mixed);

  it('never throw; refusals explain (with a suggestion that itself parses); acceptances round-trip', () => {
    let accepted = 0;
    fc.assert(
      fc.property(entry, (raw) => {
        const result = parseWhitelistEntry(raw);
        if (!result.ok) {
          expect(result.message.trim()).not.toBe('');
          if (result.suggestion !== undefined) {
            const suggested = parseWhitelistEntry(result.suggestion);
            expect(suggested.ok && suggested.entry.canonical).toBe(result.suggestion);
          }
          return;
        }
        accepted++;
        const again = parseWhitelistEntry(result.entry.canonical);
        expect(again).toEqual({ ok: true, entry: result.entry });
        expect(() => compileWhitelist([result.entry.canonical])).not.toThrow();
      }),
      RUNS,
    );
    expect(accepted).toBeGreaterThan(500);
  });

  it('refuse leading zeros, octets above 255 and prefixes out of range', () => {
    const bad = fc.oneof(
      fc.tuple(fc.ipV4(), fc.nat({ max: 3 })).map(([a, i]) => a.split('.').map((part, j) => (j === i ? `0${part}` : part)).join('.')),
      fc.tuple(fc.ipV4(), fc.nat({ max: 3 }), fc.integer({ min: 256, max: 99_999 })).map(([a, i, n]) =>
        a.split('.').map((part, j) => (j === i ? String(n) : part)).join('.'),
      ),
      fc.tuple(fc.ipV4(), fc.integer({ min: 33, max: 999 })).map(([a, p]) => `${a}/${p}`),
      fc.tuple(fc.ipV6(), fc.integer({ min: 129, max: 999 })).map(([a, p]) => `${a}/${p}`),
      fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })).map(([a, p]) => `${a}/0${p}`),
    );
    fc.assert(
      fc.property(bad, (raw) => {
        const result = parseWhitelistEntry(raw);
        expect(result.ok, raw).toBe(false);
        if (!result.ok) expect(result.message.trim()).not.toBe('');
      }),
      RUNS,
    );
  });

  it('whole lists never throw: every error has a message, a valid list keeps canonical entries', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), (raw) => {
        const result = validateWhitelist(raw);
        expect(result.ok).toBe(result.errors.length === 0);
        for (const issue of [...result.errors, ...result.warnings]) expect(issue.message.trim()).not.toBe('');
        const parsed = whitelistSchema.safeParse(raw);
        expect(parsed.success).toBe(result.ok);
        if (parsed.success) expect(validateWhitelist(parsed.data).entries).toEqual(parsed.data);
      }),
      RUNS,
    );
  });
});

describe('display dates (DD/MM/YYYY)', () => {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const nearValidDate = fc
    .record({
      day: fc.integer({ min: 0, max: 35 }),
      month: fc.integer({ min: 0, max: 14 }),
      year: fc.integer({ min: 0, max: 12_000 }),
      dayWidth: fc.constantFrom(1, 2, 2, 2, 3),
      monthWidth: fc.constantFrom(1, 2, 2, 2, 3),
      yearWidth: fc.constantFrom(2, 4, 4, 4, 5),
      separator: fc.constantFrom('/', '/', '/', '/', '-', '.', ' ', '//'),
      around: fc.constantFrom('', '', ' ', '\t', '\n '),
    })
    .map(({ day, month, year, dayWidth, monthWidth, yearWidth, separator, around }) =>
      `${around}${pad(day, dayWidth)}${separator}${pad(month, monthWidth)}${separator}${pad(year, yearWidth)}${around}`,
    );

  // An independent reading of the rule: two, two and four digits, years 1900–9999, a real day.
  const oracle = (raw: string): string | null => {
    const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(raw.trim());
    if (!match) return null;
    const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (year < 1900) return null;
    const date = new Date(Date.UTC(2000, month - 1, day));
    date.setUTCFullYear(year);
    if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
    return `${match[3]}-${match[2]}-${match[1]}`;
  };

  it('never throw; refusals explain; acceptances are real days that format back to what was typed', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(anyText, nearValidDate), (raw) => {
        const result = parseDisplayDate(raw);
        expect(result.ok ? result.value : null, raw).toBe(oracle(raw));
        if (!result.ok) {
          expect(result.message.trim()).not.toBe('');
          return;
        }
        accepted++;
        expect(isIsoDate(result.value)).toBe(true);
        expect(formatDisplayDate(result.value)).toBe(raw.trim());
      }),
      RUNS,
    );
    expect(accepted).toBeGreaterThan(200);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breaksTokenPolicy, entryAllowsEveryAddress, entryRange, formatIPv4, isWideRange, mayBeWiderThan, NO_TOKEN_POLICY } from '../../../shared/domain';


const runs = { numRuns: 5000 };

// Networks of every prefix (host bits cleared, so most are valid), a few with host bits set,
// IPv4-mapped ranges, one-address entries, padding, and text that is no address at all.
const v4Entry = fc.tuple(fc.nat({ max: 0xffffffff }), fc.option(fc.integer({ min: 0, max: 33 }), { nil: null }), fc.boolean()).map(([value, prefix, keepHost]) => {
  if (prefix === null) return formatIPv4(value);
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - Math.min(prefix, 32))) >>> 0;
  return `${formatIPv4(keepHost ? value : (value & mask) >>> 0)}/${prefix}`;
});
const v6Entry = fc.tuple(
  fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff })), { minLength: 8, maxLength: 8 }),
  fc.option(fc.integer({ min: 0, max: 129 }), { nil: null }),
  fc.boolean(),
).map(([groups, prefix, mapped]) => {
  const words = mapped ? [0, 0, 0, 0, 0, 0xffff, groups[6] ?? 0, groups[7] ?? 0] : groups;
  const kept = prefix === null ? words : words.map((word, i) => {
    const bits = Math.max(0, Math.min(16, prefix - i * 16));
    return bits === 0 ? 0 : word & ((0xffff << (16 - bits)) & 0xffff);
  });
  // A mapped range keeps its ::ffff: marker in view, as people write it.
  const text = mapped ? `::ffff:${formatIPv4(((kept[6] ?? 0) << 16 | (kept[7] ?? 0)) >>> 0)}` : kept.map((word) => word.toString(16)).join(':');
  return prefix === null ? text : `${text}/${prefix}`;
});
const junk = fc.array(fc.constantFrom(...'0123456789abcdef:./x% '), { maxLength: 24 }).map((chars) => chars.join(''));
const entry = fc.tuple(fc.oneof({ weight: 4, arbitrary: v4Entry }, { weight: 4, arbitrary: v6Entry }, { weight: 1, arbitrary: junk }), fc.constantFrom('', ' ', '\t'))
  .map(([text, pad]) => `${pad}${text}${pad}`);
const limit4 = fc.option(fc.integer({ min: 0, max: 32 }), { nil: null });
const limit6 = fc.option(fc.integer({ min: 0, max: 128 }), { nil: null });

describe('mayBeWiderThan: the text-only gate before a whitelist entry is parsed', () => {
  it('says no only for entries whose parsed range is no wider than the limits', () => {
    fc.assert(
      fc.property(entry, limit4, limit6, (text, v4, v6) => {
        if (mayBeWiderThan(text, v4, v6)) return;
        const range = entryRange(text);
        if (range === null) return;
        const limit = range.space === 'v4' ? v4 : v6;
        expect(limit === null || range.prefix >= limit, `${text} is /${range.prefix} (${range.space})`).toBe(true);
      }),
      runs,
    );
  });

  it('leaves the wide-range and every-address answers as the parsed range gives them', () => {
    fc.assert(
      fc.property(entry, (text) => {
        const range = entryRange(text);
        expect(isWideRange(text), text).toBe(range !== null && (range.prefix === 0 || (range.space === 'v4' && range.prefix < 8)));
        expect(entryAllowsEveryAddress(text), text).toBe(range !== null && range.prefix === 0);
      }),
      runs,
    );
  });

  it('leaves the policy flag as the parsed ranges give it', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 4 }), limit4, limit6, (whitelist, v4, v6) => {
        const policy = { ...NO_TOKEN_POLICY, widestIpv4Prefix: v4, widestIpv6Prefix: v6 };
        const wider = whitelist.some((text) => {
          const range = entryRange(text);
          const limit = range === null ? null : range.space === 'v4' ? v4 : v6;
          return range !== null && limit !== null && range.prefix < limit;
        });
        expect(breaksTokenPolicy({ expiresOn: null, whitelist }, policy, new Date('2026-12-03T12:00:00Z'), 'UTC')).toBe(wider);
      }),
      runs,
    );
  });

  it('reads the prefix that decides, mapped ranges in IPv4', () => {
    expect(mayBeWiderThan('10.0.0.0/28', 24, null)).toBe(false);
    expect(mayBeWiderThan('10.0.0.0/16', 24, null)).toBe(true);
    expect(mayBeWiderThan('2001:db8::/64', 24, 48)).toBe(false);
    expect(mayBeWiderThan('2001:db8::/32', null, 48)).toBe(true);
    expect(mayBeWiderThan('::ffff:10.0.0.0/104', 24, 128)).toBe(true);
    expect(mayBeWiderThan('::ffff:10.0.0.0/120', 24, 48)).toBe(false);
    expect(mayBeWiderThan('203.0.113.9', 32, 128)).toBe(false);
    expect(mayBeWiderThan('1.2.3.4/x', 8, 1)).toBe(true);
  });
});

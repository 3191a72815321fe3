import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileWhitelist,
  formatIPv4,
  normalizeClientAddress,
  parseIPv4,
  parseWhitelistEntry,
  validateWhitelist,
} from '../../../shared/domain';
import {
  refIsMapped,
  refCovers,
  refClientAddress,
  refFormatV4,
  refFormatV6,
  refMatches,
  refNetwork,
  refParseEntry,
  refParseV4,
  type RefEntry,
} from './whitelist-reference';

/** An IPv4 entry written in IPv6 form: warned about, with its IPv4 form offered. */
const isMapped = (e: RefEntry): boolean => e.v6 && refIsMapped(e.value);

const runs = { numRuns: 2000 };

const v4Value = fc.oneof(
  fc.nat({ max: 0xffffffff }),
  fc.constantFrom(0, 1, 0xffffffff, 0x7f000001, 0x0a000000, 0xc0a80100, 0xffffff00),
);

// Eight groups, zero-heavy so that "::" compression has something to do.
const groups = fc.array(fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.integer({ min: 0, max: 0xffff }) }), {
  minLength: 8,
  maxLength: 8,
});
const mappedGroups = fc.nat({ max: 0xffffffff }).map((v4) => [0, 0, 0, 0, 0, 0xffff, v4 >>> 16, v4 & 0xffff]);
const anyGroups = fc.oneof({ weight: 4, arbitrary: groups }, { weight: 1, arbitrary: mappedGroups });

/** Some valid text form of the groups: padding, case, a compressed zero run, an IPv4 tail. */
const v6Text = (g: number[]) =>
  fc.record({ pad: fc.boolean(), upper: fc.boolean(), dotted: fc.boolean(), runPick: fc.nat() }).map(({ pad, upper, dotted, runPick }) => {
    const hex = (n: number) => {
      const text = pad ? n.toString(16).padStart(4, '0') : n.toString(16);
      return upper ? text.toUpperCase() : text;
    };
    const useDotted = dotted;
    const head = useDotted ? g.slice(0, 6) : g;
    const tailText = useDotted ? refFormatV4(BigInt((g[6] as number) * 65536 + (g[7] as number))) : null;
    const parts = head.map(hex);
    const runs: [number, number][] = [];
    for (let i = 0; i < head.length; i++) {
      if (head[i] !== 0) continue;
      let j = i;
      while (j < head.length && head[j] === 0) j++;
      for (let s = i; s < j; s++) for (let e = s + 1; e <= j; e++) runs.push([s, e]);
      i = j;
    }
    let text: string;
    if (runs.length > 0 && runPick % 3 !== 0) {
      const [s, e] = runs[runPick % runs.length] as [number, number];
      const before = parts.slice(0, s).join(':');
      const after = parts.slice(e).join(':');
      const afterWithTail = tailText === null ? after : after === '' ? tailText : `${after}:${tailText}`;
      text = `${before}::${afterWithTail}`;
    } else {
      text = tailText === null ? parts.join(':') : `${parts.join(':')}:${tailText}`;
    }
    return text;
  });

const v6Value = (g: number[]) => g.reduce((acc, n) => (acc << 16n) | BigInt(n), 0n);

describe('whitelist parsing against the reference model', () => {
  it('IPv4 entries: bare and every prefix, host bits refused with the network suggested', () => {
    fc.assert(
      fc.property(v4Value, fc.option(fc.integer({ min: 0, max: 32 }), { nil: undefined }), (value, prefix) => {
        const text = prefix === undefined ? formatIPv4(value) : `${formatIPv4(value)}/${prefix}`;
        const result = parseWhitelistEntry(text);
        const expected = refParseEntry(text);
        expect(result.ok).toBe(expected !== null);
        if (result.ok) {
          expect(result.entry).toEqual({ canonical: expected?.canonical, family: 'ipv4', prefix: prefix ?? null });
        } else if (prefix !== 0) {
          expect(result.suggestion).toBe(refNetwork(text));
          expect(parseWhitelistEntry(result.suggestion as string).ok).toBe(true);
        }
      }),
      runs,
    );
  });

  it('IPv6 entries in any notation canonicalise to the RFC 5952 text of their value', () => {
    fc.assert(
      fc.property(
        anyGroups.chain((g) => fc.tuple(fc.constant(g), v6Text(g))),
        fc.option(fc.integer({ min: 0, max: 128 }), { nil: undefined }),
        ([g, text], prefix) => {
          const value = v6Value(g);
          const entryText = prefix === undefined ? text : `${text}/${prefix}`;
          const result = parseWhitelistEntry(entryText);
          const expected = refParseEntry(entryText);
          expect(result.ok, entryText).toBe(expected !== null);
          if (prefix === undefined) {
            expect(result.ok ? result.entry.canonical : null).toBe(refFormatV6(value));
          }
          if (result.ok) {
            expect(result.entry).toEqual({ canonical: expected?.canonical, family: 'ipv6', prefix: prefix ?? null });
          }
        },
      ),
      runs,
    );
  });

  it('accepts every address fast-check calls IPv6, with the reference canonical form', () => {
    fc.assert(
      fc.property(fc.ipV6(), (text) => {
        const result = parseWhitelistEntry(text);
        const expected = refParseEntry(text);
        expect(expected, text).not.toBeNull();
        expect(result.ok ? result.entry.canonical : result.message).toBe(expected?.canonical);
      }),
      runs,
    );
  });

  it('accepts exactly the strict dotted-decimal forms of extended IPv4 notations', () => {
    fc.assert(
      fc.property(fc.ipV4Extended(), (text) => {
        const result = parseWhitelistEntry(text);
        expect(result.ok, text).toBe(refParseV4(text) !== null);
        expect(parseIPv4(text) >= 0).toBe(result.ok);
      }),
      runs,
    );
  });

  it('agrees with the reference on arbitrary text built from address characters', () => {
    const chars = fc.constantFrom(...'0123456789abcdefABCDEF::::....//% f');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 45 }).map((a) => a.join('')), (text) => {
        const result = parseWhitelistEntry(text);
        const expected = refParseEntry(text);
        expect(result.ok, JSON.stringify(text)).toBe(expected !== null);
        if (result.ok) expect(result.entry.canonical).toBe(expected?.canonical);
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with the reference on mapped ranges of every prefix', () => {
    fc.assert(
      fc.property(v4Value, fc.integer({ min: 0, max: 128 }), fc.boolean(), (value, prefix, dotted) => {
        const v = value >>> 0;
        const address = dotted ? `::ffff:${formatIPv4(v)}` : `::ffff:${(v >>> 16).toString(16)}:${(v & 0xffff).toString(16)}`;
        const text = `${address}/${prefix}`;
        const result = parseWhitelistEntry(text);
        const expected = refParseEntry(text);
        expect(result.ok, text).toBe(expected !== null);
        if (result.ok) expect(result.entry.canonical).toBe(expected?.canonical);
        if (prefix < 96) {
          expect(result.ok).toBe(false);
          // Never suggest the huge range a short mapped prefix really denotes.
          expect(result.ok ? null : result.suggestion).toBeUndefined();
        }
      }),
      runs,
    );
  });

  it('round-trips: a canonical entry parses to itself', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(v4Value, fc.integer({ min: 0, max: 32 })).map(([v, p]) => refFormatV4(BigInt(v)) + `/${p}`),
          anyGroups.chain(v6Text),
          fc.ipV6(),
          fc.ipV4(),
        ),
        (text) => {
          const result = parseWhitelistEntry(text);
          if (!result.ok) return;
          const again = parseWhitelistEntry(result.entry.canonical);
          expect(again).toEqual(result);
        },
      ),
      runs,
    );
  });
});

// Whitelists and addresses clustered around a few anchors so that matches and misses are both
// common. Rules come as IPv4, mapped IPv6 or native IPv6 CIDRs or bare addresses.
const anchors = fc.record({
  v4: fc.array(fc.nat({ max: 0xffffffff }), { minLength: 1, maxLength: 3 }),
  v6: fc.array(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), { minLength: 1, maxLength: 3 }),
});

function v4Entry(anchor: number, prefix: number | null, mapped: boolean): string {
  const p = prefix ?? 32;
  const mask = p === 0 ? 0 : (0xffffffff << (32 - p)) >>> 0;
  const network = (anchor & mask) >>> 0;
  if (mapped) {
    const value = (0xffffn << 32n) | BigInt(network);
    return prefix === null ? refFormatV6(value) : `${refFormatV6(value)}/${p + 96}`;
  }
  return prefix === null ? formatIPv4(network) : `${formatIPv4(network)}/${p}`;
}

function v6Entry(anchor: bigint, prefix: number | null): string {
  const p = prefix ?? 128;
  const shift = BigInt(128 - p);
  let network = (anchor >> shift) << shift;
  // Stay out of the mapped block: those rules are covered by v4Entry(…, mapped).
  if (network >> 32n === 0xffffn) network ^= 1n << 127n;
  return prefix === null ? refFormatV6(network) : `${refFormatV6(network)}/${p}`;
}

const scenario = anchors.chain(({ v4, v6 }) => {
  const entry = fc.oneof(
    fc.tuple(fc.constantFrom(...v4), fc.option(fc.integer({ min: 1, max: 32 }), { nil: null }), fc.boolean()).map(([a, p, m]) => v4Entry(a, p, m)),
    fc.tuple(fc.constantFrom(...v6), fc.option(fc.integer({ min: 1, max: 128 }), { nil: null })).map(([a, p]) => v6Entry(a, p)),
    fc.constantFrom('0.0.0.0/0', '::/0', '::ffff:0:0/96'),
  );
  const flipLowBits = (bits: number) => fc.integer({ min: 0, max: bits }).chain((n) => fc.bigInt({ min: 0n, max: (1n << BigInt(n)) - 1n }));
  const address = fc.oneof(
    fc.tuple(fc.constantFrom(...v4), flipLowBits(32), fc.boolean()).map(([a, flip, mapped]) => {
      const value = (BigInt(a) ^ flip) & 0xffffffffn;
      return mapped ? `::ffff:${refFormatV4(value)}` : refFormatV4(value);
    }),
    fc.tuple(fc.constantFrom(...v6), flipLowBits(128), fc.boolean()).map(([a, flip, zone]) => {
      const text = refFormatV6(a ^ flip);
      return zone ? `${text}%eth0` : text;
    }),
    fc.tuple(fc.constantFrom(...v4), fc.constantFrom('::ffff:', '0:0:0:0:0:FFFF:')).map(([a, prefix]) => {
      const v = a >>> 0;
      return `${prefix}${(v >>> 16).toString(16)}:${(v & 0xffff).toString(16)}`;
    }),
  );
  return fc.tuple(fc.uniqueArray(entry, { maxLength: 12 }), fc.array(address, { minLength: 1, maxLength: 8 }));
});

describe('whitelist matching against the reference model', () => {
  it('answers like the reference for clustered whitelists and addresses', () => {
    let allowed = 0;
    let refused = 0;
    fc.assert(
      fc.property(scenario, ([list, addresses]) => {
        const matcher = compileWhitelist(list);
        for (const address of addresses) {
          const expected = refMatches(list, address);
          expect(matcher.matches(address), `${address} in ${list.join(', ')}`).toBe(expected);
          if (expected) allowed++;
          else refused++;
        }
      }),
      runs,
    );
    // Both outcomes must be well represented for the comparison to mean anything.
    expect(allowed).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(1000);
  });

  it('answers like the reference at both edges of every range and one address beyond', () => {
    const toRule = ([v, p]: [number, number]) => {
      const mask = p === 0 ? 0 : (0xffffffff << (32 - p)) >>> 0;
      return { lo: (v & mask) >>> 0, p };
    };
    // Rules near one base leave gaps of one or a few addresses between ranges.
    const rulesArb = fc.oneof(
      fc.array(fc.tuple(v4Value, fc.integer({ min: 0, max: 32 })).map(toRule), { minLength: 1, maxLength: 20 }),
      fc.tuple(fc.nat({ max: 0xffffff00 }), fc.array(fc.tuple(fc.nat({ max: 255 }), fc.integer({ min: 27, max: 32 })), { minLength: 1, maxLength: 20 })).map(
        ([base, offsets]) => offsets.map(([offset, p]) => toRule([base + offset, p])),
      ),
    );
    fc.assert(
      fc.property(rulesArb, fc.boolean(), (rules, mapped) => {
        const list = [...new Set(rules.map(({ lo, p }) => (mapped ? `::ffff:${formatIPv4(lo)}/${p + 96}` : `${formatIPv4(lo)}/${p}`)))];
        const matcher = compileWhitelist(list);
        for (const { lo, p } of rules) {
          const hi = lo + 2 ** (32 - p) - 1;
          for (const edge of [lo - 1, lo, hi, hi + 1]) {
            if (edge < 0 || edge > 0xffffffff) continue;
            const address = formatIPv4(edge);
            expect(matcher.matches(address), `${address} in ${list.join(', ')}`).toBe(refMatches(list, address));
          }
        }
      }),
      runs,
    );
  });

  it('answers like the reference at the edges of IPv6 ranges', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), fc.integer({ min: 1, max: 128 }), (anchor, prefix) => {
        const entry = v6Entry(anchor, prefix);
        const network = BigInt(`0x${(refParseEntry(entry) as RefEntry).value.toString(16)}`);
        const size = 1n << BigInt(128 - prefix);
        const matcher = compileWhitelist([entry]);
        for (const edge of [network - 1n, network, network + size - 1n, network + size]) {
          if (edge < 0n || edge >= 1n << 128n) continue;
          const address = refFormatV6(edge);
          expect(matcher.matches(address), `${address} in ${entry}`).toBe(refMatches([entry], address));
        }
      }),
      runs,
    );
  });

  it('gives the same answer for an address in IPv4 and mapped notation', () => {
    fc.assert(
      fc.property(scenario, v4Value, ([list], value) => {
        const matcher = compileWhitelist(list);
        const dotted = formatIPv4(value);
        expect(matcher.matches(`::ffff:${dotted}`)).toBe(matcher.matches(dotted));
      }),
      runs,
    );
  });

  it('warns about exactly the entries another entry covers', () => {
    fc.assert(
      fc.property(scenario, ([list]) => {
        const result = validateWhitelist(list);
        const entries = list.map((text) => refParseEntry(text) as RefEntry);
        // The same addresses, in either notation: a duplicate error on the later entry.
        const duplicates = new Set<number>();
        entries.forEach((e, i) => {
          if (entries.some((o, j) => j < i && !duplicates.has(j) && refCovers(o, e) && refCovers(e, o))) duplicates.add(i);
        });
        expect(result.errors.map((x) => x.index)).toEqual([...duplicates]);
        const kept = entries.map((e, i) => ({ e, i })).filter(({ i }) => !duplicates.has(i));
        const expectedWarnings = kept
          .filter(({ e, i }) => isMapped(e) || kept.some(({ e: o, i: j }) => j !== i && refCovers(o, e)))
          .map(({ i }) => i);
        expect(result.warnings.map((w) => w.index)).toEqual(expectedWarnings);
      }),
      runs,
    );
  });
});

describe('which entry a duplicate or a covered entry is reported against', () => {
  it('is the first kept entry of the list, named by its canonical text', () => {
    fc.assert(
      fc.property(scenario, ([list]) => {
        const result = validateWhitelist(list);
        const entries = list.map((text) => refParseEntry(text) as RefEntry);
        const kept: { e: RefEntry; i: number }[] = [];
        const errors: { index: number; message: string }[] = [];
        entries.forEach((e, i) => {
          const same = kept.find(({ e: o }) => refCovers(o, e) && refCovers(e, o));
          if (!same) {
            kept.push({ e, i });
            return;
          }
          const message =
            same.e.canonical === e.canonical
              ? `${e.canonical} is already in the list; remove the duplicate.`
              : `${e.canonical} matches the same clients as ${same.e.canonical}, already in the list; remove the duplicate.`;
          errors.push({ index: i, message });
        });
        expect(result.errors).toEqual(errors);
        const warnings = kept.flatMap(({ e, i }) => {
          if (isMapped(e)) {
            const v4 = refFormatV4(e.value & 0xffffffffn);
            const ipv4 = e.prefix === null ? v4 : `${v4}/${e.prefix - 96}`;
            const kind = e.prefix === null ? 'address' : 'range';
            return [{ index: i, message: `${e.canonical} is an IPv4 ${kind} written in IPv6 form; ${ipv4} matches the same clients and reads more clearly.`, suggestion: ipv4 }];
          }
          const outer = kept.find(({ e: o, i: j }) => j !== i && refCovers(o, e));
          return outer ? [{ index: i, message: `${e.canonical} is already covered by ${outer.e.canonical}.` }] : [];
        });
        expect(result.warnings).toEqual(warnings);
      }),
      { numRuns: 800 },
    );
  });
});

describe('normalizeClientAddress against the reference model', () => {
  it('unmaps and canonicalises any IPv6 notation', () => {
    fc.assert(
      fc.property(anyGroups.chain((g) => fc.tuple(fc.constant(g), v6Text(g), fc.boolean())), ([g, text, zone]) => {
        const value = v6Value(g);
        const expected = refClientAddress(text);
        const canonical = expected?.v6 ? refFormatV6(value) : refFormatV4(value & 0xffffffffn);
        expect(normalizeClientAddress(zone ? `${text}%lo0` : text)).toBe(canonical);
      }),
      runs,
    );
  });

  it('returns IPv4 text unchanged and refuses the loose forms', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV4Extended()), (text) => {
        expect(normalizeClientAddress(text)).toBe(refParseV4(text) === null ? null : text);
      }),
      runs,
    );
  });
});

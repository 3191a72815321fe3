import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { compileWhitelist, FAMILY_INVALID, FAMILY_V4, FAMILY_V6, parseClientAddressInto } from '../../../shared/domain';

// The hot-path parser against ipaddr.js (issues 20 and 21): for any text, both refuse, or both
// accept the same address in the same family. Two rules are deliberately stricter than
// ipaddr.js and are applied to the reference: a dotted IPv4 (alone or ending an IPv6 address)
// is four decimal numbers without leading zeros (ipaddr.js reads "01" as octal and "0x1" as
// hex), and a zone id is letters, digits, "-", "." or "_" (interface names such as
// "eth0.100"; ipaddr.js knows letters and digits only, so it is asked about the bare address).
// And one reading differs: ipaddr.js takes "::1.2.3.4" (the deprecated IPv4-compatible form) as
// the mapped "::ffff:1.2.3.4", although it reads "0::1.2.3.4" as RFC 4291 does; the fast parser
// reads both as the native IPv6 address ::102:304, so the reference asks about "0::1.2.3.4".
const RUNS = { numRuns: 4_000 };
const STRICT_V4 = /^(?:(?:0|[1-9][0-9]{0,2})\.){3}(?:0|[1-9][0-9]{0,2})$/;
const ZONE = /^[0-9A-Za-z._-]+$/;

type Parsed = { family: number; words: number[] };
const REFUSED: Parsed = { family: FAMILY_INVALID, words: [0, 0, 0, 0] };

function reference(text: string): Parsed {
  let bare = text;
  const percent = text.indexOf('%');
  if (percent >= 0) {
    bare = text.slice(0, percent);
    if (!bare.includes(':') || !ZONE.test(text.slice(percent + 1))) return REFUSED;
  }
  if (!bare.includes(':')) {
    if (!ipaddr.IPv4.isValidFourPartDecimal(bare)) return REFUSED;
    return { family: FAMILY_V4, words: [0, 0, 0xffff, ipaddr.IPv4.parse(bare).toByteArray().reduce((a, b) => a * 256 + b, 0)] };
  }
  const last = bare.slice(bare.lastIndexOf(':') + 1);
  if (last.includes('.') && !STRICT_V4.test(last)) return REFUSED;
  if (bare.startsWith('::') && bare.lastIndexOf(':') === 1) bare = `0${bare}`;
  if (!ipaddr.IPv6.isValid(bare)) return REFUSED;
  const address = ipaddr.IPv6.parse(bare);
  const parts = address.parts;
  const words = [0, 1, 2, 3].map((w) => (parts[2 * w] as number) * 65536 + (parts[2 * w + 1] as number));
  return { family: address.isIPv4MappedAddress() ? FAMILY_V4 : FAMILY_V6, words };
}

function fast(text: string, out = new Uint32Array(4)): Parsed {
  // A buffer left dirty by an earlier address: a refusal must not leave it readable.
  out.set([0x20010db8, 0, 0, 5]);
  const family = parseClientAddressInto(text, out);
  return { family, words: [...out] };
}

const group = fc
  .tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 3 }), fc.boolean())
  .map(([value, pad, upper]) => {
    const hex = value.toString(16);
    const text = hex.padStart(Math.min(4, hex.length + pad), '0');
    return upper ? text.toUpperCase() : text;
  });

const octet = fc.integer({ min: 0, max: 255 }).map(String);
const dotted = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));

/** Every valid shape: 0–8 groups, "::" at every position, an embedded IPv4, a zone id. */
const validV6 = fc
  .record({
    groups: fc.array(group, { minLength: 0, maxLength: 8 }),
    compressAt: fc.nat(),
    compress: fc.boolean(),
    v4: fc.option(dotted, { freq: 3 }),
    zone: fc.option(fc.constantFrom('eth0', 'lo', '1', 'br-lan', 'eth0.100', 'wlp2s0', 'ZONE_9', 'Az', 'az09AZ'), { freq: 4 }),
  })
  .map(({ groups, compressAt, compress, v4, zone }) => {
    // An embedded IPv4 takes the place of the last two groups.
    const room = v4 === null ? 8 : 6;
    let head = groups.slice(0, room);
    const mustCompress = head.length < room;
    if (!mustCompress && compress) head = head.slice(0, room - 1);
    let text: string;
    if (mustCompress || compress) {
      const at = compressAt % (head.length + 1);
      const left = head.slice(0, at).join(':');
      const right = head.slice(at);
      const tail = v4 === null ? right : [...right, v4];
      text = `${left}::${tail.join(':')}`;
    } else {
      text = v4 === null ? head.join(':') : [...head, v4].join(':');
    }
    return zone === null ? text : `${text}%${zone}`;
  });

const validV4 = fc.oneof(dotted, dotted.map((d) => `::ffff:${d}`), dotted.map((d) => `::FFFF:${d}`));

// Each hex-digit and zone character class with its neighbours on both sides.
const PIECES = ['0', '1', '9', '00', 'a', 'f', 'F', 'A', 'g', 'G', 'x', 'z', 'Z', '@', '[', '`', '{', ':', '::', '.', '%', '%eth0', ' ', '-', '/', '\n', '\u0660', '\uFF11', '1.2.3.4', 'ffff:'];

/** One edit away from a valid address: insertion, deletion, replacement or duplication. */
const nearMiss = fc
  .tuple(fc.oneof(validV6, validV4), fc.nat(), fc.nat(), fc.constantFrom(...PIECES), fc.integer({ min: 0, max: 3 }))
  .map(([text, p, q, piece, edit]) => {
    const at = p % (text.length + 1);
    if (edit === 0) return text.slice(0, at) + piece + text.slice(at);
    if (edit === 1) return text.slice(0, at) + text.slice(at + 1 + (q % 3));
    if (edit === 2) return text.slice(0, at) + piece + text.slice(at + 1);
    const end = at + (q % (text.length - at + 1));
    return text.slice(0, end) + text.slice(at, end) + text.slice(end);
  });

const ISSUE_CASES = [
  // issue 21's findings
  '0:0:1:0:0:ffff:102:304',
  'fe80::1x',
  '2001:db8::1g5',
  '1:2:3:4:5:6:7:8:',
  '10.0.0.1a',
  // the "::" group count and scan bounds (issue 20)
  '1:2:3:4:5:6:7::',
  '::1:2:3:4:5:6:7',
  '1:2:3::4:5:6:7',
  '1:2:3:4::5:6:7:8',
  '1:2:3:4:5:6:7:8::',
  '::1:2:3:4:5:6:1.2.3.4',
  '1:2:3:4:5::1.2.3.4',
  '1:2:3:4:5:6::1.2.3.4',
  '1:2:3:4:5:6:7:1.2.3.4',
  '::1.2.3.4',
  '::1.2.3.4%eth0',
  '0::1.2.3.4',
  '::ffff:1.2.3.04',
  '::ffff:0x1.2.3.4',
  '1.2.3.4::',
  '1.2.3.4:1::',
  '::00001',
  '::0000',
  '::FFFF:a.b.c.d',
  // the all-zero IPv4 address is an address (issue 20: "v4 <= 0" went unnoticed)
  '0.0.0.0',
  '::ffff:0.0.0.0',
  '::0.0.0.0',
  '1::0.0.0.0',
  '1:2:3:4:5:6:0.0.0.0',
  // zones
  'fe80::1%',
  'fe80::1%eth0%1',
  'fe80::1%e th0',
  'fe80::1%eth:0',
  '1.2.3.4%eth0',
  'fe80::1%Az09-._',
  'fe80::1%a@',
  'fe80::1%[',
  'fe80::1%`',
  'fe80::1%{',
  'fe80::1%/',
  'fe80::1%:',
  '::@',
  '::`',
  '::/',
  '::G',
  '::AbCd',
  '1.2.3.4/',
  '1.2.3.4:',
  '1.2.3.255',
  '1.2.3.256',
  '1.2.3.1000',
  '1.2.3.0001',
  '%eth0',
  '::%1',
  '',
  ':',
  '::',
  ':::',
  // a lone leading ':' is an empty first group (the parser has no early exit for it)
  ':1:2:3:4:5:6:7',
  ':1::',
  ':1.2.3.4',
  ':ffff:1.2.3.4',
  ':::1',
];

describe('the fast client-address parser agrees with ipaddr.js', () => {
  it.each(ISSUE_CASES)('%j', (text) => {
    expect(fast(text)).toEqual(reference(text));
  });

  it('on every valid IPv6 shape (all "::" positions, 0–8 groups, embedded IPv4, zones, leading zeros, upper case)', () => {
    fc.assert(
      fc.property(validV6, (text) => {
        const expected = reference(text);
        expect(expected.family, text).not.toBe(FAMILY_INVALID);
        expect(fast(text), text).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('on near misses and junk: both refuse, or both accept the same address', () => {
    fc.assert(
      fc.property(fc.oneof(nearMiss, nearMiss, fc.string({ maxLength: 45 }), fc.stringMatching(/^[0-9a-fA-F:.%]{0,45}$/)), (text) => {
        expect(fast(text), text).toEqual(reference(text));
      }),
      { numRuns: 10_000 },
    );
  });

  it('ipaddr.js itself agrees when the zone id is letters and digits', () => {
    fc.assert(
      fc.property(validV6, (text) => {
        const bare = text.split('%')[0] as string;
        if (/%[0-9a-z]+$/i.test(text) || bare === text) expect(ipaddr.IPv6.isValid(text), text).toBe(true);
        else expect(ipaddr.IPv6.isValid(bare), text).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('a refused address never reuses the previous client', () => {
  it('matches() after an accepted address refuses every malformed text', () => {
    fc.assert(
      fc.property(validV6, nearMiss, (accepted, other) => {
        const expected = reference(accepted);
        const v4 = expected.words[3] as number;
        const rule =
          expected.family === FAMILY_V4
            ? [24, 16, 8, 0].map((shift) => (v4 >>> shift) & 255).join('.')
            : expected.words.map((word) => `${(word >>> 16).toString(16)}:${(word & 0xffff).toString(16)}`).join(':');
        const matcher = compileWhitelist([rule]);
        expect(matcher.matches(accepted), accepted).toBe(true);
        const seen = reference(other);
        const same = seen.family === expected.family && seen.words.every((word, i) => word === expected.words[i]);
        expect(matcher.matches(other), `${accepted} then ${other}`).toBe(same);
      }),
      RUNS,
    );
  });

  it('the issue 21 sequences', () => {
    const matcher = compileWhitelist(['2001:db8::5', '1.2.3.4']);
    for (const [before, after] of [
      ['2001:db8::5', 'fe80::1x'],
      ['2001:db8::5', '2001:db8::5:'],
      ['2001:db8::5', '2001:db8::5g'],
      ['2001:db8::5', '2001:db8::5%'],
      ['1.2.3.4', '1.2.3.4a'],
      ['1.2.3.4', '::ffff:1.2.3.4:'],
    ] as const) {
      expect(matcher.matches(before)).toBe(true);
      expect(matcher.matches(after), `${before} then ${after}`).toBe(false);
    }
  });

  it('a native IPv6 address whose low words look mapped is not the IPv4 address', () => {
    const matcher = compileWhitelist(['1.2.3.4']);
    expect(matcher.matches('::ffff:1.2.3.4')).toBe(true);
    for (const text of ['0:0:1:0:0:ffff:102:304', '0:1::ffff:102:304', '1::ffff:102:304', '::1:ffff:102:304', '::fffe:102:304']) {
      expect(matcher.matches(text), text).toBe(false);
      expect(fast(text).family, text).toBe(FAMILY_V6);
    }
  });
});

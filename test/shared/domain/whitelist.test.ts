import { describe, expect, it } from 'vitest';
import {
  MAX_WHITELIST_ENTRIES,
  allowsEveryAddress,
  compileWhitelist,
  entryAllowsEveryAddress,
  isWideRange,
  normalizeClientAddress,
  parseWhitelistEntry,
  validateWhitelist,
  whitelistCapacityText,
  whitelistEntrySchema,
  whitelistSchema,
} from '../../../shared/domain';
import { whitelistInputSchema } from '../../../shared/api/tokens';

const canonical = (raw: string) => {
  const result = parseWhitelistEntry(raw);
  if (!result.ok) throw new Error(`expected ${raw} to parse: ${result.message}`);
  return result.entry;
};
const refusal = (raw: string) => {
  const result = parseWhitelistEntry(raw);
  if (result.ok) throw new Error(`expected ${raw} to be refused`);
  return result;
};

describe('parseWhitelistEntry', () => {
  it('keeps a bare address bare and a CIDR as network/prefix', () => {
    expect(canonical('203.0.113.45')).toEqual({ canonical: '203.0.113.45', family: 'ipv4', prefix: null });
    expect(canonical('203.0.113.45/32')).toEqual({ canonical: '203.0.113.45/32', family: 'ipv4', prefix: 32 });
    expect(canonical('192.168.1.0/24')).toEqual({ canonical: '192.168.1.0/24', family: 'ipv4', prefix: 24 });
    expect(canonical('2001:DB8::/32')).toEqual({ canonical: '2001:db8::/32', family: 'ipv6', prefix: 32 });
    expect(canonical('2001:0DB8:0000:0000:0000:0000:0000:0001')).toEqual({ canonical: '2001:db8::1', family: 'ipv6', prefix: null });
  });

  it('writes IPv6 in RFC 5952 form', () => {
    expect(canonical('2001:db8:0:0:1:0:0:1').canonical).toBe('2001:db8::1:0:0:1');
    expect(canonical('2001:db8:0:1:1:1:1:1').canonical).toBe('2001:db8:0:1:1:1:1:1');
    expect(canonical('0:0:0:0:0:0:0:0').canonical).toBe('::');
    expect(canonical('1:0:0:2:0:0:0:3').canonical).toBe('1:0:0:2::3');
    expect(canonical('::2:3:4:5:6:7:8').canonical).toBe('0:2:3:4:5:6:7:8');
  });

  it('writes IPv4-mapped addresses with their IPv4 tail', () => {
    expect(canonical('::ffff:192.0.2.1')).toEqual({ canonical: '::ffff:192.0.2.1', family: 'ipv6', prefix: null });
    expect(canonical('::FFFF:C000:201').canonical).toBe('::ffff:192.0.2.1');
    expect(canonical('0:0:0:0:0:ffff:c000:200/120').canonical).toBe('::ffff:192.0.2.0/120');
    expect(canonical('::ffff:0:0/96').canonical).toBe('::ffff:0.0.0.0/96');
  });

  it('trims surrounding whitespace but refuses inner spaces', () => {
    expect(canonical('  10.0.0.0/8 \t').canonical).toBe('10.0.0.0/8');
    expect(refusal('1.2.3.4 /24').message).toBe('"1.2.3.4 /24" contains a space; remove it.');
    expect(refusal('1.2.3.4/ 24').ok).toBe(false);
    expect(refusal('2001:db8:: 1').ok).toBe(false);
  });

  it('asks for something when empty', () => {
    expect(refusal('').message).toBe('Enter an IPv4 or IPv6 address, or a range in CIDR notation (e.g. 192.168.1.0/24).');
    expect(refusal('   ').message).toMatch(/^Enter an IPv4 or IPv6 address/);
  });

  it('refuses loose IPv4 notations with an explanation', () => {
    for (const raw of ['010.0.0.1', '1.2.3', '0x7f.0.0.1', '127.1', '1.2.3.4.5', '256.0.0.1', '1.02.3.4', '1..2.3', '.1.2.3', '1.2.3.']) {
      const result = refusal(raw);
      expect(result.message, raw).toMatch(/not a valid IPv4 address: write four numbers from 0 to 255/);
    }
    expect(refusal('abc').message).toBe('"abc" is not an IP address or a CIDR range.');
    expect(refusal('localhost').message).toBe('"localhost" is not an IP address or a CIDR range.');
  });

  it('refuses invalid IPv6', () => {
    for (const raw of ['2001:db8:::1', '2001:db8::g', '1:2:3:4:5:6:7:8:9', '1::2::3', '12345::', ':1::', '1:2:3:4:5:6:7', '::ffff:010.0.0.1', '::1.2.3', '1.2.3.4::']) {
      expect(refusal(raw).message, raw).toMatch(/not a valid IPv6 address|not a valid IPv4/);
    }
  });

  it('refuses zone identifiers', () => {
    expect(refusal('fe80::1%eth0').message).toBe('Zone identifiers ("%" and an interface name) are not allowed in a whitelist.');
  });

  it('checks the prefix length', () => {
    expect(refusal('1.2.3.4/33').message).toBe('"/33" is not a valid prefix length: use a whole number from 0 to 32 for IPv4, without leading zeros.');
    expect(refusal('2001:db8::/129').message).toContain('from 0 to 128 for IPv6');
    expect(refusal('10.0.0.0/08').message).toContain('without leading zeros');
    expect(refusal('10.0.0.0/-8').ok).toBe(false);
    expect(refusal('10.0.0.0/8.0').ok).toBe(false);
    expect(refusal('10.0.0.0/').message).toBe('Write the prefix length after "/" (0 to 32 for IPv4).');
    expect(refusal('10.0.0.0/8/8').message).toBe('"10.0.0.0/8/8" has more than one "/".');
    expect(refusal('/8').ok).toBe(false);
  });

  it('refuses host bits with the network as suggestion', () => {
    expect(refusal('192.168.1.5/24')).toEqual({
      ok: false,
      message: '"192.168.1.5/24" has bits set after the prefix; a range must start at its network address (192.168.1.0/24).',
      suggestion: '192.168.1.0/24',
    });
    expect(refusal('2001:db8::1/32').suggestion).toBe('2001:db8::/32');
    expect(refusal('::ffff:192.0.2.1/120').suggestion).toBe('::ffff:192.0.2.0/120');
    expect(refusal('10.0.0.1/8').suggestion).toBe('10.0.0.0/8');
  });

  it('does not suggest a range that allows every address', () => {
    const result = refusal('1.2.3.4/0');
    expect(result.message).toContain('0.0.0.0/0');
    expect(result.suggestion).toBeUndefined();
    expect(refusal('2001:db8::/0').suggestion).toBeUndefined();
  });

  it('refuses mapped ranges shorter than /96', () => {
    for (const raw of ['::ffff:0:0/95', '::ffff:0:0/80', '::ffff:192.0.2.0/64', '::ffff:0:0/0']) {
      const result = refusal(raw);
      expect(result.message, raw).toContain('needs a prefix of /96 or longer');
      expect(result.suggestion).toBeUndefined();
    }
    expect(canonical('::ffff:0:0/96').prefix).toBe(96);
  });

  it('parses its own canonical output to the same entry', () => {
    for (const raw of ['0.0.0.0/0', '::/0', '::', '::1', 'fe80::/10', '::ffff:1.2.3.4/128', '::1.2.3.4', '64:ff9b::/96']) {
      const entry = canonical(raw);
      expect(canonical(entry.canonical)).toEqual(entry);
    }
  });
});

describe('validateWhitelist', () => {
  it('accepts an empty list', () => {
    expect(validateWhitelist([])).toEqual({ ok: true, entries: [], errors: [], warnings: [] });
  });

  it('returns canonical entries in order', () => {
    expect(validateWhitelist(['203.0.113.45', ' 2001:DB8::/32 ', '::FFFF:C000:201'])).toEqual({
      ok: true,
      entries: ['203.0.113.45', '2001:db8::/32', '::ffff:192.0.2.1'],
      errors: [],
      warnings: [{ index: 2, message: expect.stringContaining('written in IPv6 form') as string, suggestion: '192.0.2.1' }],
    });
  });

  it('reports each invalid entry by index', () => {
    const result = validateWhitelist(['10.0.0.1', 'nope', '192.168.1.5/24']);
    expect(result.ok).toBe(false);
    expect(result.entries).toEqual(['10.0.0.1']);
    expect(result.errors).toEqual([
      { index: 1, message: '"nope" is not an IP address or a CIDR range.' },
      { index: 2, message: expect.stringContaining('bits set') as string, suggestion: '192.168.1.0/24' },
    ]);
  });

  it('refuses duplicates after canonicalisation', () => {
    const result = validateWhitelist(['2001:db8::/32', '10.0.0.1', '2001:DB8:0::/32']);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([{ index: 2, message: '2001:db8::/32 is already in the list; remove the duplicate.' }]);
  });

  it('refuses a bare address and its /32 (or /128) together', () => {
    expect(validateWhitelist(['1.2.3.4', '1.2.3.4/32']).errors).toEqual([
      { index: 1, message: '1.2.3.4/32 matches the same clients as 1.2.3.4, already in the list; remove the duplicate.' },
    ]);
    expect(validateWhitelist(['::1/128', '::1']).errors).toHaveLength(1);
  });

  it('warns when an entry lies inside another entry', () => {
    const result = validateWhitelist(['10.1.2.3', '10.0.0.0/8', '2001:db8:1::/48', '2001:db8::/32', '192.168.0.0/16']);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      { index: 0, message: '10.1.2.3 is already covered by 10.0.0.0/8.' },
      { index: 2, message: '2001:db8:1::/48 is already covered by 2001:db8::/32.' },
    ]);
  });

  it('treats an IPv4-mapped entry and its IPv4 form as duplicates, whichever comes first', () => {
    expect(validateWhitelist(['10.0.0.1', '::ffff:10.0.0.1']).errors).toEqual([
      { index: 1, message: '::ffff:10.0.0.1 matches the same clients as 10.0.0.1, already in the list; remove the duplicate.' },
    ]);
    expect(validateWhitelist(['::ffff:192.168.0.0/112', '192.168.0.0/16']).errors).toEqual([
      { index: 1, message: '192.168.0.0/16 matches the same clients as ::ffff:192.168.0.0/112, already in the list; remove the duplicate.' },
    ]);
  });

  it('suggests the IPv4 form of an IPv4-mapped entry', () => {
    const result = validateWhitelist(['::ffff:10.0.0.1', '::ffff:192.168.1.0/120', '::ffff:10.0.0.2/128']);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      { index: 0, message: expect.stringContaining('IPv4 address written in IPv6 form') as string, suggestion: '10.0.0.1' },
      { index: 1, message: expect.stringContaining('IPv4 range written in IPv6 form') as string, suggestion: '192.168.1.0/24' },
      { index: 2, message: expect.stringContaining('10.0.0.2/32 matches the same clients') as string, suggestion: '10.0.0.2/32' },
    ]);
  });

  it('treats IPv4 and mapped notations as one space for covering', () => {
    const result = validateWhitelist(['192.168.1.0/24', '::ffff:192.168.0.0/112']);
    expect(result.warnings.map((w) => w.index)).toEqual([0, 1]);
    expect(result.warnings[0]).toEqual({ index: 0, message: '192.168.1.0/24 is already covered by ::ffff:192.168.0.0/112.' });
  });

  it('does not relate native IPv6 ranges to IPv4 entries', () => {
    expect(validateWhitelist(['::/0', '10.0.0.1']).warnings).toEqual([]);
    expect(validateWhitelist(['::/0', '::ffff:10.0.0.2']).warnings.map((w) => w.suggestion)).toEqual(['10.0.0.2']);
  });

  it('refuses more than 100 entries', () => {
    const list = Array.from({ length: 101 }, (_, i) => `10.0.${Math.floor(i / 256)}.${i % 256}`);
    expect(MAX_WHITELIST_ENTRIES).toBe(100);
    expect(validateWhitelist(list.slice(0, 100)).ok).toBe(true);
    const result = validateWhitelist(list);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      { index: 100, message: 'A whitelist holds at most 100 entries; this one has 101. Remove 1, or cover several addresses with one CIDR range.' },
    ]);
    expect(whitelistCapacityText(89)).toBeNull();
    expect(whitelistCapacityText(95)).toBe('95 of 100 entries: 5 more can be added.');
    expect(whitelistCapacityText(100)).toMatch(/^The whitelist is full: a token has at most 100 entries\./);
  });

  it('refuses an oversized request in the same words', () => {
    const tooMany = whitelistInputSchema.safeParse(Array.from({ length: 102 }, () => '10.0.0.1'));
    expect(tooMany.error?.issues.map((issue) => issue.message)).toEqual([
      'A whitelist holds at most 100 entries; this one has 102. Remove 2, or cover several addresses with one CIDR range.',
    ]);
    const tooLong = whitelistInputSchema.safeParse(['1'.repeat(101)]);
    expect(tooLong.error?.issues[0]?.message).toBe('An entry is at most 100 characters long: write one address or one CIDR range.');
  });
});

describe('zod schemas', () => {
  it('transforms an entry to canonical form and reports the message with the suggestion', () => {
    expect(whitelistEntrySchema.parse(' 2001:DB8::/32')).toBe('2001:db8::/32');
    const result = whitelistEntrySchema.safeParse('192.168.1.5/24');
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.message).toContain('bits set after the prefix');
    expect(issue?.code === 'custom' ? issue.params : undefined).toEqual({ suggestion: '192.168.1.0/24' });
  });

  it('transforms a list and puts each issue at its index', () => {
    expect(whitelistSchema.parse(['10.0.0.0/8', '::FFFF:1.2.3.4'])).toEqual(['10.0.0.0/8', '::ffff:1.2.3.4']);
    const result = whitelistSchema.safeParse(['10.0.0.0/8', 'x', '10.0.0.0/8']);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([[1], [2]]);
    expect(whitelistSchema.safeParse('10.0.0.0/8').success).toBe(false);
  });
});

describe('matching', () => {
  it('allows every address when the list is empty, even garbage', () => {
    const matcher = compileWhitelist([]);
    expect(matcher.matches('203.0.113.45')).toBe(true);
    expect(matcher.matches('not an ip')).toBe(true);
    expect(compileWhitelist([]).matches('::1')).toBe(true);
  });

  it('matches bare addresses and CIDR ranges', () => {
    const matcher = compileWhitelist(['203.0.113.45', '192.168.1.0/24', '2001:db8::/32']);
    expect(matcher.matches('203.0.113.45')).toBe(true);
    expect(matcher.matches('203.0.113.46')).toBe(false);
    expect(matcher.matches('192.168.1.0')).toBe(true);
    expect(matcher.matches('192.168.1.255')).toBe(true);
    expect(matcher.matches('192.168.2.0')).toBe(false);
    expect(matcher.matches('192.168.0.255')).toBe(false);
    expect(matcher.matches('2001:db8:ffff::1')).toBe(true);
    expect(matcher.matches('2001:db9::')).toBe(false);
    expect(matcher.entries).toEqual(['203.0.113.45', '192.168.1.0/24', '2001:db8::/32']);
  });

  it('matches a mapped address against IPv4 rules and an IPv4 address against mapped rules', () => {
    expect(compileWhitelist(['203.0.113.0/24']).matches('::ffff:203.0.113.45')).toBe(true);
    expect(compileWhitelist(['203.0.113.0/24']).matches('::ffff:cb00:712d')).toBe(true);
    expect(compileWhitelist(['::ffff:203.0.113.0/120']).matches('203.0.113.45')).toBe(true);
    expect(compileWhitelist(['::ffff:203.0.113.45']).matches('203.0.113.45')).toBe(true);
    expect(compileWhitelist(['::ffff:203.0.113.45']).matches('203.0.113.46')).toBe(false);
    expect(compileWhitelist(['::ffff:0:0/96']).matches('8.8.8.8')).toBe(true);
  });

  it('keeps native IPv6 rules away from IPv4 clients', () => {
    expect(compileWhitelist(['::/0']).matches('203.0.113.45')).toBe(false);
    expect(compileWhitelist(['::/0']).matches('::ffff:203.0.113.45')).toBe(false);
    expect(compileWhitelist(['::/0']).matches('2001:db8::1')).toBe(true);
    expect(compileWhitelist(['::/64']).matches('::ffff:1.2.3.4')).toBe(false);
    expect(compileWhitelist(['0.0.0.0/0']).matches('2001:db8::1')).toBe(false);
    expect(compileWhitelist(['0.0.0.0/0']).matches('::ffff:1.2.3.4')).toBe(true);
    // IPv4-compatible (::a.b.c.d) is not mapped: it is ordinary IPv6.
    expect(compileWhitelist(['1.2.3.4']).matches('::1.2.3.4')).toBe(false);
  });

  it('accepts zone ids and any IPv6 notation in client addresses', () => {
    expect(compileWhitelist(['fe80::/10']).matches('fe80::1%eth0')).toBe(true);
    expect(compileWhitelist(['2001:db8::1']).matches('2001:0DB8:0:0:0:0:0:1')).toBe(true);
    expect(compileWhitelist(['2001:db8::1']).matches('2001:db8::1%')).toBe(false);
    expect(compileWhitelist(['1.2.3.4']).matches('1.2.3.4%eth0')).toBe(false);
  });

  it('refuses addresses that are not IP addresses when the list is not empty', () => {
    const matcher = compileWhitelist(['0.0.0.0/0', '::/0']);
    for (const text of ['', 'localhost', '010.0.0.1', '1.2.3', '127.1', '1.2.3.4 ', ' 1.2.3.4', '::g', '1.2.3.4/32']) {
      expect(matcher.matches(text), text).toBe(false);
    }
  });

  it('merges overlapping and adjacent IPv4 ranges without changing the answer', () => {
    const matcher = compileWhitelist(['10.0.0.0/25', '10.0.0.128/25', '10.0.0.64/26', '10.0.2.0/24', '255.255.255.255', '0.0.0.0']);
    expect(matcher.matches('10.0.0.0')).toBe(true);
    expect(matcher.matches('10.0.0.255')).toBe(true);
    expect(matcher.matches('10.0.1.0')).toBe(false);
    expect(matcher.matches('10.0.2.77')).toBe(true);
    expect(matcher.matches('10.0.3.0')).toBe(false);
    expect(matcher.matches('255.255.255.255')).toBe(true);
    expect(matcher.matches('255.255.255.254')).toBe(false);
    expect(matcher.matches('0.0.0.0')).toBe(true);
    expect(matcher.matches('0.0.0.1')).toBe(false);
  });

  it('refuses to compile an invalid entry rather than guess', () => {
    expect(() => compileWhitelist(['10.0.0.1/8'])).toThrow(/Invalid whitelist entry "10.0.0.1\/8"/);
    expect(() => compileWhitelist(['bogus'])).toThrow();
  });

  it('accepts raw (non-canonical) but valid entries', () => {
    expect(compileWhitelist(['2001:DB8::/32', ' 10.0.0.0/8 ']).matches('10.9.9.9')).toBe(true);
  });
});

describe('normalizeClientAddress', () => {
  it('unmaps, strips zones and canonicalises', () => {
    expect(normalizeClientAddress('::ffff:203.0.113.45')).toBe('203.0.113.45');
    expect(normalizeClientAddress('::FFFF:CB00:712D')).toBe('203.0.113.45');
    expect(normalizeClientAddress('fe80::1%eth0')).toBe('fe80::1');
    expect(normalizeClientAddress('2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1');
    expect(normalizeClientAddress('127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeClientAddress('::1')).toBe('::1');
    expect(normalizeClientAddress('::')).toBe('::');
  });

  it('returns null for text that is not an IP address', () => {
    for (const text of ['', 'localhost', '1.2.3', '010.0.0.1', '::g', '1::2::3', '%eth0', 'fe80::1%', '1.2.3.4/32', ' 127.0.0.1']) {
      expect(normalizeClientAddress(text), text).toBeNull();
    }
  });
});

describe('wide ranges', () => {
  it('recognises entries that allow every address', () => {
    expect(entryAllowsEveryAddress('0.0.0.0/0')).toBe(true);
    expect(entryAllowsEveryAddress('::/0')).toBe(true);
    expect(entryAllowsEveryAddress('::ffff:0:0/96')).toBe(true);
    expect(entryAllowsEveryAddress('0.0.0.0/1')).toBe(false);
    expect(entryAllowsEveryAddress('0.0.0.0')).toBe(false);
    expect(entryAllowsEveryAddress('junk')).toBe(false);
    expect(allowsEveryAddress(['10.0.0.0/8', '::/0'])).toBe(true);
    expect(allowsEveryAddress(['10.0.0.0/8'])).toBe(false);
    expect(allowsEveryAddress([])).toBe(false);
  });

  it('treats IPv4 ranges wider than /8 as wide', () => {
    expect(isWideRange('0.0.0.0/0')).toBe(true);
    expect(isWideRange('0.0.0.0/7')).toBe(true);
    expect(isWideRange('10.0.0.0/8')).toBe(false);
    expect(isWideRange('10.0.0.0/9')).toBe(false);
    expect(isWideRange('::ffff:0:0/103')).toBe(true);
    expect(isWideRange('::ffff:a00:0/104')).toBe(false);
    expect(isWideRange('::/0')).toBe(true);
    expect(isWideRange('2000::/3')).toBe(false);
    expect(isWideRange('1.2.3.4')).toBe(false);
    expect(isWideRange('junk')).toBe(false);
  });
});

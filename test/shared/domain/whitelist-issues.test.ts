import { describe, expect, it } from 'vitest';
import {
  entryRange,
  parseWhitelistEntry,
  validateWhitelist,
  whitelistCapacityText,
  whitelistEntrySchema,
  whitelistSchema,
} from '../../../shared/domain';

// The exact shape of what the whitelist tells the admin (issue 20: these details survived
// mutation testing): which words, which suggestion, in which order, and no empty keys.

const NOT_AN_ADDRESS = (text: string) => `"${text}" is not an IP address or a CIDR range.`;

describe('whitelist refusals', () => {
  it('carry no suggestion key when there is nothing to suggest', () => {
    expect(parseWhitelistEntry('abc')).toStrictEqual({ ok: false, message: NOT_AN_ADDRESS('abc') });
    expect(validateWhitelist(['abc', '10.0.0.1/8']).errors).toStrictEqual([
      { index: 0, message: NOT_AN_ADDRESS('abc') },
      expect.objectContaining({ index: 1, suggestion: '10.0.0.0/8' }),
    ]);
  });

  it('call text an IPv4 attempt only when all of it is made of address characters', () => {
    expect(parseWhitelistEntry('g1.2.3.4')).toMatchObject({ message: NOT_AN_ADDRESS('g1.2.3.4') });
    expect(parseWhitelistEntry('1.2.3.4g')).toMatchObject({ message: NOT_AN_ADDRESS('1.2.3.4g') });
    expect(parseWhitelistEntry('1.2.3.4x')).toMatchObject({ message: expect.stringMatching(/is not a valid IPv4 address/) });
  });

  it('tell two IPv6 entries apart even when their words read alike run together', () => {
    // 0:1:0:17:: and 0:c:0:3:: are the words 1, 23 and 12, 3: "123" both, written without a separator.
    expect(validateWhitelist(['0:1:0:17::', '0:c:0:3::']).errors).toEqual([]);
  });

  it('are listed by index even past the entry limit', () => {
    const list = Array.from({ length: 103 }, (_, i) => `10.0.0.${i}`);
    list[0] = 'x';
    list[102] = 'y';
    expect(validateWhitelist(list).errors.map((error) => error.index)).toEqual([0, 100, 102]);
  });

  it('say how many entries are left from ten left on', () => {
    expect(whitelistCapacityText(90)).toBe('90 of 100 entries: 10 more can be added.');
  });
});

describe('the zod schemas of a whitelist', () => {
  it('give each issue the custom code, its index, and its suggestion only when there is one', () => {
    const result = whitelistSchema.safeParse(['10.0.0.1/8', 'x']);
    expect(result.error?.issues).toStrictEqual([
      expect.objectContaining({ code: 'custom', path: [0], params: { suggestion: '10.0.0.0/8' } }),
      expect.objectContaining({ code: 'custom', path: [1], message: NOT_AN_ADDRESS('x') }),
    ]);
    expect(result.error?.issues[1]).not.toHaveProperty('params');
    expect(whitelistEntrySchema.safeParse('x').error?.issues[0]).not.toHaveProperty('params');
  });
});

describe('entryRange', () => {
  it('names the space and prefix an entry covers, and nothing for text that is not one', () => {
    expect(entryRange('10.0.0.0/8')).toEqual({ space: 'v4', prefix: 8 });
    expect(entryRange('::ffff:10.0.0.0/104')).toEqual({ space: 'v4', prefix: 8 });
    expect(entryRange('2001:db8::1')).toEqual({ space: 'v6', prefix: 128 });
    expect(entryRange('x')).toBeNull();
  });
});

import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BASE62_ALPHABET,
  SECRET_PATTERN,
  SECRET_BODY_LENGTH,
  SECRET_CHECKSUM_LENGTH,
  SECRET_PREFIX,
  crc32,
  formatSecret,
  isWellFormedSecret,
  secretChecksum,
  secretHint,
} from '../../../shared/domain';

const body = 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF';
const base62Char = fc.constantFrom(...BASE62_ALPHABET);
const bodyArb = fc.array(base62Char, { minLength: 32, maxLength: 32 }).map((chars) => chars.join(''));

describe('crc32', () => {
  it('matches the standard check values', () => {
    expect(crc32('')).toBe(0);
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('The quick brown fox jumps over the lazy dog')).toBe(0x414fa339);
    expect(crc32('a')).toBe(0xe8b7be43);
  });

  it('hashes the UTF-8 encoding, as zlib does', () => {
    expect(crc32('é')).toBe(0x0e048d3e);
    expect(crc32('€')).toBe(0x83f2c8d6);
    expect(crc32('😀')).toBe(0x054db544);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 64 }), (text) => {
        expect(crc32(text)).toBe(zlibCrc32(Buffer.from(text, 'utf8')));
      }),
    );
  });
});

describe('secrets', () => {
  it('uses the base62 alphabet and a 42-character format', () => {
    expect(BASE62_ALPHABET).toHaveLength(62);
    expect(new Set(BASE62_ALPHABET).size).toBe(62);
    expect(SECRET_PREFIX).toBe('wfx_');
    expect(SECRET_PREFIX.length + SECRET_BODY_LENGTH + SECRET_CHECKSUM_LENGTH).toBe(42);
  });

  it('formats prefix + body + 6-character checksum', () => {
    const secret = formatSecret(body);
    expect(secret).toHaveLength(42);
    expect(secret.startsWith(`wfx_${body}`)).toBe(true);
    expect(secret.slice(36)).toBe(secretChecksum(body));
    expect(isWellFormedSecret(secret)).toBe(true);
  });

  it('encodes the checksum as zero-padded base62 of the CRC32', () => {
    fc.assert(
      fc.property(bodyArb, (b) => {
        const checksum = secretChecksum(b);
        expect(checksum).toMatch(/^[0-9A-Za-z]{6}$/);
        let value = 0;
        for (const char of checksum) value = value * 62 + BASE62_ALPHABET.indexOf(char);
        expect(value).toBe(crc32(b));
      }),
    );
  });

  it('refuses bodies that are not 32 base62 characters', () => {
    expect(() => formatSecret('short')).toThrow();
    expect(() => formatSecret(`${body.slice(0, 31)}_`)).toThrow();
    expect(() => formatSecret(`${body}A`)).toThrow();
  });

  it('accepts every formatted secret', () => {
    fc.assert(
      fc.property(bodyArb, (b) => {
        expect(isWellFormedSecret(formatSecret(b))).toBe(true);
      }),
    );
  });

  it('refuses a secret with any single character changed', () => {
    fc.assert(
      fc.property(bodyArb, fc.nat({ max: 41 }), base62Char, (b, position, replacement) => {
        const secret = formatSecret(b);
        fc.pre(secret[position] !== replacement);
        const altered = secret.slice(0, position) + replacement + secret.slice(position + 1);
        expect(isWellFormedSecret(altered)).toBe(false);
      }),
    );
  });

  it('refuses an exhaustive set of single substitutions in one secret', () => {
    const secret = formatSecret(body);
    for (let position = 4; position < secret.length; position++) {
      for (const replacement of BASE62_ALPHABET) {
        if (replacement === secret[position]) continue;
        expect(isWellFormedSecret(secret.slice(0, position) + replacement + secret.slice(position + 1))).toBe(false);
      }
    }
  });

  it('refuses wrong prefix, length, alphabet or surrounding text', () => {
    const secret = formatSecret(body);
    expect(isWellFormedSecret(`wfy_${secret.slice(4)}`)).toBe(false);
    expect(isWellFormedSecret(`WFX_${secret.slice(4)}`)).toBe(false);
    expect(isWellFormedSecret(secret.slice(0, 41))).toBe(false);
    expect(isWellFormedSecret(`${secret}0`)).toBe(false);
    expect(isWellFormedSecret(` ${secret}`)).toBe(false);
    expect(isWellFormedSecret(`${secret}\n`)).toBe(false);
    expect(isWellFormedSecret(secret.replace(body[0] as string, '-'))).toBe(false);
    expect(isWellFormedSecret('')).toBe(false);
  });

  it('shows a hint of prefix and the first four body characters', () => {
    expect(secretHint(formatSecret(body))).toBe('wfx_aB3d');
  });

  it('recognises secrets in free text, for redaction', () => {
    const secret = formatSecret(body);
    const other = formatSecret('Z'.repeat(32));
    const text = `export TOKEN=${secret}\nAuthorization: ${other}; fake wfx_${'a'.repeat(38)}`;
    expect([...text.matchAll(new RegExp(SECRET_PATTERN.source, 'g'))].map((m) => m[0])).toEqual([secret, other, `wfx_${'a'.repeat(38)}`]);
    expect(SECRET_PATTERN.test('wfx_tooShort')).toBe(false);
    expect(SECRET_PATTERN.test(`xwfx_${'a'.repeat(38)}`)).toBe(false);
    expect(SECRET_PATTERN.test(`wfx_${'a'.repeat(39)}`)).toBe(false);
    expect(SECRET_PATTERN.test(secret)).toBe(true);
    expect(SECRET_PATTERN.global).toBe(false);
  });
});

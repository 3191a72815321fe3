import { describe, expect, it } from 'vitest';
import {
  FAMILY_INVALID,
  FAMILY_V4,
  FAMILY_V6,
  formatIPv4,
  isMappedWords,
  parseClientAddressInto,
  parseIPv4,
  parseIPv6Range,
} from '../../../shared/domain';

const words = () => new Uint32Array(4);

describe('fast address parsing', () => {
  it('parses strict IPv4 to an unsigned number', () => {
    expect(parseIPv4('0.0.0.0')).toBe(0);
    expect(parseIPv4('255.255.255.255')).toBe(0xffffffff);
    expect(parseIPv4('203.0.113.45')).toBe(0xcb00712d);
    for (const text of ['', '1.2.3', '1.2.3.4.', '01.2.3.4', '1.2.3.256', '1.2.3.4 ', '1.2.3.-4', '1.2.3.1000', '1..3.4']) {
      expect(parseIPv4(text), text).toBe(-1);
    }
  });

  it('formats IPv4', () => {
    expect(formatIPv4(0xcb00712d)).toBe('203.0.113.45');
    expect(formatIPv4(0)).toBe('0.0.0.0');
    expect(formatIPv4(0xffffffff)).toBe('255.255.255.255');
  });

  it('parses IPv6 into four words', () => {
    const out = words();
    expect(parseIPv6Range('2001:db8::ff00:42:8329', 0, 22, out)).toBe(true);
    expect([...out]).toEqual([0x20010db8, 0, 0x0000ff00, 0x00428329]);
    expect(parseIPv6Range('::', 0, 2, out)).toBe(true);
    expect([...out]).toEqual([0, 0, 0, 0]);
    expect(parseIPv6Range('1::', 0, 3, out)).toBe(true);
    expect([...out]).toEqual([0x00010000, 0, 0, 0]);
    expect(parseIPv6Range('::ffff:1.2.3.4', 0, 14, out)).toBe(true);
    expect([...out]).toEqual([0, 0, 0xffff, 0x01020304]);
    expect(isMappedWords(out)).toBe(true);
    expect(parseIPv6Range('1:2:3:4:5:6:1.2.3.4', 0, 19, out)).toBe(true);
    expect([...out]).toEqual([0x00010002, 0x00030004, 0x00050006, 0x01020304]);
  });

  it('refuses malformed IPv6', () => {
    for (const text of [':', ':::', '1:', ':1', '1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '12345::', 'g::', '1::2:3:4:5:6:7:8', '::1.2.3.4:5', '1:2:3:4:5:6:7:1.2.3.4', '::1.2.3.04']) {
      expect(parseIPv6Range(text, 0, text.length, words()), text).toBe(false);
    }
  });

  it('classifies client addresses, unmapping and dropping zones', () => {
    const out = words();
    expect(parseClientAddressInto('10.0.0.1', out)).toBe(FAMILY_V4);
    expect(out[3]).toBe(0x0a000001);
    expect(parseClientAddressInto('::ffff:10.0.0.1', out)).toBe(FAMILY_V4);
    expect(out[3]).toBe(0x0a000001);
    expect(parseClientAddressInto('fe80::1%en0', out)).toBe(FAMILY_V6);
    expect([...out]).toEqual([0xfe800000, 0, 0, 1]);
    expect(parseClientAddressInto('fe80::1%', out)).toBe(FAMILY_INVALID);
    expect(parseClientAddressInto('10.0.0.1%en0', out)).toBe(FAMILY_INVALID);
    expect(parseClientAddressInto('nonsense', out)).toBe(FAMILY_INVALID);
  });
});

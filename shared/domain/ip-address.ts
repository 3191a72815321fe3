// Hand-written address parsing for the hot path: one client address is parsed per request and
// compared with up to 100 whitelist entries, so it must not allocate or run regexes.
// Addresses are held as four unsigned 32-bit words (IPv6) or one (IPv4).

export const FAMILY_INVALID = 0;
export const FAMILY_V4 = 4;
export const FAMILY_V6 = 6;
export type ParsedFamily = typeof FAMILY_INVALID | typeof FAMILY_V4 | typeof FAMILY_V6;

const groups = new Uint16Array(8);
const tail = new Uint16Array(8);

function hexValue(code: number): number {
  // Stryker disable next-line ConditionalExpression: characters below '0' give a negative value, refused as non-hex all the same
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return -1;
}

/**
 * Strict dotted-decimal IPv4 in text[start, end): four decimal numbers 0–255 without leading
 * zeros. Returns the address as an unsigned 32-bit number, or -1.
 */
export function parseIPv4Range(text: string, start: number, end: number): number {
  let value = 0;
  let octets = 0;
  let i = start;
  while (octets < 4) {
    let octet = 0;
    let digits = 0;
    const first = i;
    while (i < end) {
      const code = text.charCodeAt(i);
      if (code < 48 || code > 57) break;
      octet = octet * 10 + (code - 48);
      digits++;
      i++;
      // Stryker disable next-line ConditionalExpression: an early exit; four digits are above 255 or start with a zero, refused below
      if (digits > 3) return -1;
    }
    if (digits === 0 || octet > 255) return -1;
    if (digits > 1 && text.charCodeAt(first) === 48) return -1;
    value = value * 256 + octet;
    octets++;
    if (octets < 4) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: every caller's end is the text's end or a '%', so the character there is never a '.'
      if (i >= end || text.charCodeAt(i) !== 46) return -1;
      i++;
    }
  }
  return i === end ? value : -1;
}

export function parseIPv4(text: string): number {
  return parseIPv4Range(text, 0, text.length);
}

/**
 * IPv6 in any RFC 4291 text form (groups of 1–4 hex digits, one "::", an optional trailing
 * strict dotted IPv4) in text[start, end). Writes four words into `out`; returns success.
 */
export function parseIPv6Range(text: string, start: number, end: number, out: Uint32Array): boolean {
  let head = 0;
  let tailCount = 0;
  let compressed = false;
  let i = start;
  // Stryker disable next-line ConditionalExpression,ArithmeticOperator: every caller's end is the text's end or a '%', so the character there is never a ':'
  if (end - start >= 2 && text.charCodeAt(i) === 58 && text.charCodeAt(i + 1) === 58) {
    compressed = true;
    i += 2;
  }
  while (i < end) {
    let value = 0;
    let digits = 0;
    let j = i;
    // Stryker disable next-line EqualityOperator: every caller's end is the text's end or a '%', so the character there is never a hex digit
    while (j < end) {
      const h = hexValue(text.charCodeAt(j));
      if (h < 0) break;
      value = value * 16 + h;
      digits++;
      j++;
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: every caller's end is the text's end or a '%', so the character there is never a '.'
    if (j < end && text.charCodeAt(j) === 46) {
      const v4 = parseIPv4Range(text, i, end);
      if (v4 < 0) return false;
      // Stryker disable next-line ConditionalExpression,ArithmeticOperator: an early exit; the total check at the end refuses more than eight groups, and typed arrays drop writes past their end
      if (head + tailCount > 6) return false;
      const hi = Math.floor(v4 / 65536);
      const lo = v4 % 65536;
      // Stryker disable next-line ConditionalExpression: without "::" the tail is copied to the same last two groups
      if (compressed) {
        tail[tailCount++] = hi;
        tail[tailCount++] = lo;
      } else {
        groups[head++] = hi;
        groups[head++] = lo;
      }
      i = end;
      break;
    }
    if (digits === 0 || digits > 4) return false;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: an early exit; the total check at the end refuses a ninth group
    if (head + tailCount >= 8) return false;
    if (compressed) tail[tailCount++] = value;
    else groups[head++] = value;
    if (j === end) {
      i = j;
      break;
    }
    if (text.charCodeAt(j) !== 58) return false;
    j++;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: every caller's end is the text's end or a '%', so the character there is never a ':'
    if (j < end && text.charCodeAt(j) === 58) {
      if (compressed) return false;
      compressed = true;
      j++;
    } else if (j === end) {
      return false;
    }
    i = j;
  }
  const total = head + tailCount;
  if (compressed ? total > 7 : total !== 8) return false;
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: extra zeros land where the tail is copied next, or past the end where typed arrays drop them
  for (let k = head; k < 8 - tailCount; k++) groups[k] = 0;
  // Stryker disable next-line EqualityOperator: one more copy lands past the end, where typed arrays drop it
  for (let k = 0; k < tailCount; k++) groups[8 - tailCount + k] = tail[k] as number;
  // Stryker disable next-line EqualityOperator: a fifth word lands past the end of `out`, where typed arrays drop it
  for (let w = 0; w < 4; w++) {
    out[w] = ((groups[2 * w] as number) * 65536 + (groups[2 * w + 1] as number)) >>> 0;
  }
  return true;
}

export function isMappedWords(words: Uint32Array): boolean {
  return words[0] === 0 && words[1] === 0 && words[2] === 0xffff;
}

function isZoneCode(code: number): boolean {
  // Interface names ("eth0", "br-lan", "eth0.100", "wlp2s0") and numeric indexes.
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 45 ||
    code === 46 ||
    code === 95
  );
}

/**
 * Parses a client address as a socket reports it: IPv4, or IPv6 with an optional zone id
 * ("fe80::1%eth0": letters, digits, "-", "." or "_"; dropped). An IPv4-mapped IPv6 address is
 * unmapped: the result is FAMILY_V4 with the IPv4 address in out[3]. IPv6 results fill
 * out[0..3].
 */
export function parseClientAddressInto(text: string, out: Uint32Array): ParsedFamily {
  // `out` is usually a buffer shared by every request: wipe the previous client's address first,
  // so no parsing path can ever report success over it.
  out.fill(0);
  let end = text.length;
  let colon = false;
  // Stryker disable next-line EqualityOperator: the character past the end reads as NaN, neither ':' nor '%'
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 58) colon = true;
    else if (code === 37) {
      if (!colon || i === end - 1) return FAMILY_INVALID;
      for (let z = i + 1; z < end; z++) if (!isZoneCode(text.charCodeAt(z))) return FAMILY_INVALID;
      end = i;
      break;
    }
  }
  if (!colon) {
    const v4 = parseIPv4Range(text, 0, end);
    if (v4 < 0) return FAMILY_INVALID;
    out[2] = 0xffff;
    out[3] = v4;
    return FAMILY_V4;
  }
  if (!parseIPv6Range(text, 0, end, out)) return FAMILY_INVALID;
  return isMappedWords(out) ? FAMILY_V4 : FAMILY_V6;
}

export function formatIPv4(value: number): string {
  const v = value >>> 0;
  return `${v >>> 24}.${(v >>> 16) & 0xff}.${(v >>> 8) & 0xff}.${v & 0xff}`;
}

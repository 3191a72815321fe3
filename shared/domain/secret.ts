// Token secrets: "wfx_" + 32 base62 characters of randomness + 6 base62 characters holding the
// CRC32 of those 32. The prefix lets secret scanners find leaked tokens; the checksum lets a
// look-alike be refused offline, before any lookup. Randomness comes from the server.

export const SECRET_PREFIX = 'wfx_';
export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const SECRET_BODY_LENGTH = 32;
export const SECRET_CHECKSUM_LENGTH = 6;

/** Finds candidate secrets in free text (not anchored, not global: copy with flags as needed). */
export const SECRET_PATTERN = /(?<![0-9A-Za-z_])wfx_[0-9A-Za-z]{38}(?![0-9A-Za-z])/;
const EXACT = /^wfx_[0-9A-Za-z]{38}$/;
const BODY = /^[0-9A-Za-z]{32}$/;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, as zlib) of the UTF-8 encoding of `text`. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  const feed = (byte: number): void => {
    crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  };
  for (const char of text) {
    const cp = char.codePointAt(0) as number;
    if (cp < 0x80) feed(cp);
    else if (cp < 0x800) {
      feed(0xc0 | (cp >> 6));
      feed(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      feed(0xe0 | (cp >> 12));
      feed(0x80 | ((cp >> 6) & 0x3f));
      feed(0x80 | (cp & 0x3f));
    } else {
      feed(0xf0 | (cp >> 18));
      feed(0x80 | ((cp >> 12) & 0x3f));
      feed(0x80 | ((cp >> 6) & 0x3f));
      feed(0x80 | (cp & 0x3f));
    }
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** The CRC32 of the body in base62, zero-padded to 6 characters (62^6 > 2^32). */
export function secretChecksum(body32: string): string {
  let value = crc32(body32);
  let out = '';
  for (let i = 0; i < SECRET_CHECKSUM_LENGTH; i++) {
    out = BASE62_ALPHABET[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

export function formatSecret(body32: string): string {
  if (!BODY.test(body32)) throw new Error('A secret body is 32 base62 characters.');
  return SECRET_PREFIX + body32 + secretChecksum(body32);
}

/** Prefix, length, alphabet and checksum: true for every secret formatSecret can produce. */
export function isWellFormedSecret(secret: string): boolean {
  if (!EXACT.test(secret)) return false;
  const body = secret.slice(SECRET_PREFIX.length, SECRET_PREFIX.length + SECRET_BODY_LENGTH);
  return secret.slice(SECRET_PREFIX.length + SECRET_BODY_LENGTH) === secretChecksum(body);
}

/** The part of a secret that may be shown again later to recognise it: prefix + 4 characters. */
export function secretHint(secret: string): string {
  return SECRET_PREFIX + secret.slice(SECRET_PREFIX.length, SECRET_PREFIX.length + 4);
}

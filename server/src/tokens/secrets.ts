import { hash, randomBytes } from 'node:crypto';
import { BASE62_ALPHABET, SECRET_BODY_LENGTH, formatSecret } from '../../../shared/domain';

// 62 * 4 = 248: bytes at or above it are rejected, so every base62 digit is equally likely.
const ACCEPT_BELOW = 248;
// Random bytes drawn at a time: a 32-character body almost always needs one draw.
const DRAW_BYTES = 64;

/** The base62 digits the bytes stand for, at most `length` of them; bytes from 248 up are skipped. */
export function base62FromBytes(bytes: Uint8Array, length: number): string {
  let out = '';
  for (const byte of bytes) {
    if (out.length === length) break;
    if (byte >= ACCEPT_BELOW) continue;
    out += BASE62_ALPHABET[byte % 62];
  }
  return out;
}

export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) out += base62FromBytes(randomBytes(DRAW_BYTES), length - out.length);
  return out;
}

/** A new public-API secret: wfx_ + 32 random base62 characters (~190 bits) + checksum. */
export function generateSecret(): string {
  return formatSecret(randomBase62(SECRET_BODY_LENGTH));
}

// One-shot hashing: the public API hashes every presented secret, and a Hash object per call
// cost measurably more on that path (npm run bench, figure 1).
export function sha256(value: string): Buffer {
  return hash('sha256', value, 'buffer');
}

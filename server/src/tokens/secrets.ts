import { hash, randomBytes } from 'node:crypto';
import { BASE62_ALPHABET, SECRET_BODY_LENGTH, formatSecret } from '../../../shared/domain';

// 62 * 4 = 248: bytes at or above it are rejected, so every base62 digit is equally likely.
const ACCEPT_BELOW = 248;

export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte >= ACCEPT_BELOW) continue;
      out += BASE62_ALPHABET[byte % 62];
      if (out.length === length) break;
    }
  }
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

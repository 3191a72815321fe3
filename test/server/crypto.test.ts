import { describe, expect, it } from 'vitest';
import { BASE62_ALPHABET, isWellFormedSecret } from '../../shared/domain';
import { DEFAULT_SCRYPT_COST, hashPassword, verifyPassword } from '../../server/src/auth/passwords';
import { base62FromBytes, generateSecret, randomBase62, sha256 } from '../../server/src/tokens/secrets';
import { TEST_SCRYPT } from './harness';

describe('token secrets', () => {
  it('are well formed, 42 characters, and never repeat', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const secret = generateSecret();
      expect(secret).toHaveLength(42);
      expect(isWellFormedSecret(secret)).toBe(true);
      seen.add(secret);
    }
    expect(seen.size).toBe(200);
  });

  it('draw every base62 character about equally often', () => {
    const counts = new Map<string, number>();
    for (const char of randomBase62(62 * 2000)) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect([...counts.keys()].sort().join('')).toBe([...BASE62_ALPHABET].sort().join(''));
    // Expected 2000 each; a modulo bias would push the first 8 characters ~25% higher.
    for (const count of counts.values()) {
      expect(count).toBeGreaterThan(1700);
      expect(count).toBeLessThan(2300);
    }
  });

  it('map each byte below 248 to one base62 digit and skip the rest, stopping at the length asked', () => {
    const bytes = Uint8Array.from([0, 9, 10, 61, 62, 123, 124, 185, 186, 247, 248, 249, 255, 1]);
    // 62 → 0, 123 → 61, 124 → 0, 185 → 61, 186 → 0, 247 → 61; 248, 249 and 255 would bias the first digits.
    expect(base62FromBytes(bytes, 100)).toBe('09Az0z0z0z1');
    expect(base62FromBytes(bytes, 4)).toBe('09Az');
    expect(base62FromBytes(bytes, 0)).toBe('');
    expect(base62FromBytes(Uint8Array.from([248, 255, 250]), 3)).toBe('');
    for (const length of [1, 20, 32, 63, 64, 65, 200]) expect(randomBase62(length)).toMatch(new RegExp(`^[0-9A-Za-z]{${length}}$`));
  });

  it('are stored as SHA-256 digests', () => {
    const digest = sha256('abc');
    expect(Buffer.isBuffer(digest)).toBe(true);
    expect(digest.toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('passwords', () => {
  it('are hashed with scrypt and a random salt, and verified', async () => {
    const a = await hashPassword('Correct-H0rse!', TEST_SCRYPT);
    const b = await hashPassword('Correct-H0rse!', TEST_SCRYPT);
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(a).not.toContain('Correct-H0rse!');
    expect(await verifyPassword('Correct-H0rse!', a)).toBe(true);
    expect(await verifyPassword('correct-h0rse!', a)).toBe(false);
    expect(await verifyPassword('Correct-H0rse!', 'garbage')).toBe(false);
  });

  it('default to a strong cost', () => {
    expect(DEFAULT_SCRYPT_COST.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(DEFAULT_SCRYPT_COST.r).toBeGreaterThanOrEqual(8);
  });
});

import { randomBytes } from 'node:crypto';
import { serializeSnapshot } from '../../support/snapshot-text';
import { describe, expect, it } from 'vitest';
import { BASE62_ALPHABET, formatSecret, isWellFormedSecret } from '../../../shared/domain/secret';
import { csvChunks } from '../../../shared/inventory/csv';
import { buildSnapshot } from '../../../shared/inventory/snapshot';
import { makeParts, makeToken, sha256Hex } from './fixtures';

// The whole file at once, as the export writes it chunk by chunk.
const inventoryToCsv = (snapshot: Parameters<typeof csvChunks>[0], now: Date): string => [...csvChunks(snapshot, now, Number.MAX_SAFE_INTEGER)].join('');

const SECRET_SHAPE = /wfx_[0-9A-Za-z]{38}/g;

const newSecret = (): string => {
  const body = [...randomBytes(32)].map((byte) => BASE62_ALPHABET[byte % 62]).join('');
  return formatSecret(body);
};

describe('a snapshot never holds a secret', () => {
  it('drops secrets and hashes that ride along with the token list', async () => {
    const secrets = Array.from({ length: 20 }, newSecret);
    expect(secrets.every(isWellFormedSecret)).toBe(true);
    // As if a create response ({ token, secret }) or a server row had leaked into the list.
    const leaky = secrets.map((secret, i) => ({
      ...makeToken(i + 1, { secretHint: secret.slice(0, 8) }),
      secret,
      secretHash: sha256Hex(secret),
      token: { secret },
    }));
    const snapshot = await buildSnapshot({ ...makeParts(leaky), ...{ secret: secrets[0] } }, sha256Hex);
    const text = serializeSnapshot(snapshot);
    const csv = inventoryToCsv(snapshot, new Date('2026-03-10T12:00:00Z'));

    expect(text.match(SECRET_SHAPE)).toBeNull();
    expect(csv.match(SECRET_SHAPE)).toBeNull();
    for (const secret of secrets) {
      expect(text).not.toContain(secret.slice(4));
      expect(text).not.toContain(sha256Hex(secret));
    }
    expect(snapshot.tokens[0]).not.toHaveProperty('secret');
    expect(snapshot.tokens[0]).not.toHaveProperty('secretHash');
    expect(snapshot).not.toHaveProperty('secret');
    // The hint (prefix + 4 characters) is the one part of a secret the API shows again.
    expect(snapshot.tokens[0]?.secretHint).toBe(secrets[0]?.slice(0, 8));
  });
});

import { describe, expect, it } from 'vitest';
import type { InventorySignature } from '../../../shared/api/signing';
import { formatFingerprint, signedMessage } from '../../../shared/inventory/signature';
import { buildSnapshot, parseSnapshotText, snapshotJsonChunks } from '../../../shared/inventory/snapshot';
import { makeParts, makeToken, sha256Hex } from './fixtures';

const SIGNATURE: InventorySignature = {
  algorithm: 'Ed25519',
  keyId: '3f2a9c1b00112233',
  server: 'Acme Bank',
  signedAt: '2026-02-10T08:05:00.000Z',
  signedFor: { id: 7, name: 'Ada Admin' },
  value: `${'A'.repeat(86)}==`,
};
const DIGEST = 'a'.repeat(64);

describe('the signed message', () => {
  it('is spelled once, domain-separated, for the server that signs and the console that checks', () => {
    expect(signedMessage(DIGEST, SIGNATURE)).toBe(
      'wifox-inventory-v1\n' +
        `{"digest":"${DIGEST}","digestAlgorithm":"SHA-256","keyId":"3f2a9c1b00112233","server":"Acme Bank",` +
        '"signedAt":"2026-02-10T08:05:00.000Z","signedFor":{"id":7,"name":"Ada Admin"}}',
    );
  });

  it('changes with every bound field, and ignores anything else a file adds', () => {
    const base = signedMessage(DIGEST, SIGNATURE);
    expect(signedMessage('b'.repeat(64), SIGNATURE)).not.toBe(base);
    for (const change of [{ keyId: '0000000000000000' }, { server: 'Acme Bank ' }, { signedAt: '2026-02-10T08:05:00.001Z' }, { signedFor: { id: 8, name: 'Ada Admin' } }]) {
      expect(signedMessage(DIGEST, { ...SIGNATURE, ...change })).not.toBe(base);
    }
    const padded = { ...SIGNATURE, signedFor: { ...SIGNATURE.signedFor, email: 'x@y' }, extra: 1 } as InventorySignature;
    expect(signedMessage(DIGEST, padded)).toBe(base);
  });

  it('groups a fingerprint in fours, upper case', () => {
    expect(formatFingerprint('3f2a9c1b0011')).toBe('3F2A 9C1B 0011');
  });
});

describe('a signature in a snapshot file', () => {
  it('is written after the digest and is outside the content the digest covers', async () => {
    const snapshot = await buildSnapshot(makeParts([makeToken(1), makeToken(2)]), sha256Hex);
    const text = [...snapshotJsonChunks({ ...snapshot, signature: SIGNATURE }, 1)].join('');
    expect(text.indexOf('"signature"')).toBeGreaterThan(text.indexOf('"digest"'));
    const parsed = await parseSnapshotText(text, sha256Hex);
    expect(parsed.ok && parsed.snapshot.signature).toEqual(SIGNATURE);
    expect(parsed.ok && parsed.snapshot.digest).toEqual(snapshot.digest);
  });
});

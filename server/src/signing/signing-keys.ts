import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { SigningKeyRow } from '../repositories/signing-keys';

// The DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it.
const SPKI_PREFIX_LENGTH = 12;

/** SHA-256 of the raw public key, hex: the fingerprint administrators compare. */
export function fingerprintOf(rawPublicKeyBase64: string): string {
  return createHash('sha256').update(Buffer.from(rawPublicKeyBase64, 'base64')).digest('hex');
}

export function keyIdOf(rawPublicKeyBase64: string): string {
  return fingerprintOf(rawPublicKeyBase64).slice(0, 16);
}

export function newSigningKey(createdAt: Date): SigningKeyRow {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX_LENGTH).toString('base64');
  return {
    keyId: keyIdOf(raw),
    publicKey: raw,
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    createdAt: createdAt.toISOString(),
    retiredAt: null,
  };
}

export function privateKeyObject(row: SigningKeyRow): KeyObject {
  return createPrivateKey({ key: Buffer.from(row.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
}

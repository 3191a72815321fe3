import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';

// The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw 32-byte key follows it.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function rawKeyBytes(base64: string): Buffer | null {
  const bytes = Buffer.from(base64, 'base64');
  return bytes.length === 32 ? bytes : null;
}

/** SHA-256 of the raw public key, hex. Recomputed here: the server's own claim is not trusted. */
export function fingerprintHex(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex');
}

export function publicKeyObject(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function verifiesEd25519(key: KeyObject, message: string, signatureBase64: string): boolean {
  const signature = Buffer.from(signatureBase64, 'base64');
  if (signature.length !== 64) return false;
  try {
    return verify(null, Buffer.from(message, 'utf8'), key, signature);
  } catch {
    return false;
  }
}

import { z } from 'zod';
import { instantSchema, personRefSchema } from './common';

/*
 * Signed inventories: the server's Ed25519 keys (public halves only) and the signature it puts
 * on an inventory's digest. The private key never leaves the server; nothing here can hold it.
 */

export const SIGNATURE_ALGORITHM = 'Ed25519';

// A key is named by the first 16 hex digits of its fingerprint (SHA-256 of the raw public key),
// so a key id cannot be claimed by another key without a SHA-256 collision on 64 bits and the
// full fingerprint is checked anyway.
export const signingKeyIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'A signing key id is 16 lower-case hexadecimal characters.');

// Raw 32-byte Ed25519 public key, standard base64 (RFC 4648 §4).
export const ed25519PublicKeySchema = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'An Ed25519 public key is 32 bytes in base64.');
// Raw 64-byte Ed25519 signature, standard base64.
export const ed25519SignatureValueSchema = z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'An Ed25519 signature is 64 bytes in base64.');

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 digest is 64 lower-case hexadecimal characters.');

export const signingKeySchema = z.object({
  keyId: signingKeyIdSchema,
  algorithm: z.literal(SIGNATURE_ALGORITHM),
  publicKey: ed25519PublicKeySchema,
  // SHA-256 of the raw public key, hex: what an administrator compares (consoles recompute it).
  fingerprint: sha256HexSchema,
  createdAt: instantSchema,
  // When a rotation replaced it; retired keys stay published so older inventories still verify.
  retiredAt: instantSchema.nullable(),
});
export type SigningKey = z.infer<typeof signingKeySchema>;

export const signingKeysResponseSchema = z.object({
  // The organisation's name: what signatures say they were signed by.
  server: z.string(),
  currentKeyId: signingKeyIdSchema,
  keys: z.array(signingKeySchema),
});
export type SigningKeysResponse = z.infer<typeof signingKeysResponseSchema>;

export const inventorySignRequestSchema = z.object({
  // SHA-256 (hex) of the inventory's canonical content, as in the snapshot's `digest.value`.
  digest: sha256HexSchema,
}).strict();
export type InventorySignRequest = z.infer<typeof inventorySignRequestSchema>;

export const inventorySignatureSchema = z.object({
  algorithm: z.literal(SIGNATURE_ALGORITHM),
  keyId: signingKeyIdSchema,
  server: z.string().max(200),
  signedAt: instantSchema,
  // The signed-in employee who asked for the signature.
  signedFor: personRefSchema,
  value: ed25519SignatureValueSchema,
});
export type InventorySignature = z.infer<typeof inventorySignatureSchema>;

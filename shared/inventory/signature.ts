import { z } from 'zod';
import { inventorySignatureSchema, type InventorySignature } from '../api/signing';
import { canonicalJson } from './canonical-json';

/*
 * What an inventory signature binds, spelled once for the server that signs and the console
 * that verifies. The message is domain-separated (it can never be mistaken for anything else
 * the key might sign) and names the digest of the inventory's canonical content together with
 * the server's name, the key, the time and the employee it was signed for: a signature cannot
 * be moved to other content, another server name or another date without failing.
 */
export const SIGNATURE_CONTEXT = 'wifox-inventory-v1';

export type SignedFields = Omit<InventorySignature, 'algorithm' | 'value'>;

export function signedMessage(digest: string, fields: SignedFields): string {
  const bound = {
    digestAlgorithm: 'SHA-256',
    digest,
    keyId: fields.keyId,
    server: fields.server,
    signedAt: fields.signedAt,
    signedFor: { id: fields.signedFor.id, name: fields.signedFor.name },
  };
  return `${SIGNATURE_CONTEXT}\n${canonicalJson(bound)}`;
}

/** "3F2A 9C1B …": the fingerprint as people compare it, upper-case hex in groups of four. */
export function formatFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}

export const signatureStateSchema = z.discriminatedUnion('state', [
  // The digest matches and a recorded key of a profile verifies the signature.
  z.object({ state: z.literal('signed'), signature: inventorySignatureSchema, profileName: z.string(), fingerprint: z.string() }),
  // No signature block: only the digest (a corruption check) vouches for the file.
  z.object({ state: z.literal('unsigned') }),
  // A signature by a key no profile of this console has recorded (or not accepted yet).
  z.object({ state: z.literal('foreign'), signature: inventorySignatureSchema, fingerprint: z.string().nullable() }),
]);
export type SignatureState = z.infer<typeof signatureStateSchema>;

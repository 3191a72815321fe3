import { z } from 'zod';
import { instantSchema } from './common';
import { identificationTokenSchema } from './tokens';

// Leaked-secret response. The console sends only SHA-256 hashes of the secrets it found
// (lowercase hex); the public revocation endpoint takes the secrets themselves, since holding
// one is proof enough to kill it.
export const MAX_LEAK_ITEMS = 100;

export const secretHashSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'A SHA-256 hash in lowercase hexadecimal (64 characters).')
  .meta({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' });

export const leakLookupRequestSchema = z.strictObject({
  hashes: z.array(secretHashSchema).min(1).max(MAX_LEAK_ITEMS),
});
export type LeakLookupRequest = z.input<typeof leakLookupRequestSchema>;

export const LEAK_STATUSES = ['current', 'previous', 'revoked', 'unknown'] as const;
export const leakStatusSchema = z.enum(LEAK_STATUSES);
export type LeakStatus = z.infer<typeof leakStatusSchema>;

// current: the token's secret; previous: a rotated-out secret still in its overlap;
// revoked: the token was deleted or the secret rotated out; unknown: no token the caller sees.
export const leakLookupItemSchema = z.object({
  hash: secretHashSchema,
  status: leakStatusSchema,
  token: identificationTokenSchema.optional(),
  // revoked: what the secret belonged to and when it stopped working.
  tokenName: z.string().optional(),
  hint: z.string().optional(),
  revokedAt: instantSchema.optional(),
  revokedBecause: z.enum(['deleted', 'rotated']).optional(),
});
export type LeakLookupItem = z.infer<typeof leakLookupItemSchema>;

export const leakLookupResponseSchema = z.object({
  items: z.array(leakLookupItemSchema),
});
export type LeakLookupResponse = z.infer<typeof leakLookupResponseSchema>;

export const publicRevokeRequestSchema = z.strictObject({
  secrets: z.array(z.string().max(200)).min(1).max(MAX_LEAK_ITEMS).meta({ description: 'Secrets found leaked (wfx_...).' }),
});
export type PublicRevokeRequest = z.input<typeof publicRevokeRequestSchema>;

export const publicRevokeResponseSchema = z.object({
  // Only a count: the caller learns nothing about which secrets were live.
  revoked: z.number().int().nonnegative(),
});
export type PublicRevokeResponse = z.infer<typeof publicRevokeResponseSchema>;

/*
 * IPC channels for the server signing keys a profile recorded (signed inventories), spread
 * into `ipcContract` (./contract.ts). Public keys only: nothing here is a secret.
 */
import { z } from 'zod';
import { instantSchema } from '../api/common';
import { signingKeyIdSchema } from '../api/signing';
import type { ChannelDefinition } from './contract';
import type { ErrorCode } from './errors';
import { profileIdSchema } from './schemas';

const channel = <A extends z.ZodType, R extends z.ZodType, const E extends readonly ErrorCode[]>(
  definition: ChannelDefinition<A, R, E>,
): ChannelDefinition<A, R, E> => definition;

export const recordedKeySchema = z.object({
  keyId: signingKeyIdSchema,
  // SHA-256 of the raw public key as people compare it: "3F2A 9C1B …" (recomputed by main).
  fingerprint: z.string(),
  createdAt: instantSchema,
  retiredAt: instantSchema.nullable(),
  // When this console first saw the key.
  recordedAt: instantSchema,
  // Recorded when the profile first connected, or accepted by the admin since: files it signed
  // verify. A key the server announced later is not trusted until accepted.
  trusted: z.boolean(),
});
export type RecordedKey = z.infer<typeof recordedKeySchema>;

export const profileSigningKeysSchema = z.object({
  // The name the server signs with.
  server: z.string(),
  keys: z.array(recordedKeySchema),
});
export type ProfileSigningKeys = z.infer<typeof profileSigningKeysSchema>;

export const signingIpcContract = {
  // null until the profile has connected once.
  'profiles.signingKeys': channel({
    arg: z.object({ profileId: profileIdSchema }),
    result: profileSigningKeysSchema.nullable(),
    errors: [],
  }),
  // The admin compared the fingerprint with the server's and trusts the key.
  'profiles.acceptSigningKey': channel({
    arg: z.object({ profileId: profileIdSchema, keyId: signingKeyIdSchema }),
    result: profileSigningKeysSchema,
    errors: ['not_found'],
  }),
} as const;

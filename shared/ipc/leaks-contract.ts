/*
 * IPC channels for secret rotation and the leaked-secret response, spread into `ipcContract`
 * (./contract.ts). A pasted text goes to main, which finds and hashes the secrets: only their
 * SHA-256 hashes reach the server, and no secret comes back to the renderer.
 */
import { z } from 'zod';
import { instantSchema } from '../api/common';
import { identificationTokenSchema, createTokenResponseSchema } from '../api/tokens';
import { rotateSecretRequestSchema } from '../api/rotation';
import type { ChannelDefinition } from './contract';
import type { ErrorCode } from './errors';

const channel = <A extends z.ZodType, R extends z.ZodType, const E extends readonly ErrorCode[]>(
  definition: ChannelDefinition<A, R, E>,
): ChannelDefinition<A, R, E> => definition;

// The same lists as in ./contract.ts: what reaching the server as an admin can meet.
const REACHING_SERVER = ['offline', 'timeout', 'bad_response', 'server_error', 'rate_limited', 'insecure_url'] as const;
const AS_ADMIN = [...REACHING_SERVER, 'not_signed_in', 'session_expired', 'forbidden'] as const;

// A pasted ticket or chat log; larger texts are refused rather than scanned slowly.
export const MAX_LEAK_TEXT = 1_000_000;

export const rotateSecretArgSchema = rotateSecretRequestSchema.extend({
  id: z.number().int().positive(),
  // The version the action started from; `conflict` when it moved on.
  version: z.number().int().positive(),
});
export type RotateSecretArg = z.input<typeof rotateSecretArgSchema>;

export const endOverlapArgSchema = z.object({ id: z.number().int().positive(), version: z.number().int().positive() });

export const leakCheckArgSchema = z.object({ text: z.string().max(MAX_LEAK_TEXT, 'The text is over 1,000,000 characters: paste it in parts.') });

// malformed: found by its prefix but wrong in length, alphabet or checksum (never sent).
export const leakFindingSchema = z.object({
  hint: z.string(),
  status: z.enum(['current', 'previous', 'revoked', 'unknown', 'malformed']),
  token: identificationTokenSchema.optional(),
  tokenName: z.string().optional(),
  revokedAt: instantSchema.optional(),
  revokedBecause: z.enum(['deleted', 'rotated']).optional(),
});
export type LeakFinding = z.infer<typeof leakFindingSchema>;

export const leakCheckResultSchema = z.object({ findings: z.array(leakFindingSchema) });
export type LeakCheckResult = z.infer<typeof leakCheckResultSchema>;

export const leaksIpcContract = {
  'tokens.rotateSecret': channel({ arg: rotateSecretArgSchema, result: createTokenResponseSchema, errors: [...AS_ADMIN, 'not_found', 'conflict'] }),
  'tokens.endOverlap': channel({ arg: endOverlapArgSchema, result: identificationTokenSchema, errors: [...AS_ADMIN, 'not_found', 'conflict'] }),
  'leaks.check': channel({ arg: leakCheckArgSchema, result: leakCheckResultSchema, errors: [...AS_ADMIN] }),
} as const;

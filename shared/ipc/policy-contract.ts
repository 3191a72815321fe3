/*
 * IPC channels of Settings → Token policy, in the shape of `ipcContract` (./contract.ts), which
 * spreads them in. Bodies are the REST API's own schemas (shared/api/token-policy.ts).
 */
import { z } from 'zod';
import { tokenPolicySchema, updateTokenPolicyRequestSchema } from '../api/token-policy';
import type { ChannelDefinition } from './contract';
import type { ErrorCode } from './errors';

const channel = <A extends z.ZodType, R extends z.ZodType, const E extends readonly ErrorCode[]>(
  definition: ChannelDefinition<A, R, E>,
): ChannelDefinition<A, R, E> => definition;

// The same lists as in ./contract.ts: what reaching the server as an admin can meet.
const REACHING_SERVER = ['offline', 'timeout', 'bad_response', 'server_error', 'rate_limited', 'insecure_url'] as const;
const AS_ADMIN = [...REACHING_SERVER, 'not_signed_in', 'session_expired', 'forbidden'] as const;

export const policyUpdateArgSchema = z.object({
  // The version the change started from; `conflict` when someone else saved in between.
  version: z.number().int().positive(),
  rules: updateTokenPolicyRequestSchema,
});
export type PolicyUpdateArg = z.input<typeof policyUpdateArgSchema>;

export const policyIpcContract = {
  'policy.get': channel({ arg: z.undefined(), result: tokenPolicySchema, errors: AS_ADMIN }),
  'policy.update': channel({ arg: policyUpdateArgSchema, result: tokenPolicySchema, errors: [...AS_ADMIN, 'validation', 'conflict'] }),
} as const;

import { z } from 'zod';
import { MAX_LIFETIME_DAYS_LIMIT, tokenPolicyRulesSchema } from '../domain';
import { instantSchema } from './common';

// Settings → Token policy: the organisation's limits on new and edited tokens.

export const tokenPolicySchema = tokenPolicyRulesSchema.extend({
  version: z.number().int().positive(),
  // null until someone first changes it.
  updatedAt: instantSchema.nullable(),
  updatedBy: z.string().nullable(),
  // Whether the caller may change it (Manage all on Security).
  editable: z.boolean(),
});
export type TokenPolicy = z.infer<typeof tokenPolicySchema>;

// Strict and whole: a change sends every rule, so nobody relaxes one without seeing the others.
export const updateTokenPolicyRequestSchema = z.strictObject({
  maxLifetimeDays: z.number().int().min(1).max(MAX_LIFETIME_DAYS_LIMIT).nullable()
    .meta({ description: 'Whole days from today (organisation\'s time zone) to the last day a new or edited token works; an expiry date is then required. null: no limit.' }),
  requireWhitelist: z.boolean().meta({ description: 'Whether a token needs at least one whitelist entry.' }),
  widestIpv4Prefix: z.number().int().min(0).max(32).nullable()
    .meta({ description: 'The widest IPv4 range allowed, as a prefix length (16: nothing wider than /16). null: no limit.' }),
  widestIpv6Prefix: z.number().int().min(0).max(128).nullable()
    .meta({ description: 'The widest IPv6 range allowed, as a prefix length (48: nothing wider than /48). null: no limit.' }),
});
export type UpdateTokenPolicyRequest = z.infer<typeof updateTokenPolicyRequestSchema>;

import { z } from 'zod';
import { idQuerySchema, idSchema, instantSchema } from './common';
import { queryIntegerWithDefault } from './query';
import { calendarDateSchema } from './text';

export const AUDIT_ACTIONS = [
  'token.created',
  'token.updated',
  'token.deleted',
  'token.denied',
  'token.rotated',
  'token.overlap_ended',
  'token.secret_used',
  'token.revoked',
  'login.failed',
  'login.locked',
  'role.created',
  'role.updated',
  'role.deleted',
  'policy.updated',
  'inventory.signed',
  'signing_key.rotated',
] as const;
export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditActorSchema = z.object({
  type: z.enum(['employee', 'token']),
  // null when the actor is not known (a login with an unknown email, an unknown secret).
  id: z.number().int().nullable(),
  name: z.string(),
});
export type AuditActor = z.infer<typeof auditActorSchema>;

export const auditEventSchema = z.object({
  id: idSchema,
  at: instantSchema,
  actor: auditActorSchema,
  action: auditActionSchema,
  tokenId: z.number().int().nullable(),
  tokenName: z.string().nullable(),
  ip: z.string().nullable(),
  // Set on role.* events: the role the event is about.
  role: z.object({ id: z.number().int(), name: z.string() }).optional(),
  // field -> [old, new]
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).optional(),
  reason: z.string().optional(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

const filterText = (max: number, what: string) => z.string().trim().min(1).max(max).meta({ description: what });

export const auditQuerySchema = z.object({
  tokenId: idQuerySchema().optional(),
  limit: queryIntegerWithDefault(1, 500, 100),
  // Event id: only events older than this one (for paging backwards).
  before: idQuerySchema().optional(),
  action: auditActionSchema.optional(),
  actor: filterText(200, 'The actor\'s name (an employee, a token, or the e-mail of a failed sign-in), without regard to case.').optional(),
  tokenName: filterText(200, 'The token\'s name at the time of the event, without regard to case.').optional(),
  ip: filterText(64, 'The source address, as recorded.').optional(),
  from: calendarDateSchema.optional().meta({ description: 'First day (in the organisation\'s zone), included.' }),
  to: calendarDateSchema.optional().meta({ description: 'Last day (in the organisation\'s zone), included.' }),
  // The previous page's nextCursor: events older than its last one, by (at, id).
  cursor: z.string().min(1).max(500).optional(),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;
export type AuditFilter = Omit<z.output<typeof auditQuerySchema>, 'limit' | 'before' | 'cursor'>;

export const auditListResponseSchema = z.object({
  items: z.array(auditEventSchema),
  // Newest first by (at, id); send it back as `cursor` (with the same filters) for the next page. Null on the last one.
  nextCursor: z.string().nullable(),
});
export type AuditListResponse = z.infer<typeof auditListResponseSchema>;

/** Why public requests were refused, grouped: a refusal's reason without the right it lacked. */
export const REFUSAL_KINDS = ['deleted_token', 'rotated_secret', 'unknown_token', 'expired', 'ip_not_allowed', 'insufficient_rights'] as const;
export const refusalKindSchema = z.enum(REFUSAL_KINDS);
export type RefusalKind = z.infer<typeof refusalKindSchema>;

export const REFUSAL_WINDOWS = ['24h', '7d'] as const;
export const refusalWindowSchema = z.enum(REFUSAL_WINDOWS);
export type RefusalWindow = z.infer<typeof refusalWindowSchema>;

export const refusalGroupsQuerySchema = z.object({
  window: refusalWindowSchema.prefault('24h'),
});

export const refusalsByTokenSchema = z.object({
  tokenId: z.number().int(),
  tokenName: z.string(),
  kind: refusalKindSchema,
  count: z.number().int(),
  addresses: z.number().int(),
  lastAt: instantSchema,
});
export type RefusalsByToken = z.infer<typeof refusalsByTokenSchema>;

export const refusalsByAddressSchema = z.object({
  ip: z.string(),
  kind: refusalKindSchema,
  count: z.number().int(),
  tokens: z.number().int(),
  lastAt: instantSchema,
});
export type RefusalsByAddress = z.infer<typeof refusalsByAddressSchema>;

export const refusalGroupsSchema = z.object({
  window: refusalWindowSchema,
  since: instantSchema,
  // The 50 largest groups of each kind, largest first.
  byToken: z.array(refusalsByTokenSchema),
  byAddress: z.array(refusalsByAddressSchema),
});
export type RefusalGroups = z.infer<typeof refusalGroupsSchema>;

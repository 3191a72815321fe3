import { z } from 'zod';
import { idQuerySchema, idSchema, instantSchema } from './common';
import { queryIntegerWithDefault } from './query';

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

export const auditQuerySchema = z.object({
  tokenId: idQuerySchema().optional(),
  limit: queryIntegerWithDefault(1, 500, 100),
  // Event id: only events older than this one (for paging backwards).
  before: idQuerySchema().optional(),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

export const auditListResponseSchema = z.object({
  items: z.array(auditEventSchema),
});
export type AuditListResponse = z.infer<typeof auditListResponseSchema>;

/*
 * IPC channels of Security → Audit log and of token usage, spread into `ipcContract`
 * (./contract.ts). Main reads the server, keeps a window of recent events per profile for
 * offline use, and writes the CSV export through its save dialog.
 */
import { z } from 'zod';
import { auditActionSchema, auditEventSchema, refusalGroupsSchema, refusalWindowSchema } from '../api/audit';
import { instantSchema } from '../api/common';
import { calendarDateSchema } from '../api/text';
import { tokenUsageSchema, usageTotalsSchema } from '../api/usage';
import type { ChannelDefinition } from './contract';
import type { ErrorCode } from './errors';

const channel = <A extends z.ZodType, R extends z.ZodType, const E extends readonly ErrorCode[]>(
  definition: ChannelDefinition<A, R, E>,
): ChannelDefinition<A, R, E> => definition;

// The same lists as in ./contract.ts: what reaching the server as an admin can meet.
const REACHING_SERVER = ['offline', 'timeout', 'bad_response', 'server_error', 'rate_limited', 'insecure_url'] as const;
const AS_ADMIN = [...REACHING_SERVER, 'not_signed_in', 'session_expired', 'forbidden'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);

/** The audit log's filters, as the page holds them (dates are days in the organisation's zone). */
export const auditFilterSchema = z.object({
  action: auditActionSchema.optional(),
  actor: text(200).optional(),
  tokenName: text(200).optional(),
  ip: text(64).optional(),
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditPageArgSchema = z.object({
  filter: auditFilterSchema,
  cursor: z.string().min(1).max(500).optional(),
  limit: z.number().int().min(1).max(500),
});
export type AuditPageArg = z.infer<typeof auditPageArgSchema>;

export const auditPageResultSchema = z.object({
  items: z.array(auditEventSchema),
  nextCursor: z.string().nullable(),
  // Set when the server could not be reached and the page comes from the cached window.
  cachedAt: instantSchema.nullable(),
});
export type AuditPageResult = z.infer<typeof auditPageResultSchema>;

export const auditExportResultSchema = z.object({
  filePath: z.string().nullable(),
  count: z.number().int().nonnegative(),
  cachedAt: instantSchema.nullable(),
});

export const auditIpcContract = {
  // Live from the server; offline, from the cached window of recent events (marked cachedAt).
  'auditLog.page': channel({ arg: auditPageArgSchema, result: auditPageResultSchema, errors: [...AS_ADMIN] }),
  'auditLog.refusals': channel({ arg: z.object({ window: refusalWindowSchema }), result: refusalGroupsSchema, errors: [...AS_ADMIN] }),
  // Shows the save dialog, then writes every event matching the filter as CSV.
  'auditLog.export': channel({ arg: z.object({ filter: auditFilterSchema }), result: auditExportResultSchema, errors: [...AS_ADMIN, 'not_found'] }),
  'usage.token': channel({ arg: z.object({ id: z.number().int().positive() }), result: tokenUsageSchema, errors: [...AS_ADMIN, 'not_found'] }),
  'usage.totals': channel({ arg: z.undefined(), result: usageTotalsSchema, errors: [...AS_ADMIN] }),
} as const;

/*
 * Expiry reminders, spread into `ipcContract` and `ipcEvents` (./contract.ts): main checks the
 * inventory at start and every hour, raises at most one desktop notification a day, and keeps
 * the sidebar's count of tokens expiring soon up to date.
 */
import { z } from 'zod';
import { instantSchema } from '../api/common';
import type { ChannelDefinition } from './contract';
import type { ErrorCode } from './errors';

const channel = <A extends z.ZodType, R extends z.ZodType, const E extends readonly ErrorCode[]>(
  definition: ChannelDefinition<A, R, E>,
): ChannelDefinition<A, R, E> => definition;

export const reminderStatusSchema = z.object({
  // Tokens whose last day is within the horizon (today included), not yet expired.
  expiringSoon: z.number().int().nonnegative(),
  horizonDays: z.number().int().positive(),
  // When the inventory was last looked at; null before the first look of this session.
  checkedAt: instantSchema.nullable(),
});
export type ReminderStatus = z.infer<typeof reminderStatusSchema>;

export const remindersIpcContract = {
  'reminders.status': channel({ arg: z.undefined(), result: reminderStatusSchema, errors: [] }),
} as const;

export const remindersIpcEvents = {
  // The sidebar's badge.
  'reminders.changed': reminderStatusSchema,
  // The notification was clicked: show the token list filtered on the tokens it spoke of.
  'reminders.openExpiring': z.object({ horizonDays: z.number().int().positive() }),
} as const;

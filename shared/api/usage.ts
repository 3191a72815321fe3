import { z } from 'zod';
import { idSchema, instantSchema } from './common';
import { calendarDateSchema } from './text';

/** Days of usage the server keeps; the console shows the last USAGE_CHART_DAYS. */
export const USAGE_RETENTION_DAYS = 90;
export const USAGE_CHART_DAYS = 30;
/** Distinct source addresses kept per token and day, by each API node. */
export const USAGE_ADDRESSES_PER_DAY = 20;

export const usageDaySchema = z.object({
  // A day in the organisation's time zone.
  day: calendarDateSchema,
  accepted: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
});
export type UsageDay = z.infer<typeof usageDaySchema>;

export const tokenUsageSchema = z.object({
  tokenId: idSchema,
  from: calendarDateSchema,
  to: calendarDateSchema,
  // Days with at least one request, oldest first; the others had none.
  days: z.array(usageDaySchema),
  // Distinct source addresses seen over the period, most recent day first.
  addresses: z.array(z.string()),
  // The counts are written in batches: requests of the last few seconds may not be in yet.
  asOf: instantSchema,
});
export type TokenUsage = z.infer<typeof tokenUsageSchema>;

export const usageTotalsSchema = z.object({
  from: calendarDateSchema,
  to: calendarDateSchema,
  // Tokens with at least one request over the period (accepted + refused); the others had none.
  items: z.array(z.object({ tokenId: idSchema, requests: z.number().int().nonnegative() })),
});
export type UsageTotals = z.infer<typeof usageTotalsSchema>;

import { z } from 'zod';
import { instantSchema } from './common';

// Secret rotation: how long the replaced secret keeps working. 0 ends it at once; the console
// offers none, 1 hour, 24 hours and 7 days, the API any whole number of hours up to 7 days.
export const MAX_OVERLAP_HOURS = 7 * 24;
export const OVERLAP_CHOICES = [0, 1, 24, MAX_OVERLAP_HOURS] as const;

export const rotateSecretRequestSchema = z.strictObject({
  overlapHours: z
    .number()
    .int()
    .min(0)
    .max(MAX_OVERLAP_HOURS)
    .meta({ description: 'Hours the replaced secret keeps working (0: refused at once; at most 168, 7 days).', example: 1 }),
});
export type RotateSecretRequest = z.input<typeof rotateSecretRequestSchema>;

// The replaced secret of a token being rotated: its hint and the instant it stops working.
export const previousSecretSchema = z.object({
  hint: z.string(),
  validUntil: instantSchema,
});
export type PreviousSecret = z.infer<typeof previousSecretSchema>;

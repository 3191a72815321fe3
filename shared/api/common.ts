import { z } from 'zod';
import { queryIntegerSchema } from './query';

// Instants travel as ISO 8601 UTC strings; calendar days as YYYY-MM-DD.
export const instantSchema = z.iso.datetime({ offset: false });

export const idSchema = z.number().int().positive();

export const idParamsSchema = z.object({
  id: queryIntegerSchema(1),
});
export type IdParams = z.infer<typeof idParamsSchema>;

export const personRefSchema = z.object({
  id: z.number().int(),
  name: z.string(),
});
export type PersonRef = z.infer<typeof personRefSchema>;

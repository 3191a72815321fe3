import { z } from 'zod';
import { queryIntegerSchema } from './query';

// Instants travel as ISO 8601 UTC strings; calendar days as YYYY-MM-DD.
export const instantSchema = z.iso.datetime({ offset: false });

// Ids are 32-bit on every store (PostgreSQL's integer columns): a larger one names nothing, and
// is refused as invalid rather than reaching a query that cannot hold it.
export const MAX_ID = 2_147_483_647;

// One issue per bad id: the range checks stop the rest.
export const idSchema = z.number().min(1, { abort: true }).max(MAX_ID, { abort: true }).int();

/** An id in a path or query string. */
export const idQuerySchema = () => queryIntegerSchema(1, MAX_ID);

export const idParamsSchema = z.object({
  id: idQuerySchema(),
});
export type IdParams = z.infer<typeof idParamsSchema>;

export const personRefSchema = z.object({
  id: z.number().int(),
  name: z.string(),
});
export type PersonRef = z.infer<typeof personRefSchema>;

import { z } from 'zod';

export const UNCHECKED_CLIENTS_PATH = '/bench/unchecked/clients';
export const PORT_LINE = 'bench-server-port=';

export const benchServerOptionsSchema = z.object({
  dbPath: z.string().min(1),
  timeZone: z.string().default('Europe/Paris'),
  uncheckedRoute: z.boolean().default(false),
  denialLimit: z.object({ maxDenials: z.number().int().positive(), windowMs: z.number().int().positive() }).optional(),
});
export type BenchServerOptions = z.input<typeof benchServerOptionsSchema>;

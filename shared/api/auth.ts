import { z } from 'zod';
import { idSchema, instantSchema } from './common';
import { textSchema, trimmedTextSchema } from './text';

// Request bodies are strict: an unknown field is refused (400 naming it), not silently dropped,
// so a client that believes it set something learns that it did not.
export const loginRequestSchema = z.strictObject({
  email: trimmedTextSchema(254),
  password: textSchema(1, 1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const employeeSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  // The caller's best (lowest) rank over all their roles; roles ranked >= this are visible.
  rank: z.number().int().positive(),
});
export type EmployeeSummary = z.infer<typeof employeeSummarySchema>;

export const sessionTokensSchema = z.object({
  accessToken: z.string(),
  accessTokenExpiresAt: instantSchema,
  refreshToken: z.string(),
  refreshTokenExpiresAt: instantSchema,
});
export type SessionTokens = z.infer<typeof sessionTokensSchema>;

export const loginResponseSchema = sessionTokensSchema.extend({
  employee: employeeSummarySchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const refreshRequestSchema = z.strictObject({
  refreshToken: textSchema(1, 512),
});
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

// A refresh answers like a login, so the console handles both the same way.
export const refreshResponseSchema = loginResponseSchema;
export type RefreshResponse = LoginResponse;

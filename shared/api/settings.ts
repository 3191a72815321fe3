import { z } from 'zod';

export const settingsResponseSchema = z.object({
  // IANA zone in which expiry dates are whole days (the server's --timezone).
  timeZone: z.string(),
  organisationName: z.string(),
});
export type SettingsResponse = z.infer<typeof settingsResponseSchema>;

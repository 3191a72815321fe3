import { z } from 'zod';
import { employeeSummarySchema } from '../api/auth';

// Shapes owned by the console itself (profiles, session, local settings). Shapes that come
// from the Wifox API are imported from shared/api by the contract, never redefined.

export const profileIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'A profile id is letters, digits, - and _');
export type ProfileId = z.infer<typeof profileIdSchema>;

export const profileSchema = z.object({
  id: profileIdSchema,
  name: z.string().trim().min(1, 'Enter a name').max(80, 'At most 80 characters'),
  baseUrl: z.string().trim().min(1, 'Enter the server address').max(2048),
  email: z
    .string()
    .trim()
    .min(3, 'Enter an email address')
    .max(254)
    .regex(/^[^\s@]+@[^\s@]+$/, 'Enter an email address'),
});
export type Profile = z.infer<typeof profileSchema>;

// Saving without an id creates a profile; with one, it replaces that profile.
export const profileInputSchema = profileSchema.extend({ id: profileIdSchema.optional() });
export type ProfileInput = z.input<typeof profileInputSchema>;

export const credentialStorageSchema = z.enum(['keychain', 'memory']);
export type CredentialStorage = z.infer<typeof credentialStorageSchema>;

export const connectionStateSchema = z.enum(['online', 'offline']);
export type ConnectionState = z.infer<typeof connectionStateSchema>;

export const sessionEndReasonSchema = z.enum(['signedOut', 'expired', 'revoked']);
export type SessionEndReason = z.infer<typeof sessionEndReasonSchema>;

export const signedInStateSchema = z.object({
  status: z.literal('signedIn'),
  profile: profileSchema,
  employee: employeeSummarySchema,
  // 'memory': the keychain could not take the refresh token, so the next launch asks again.
  credentialStorage: credentialStorageSchema,
  keychainWarning: z.string().optional(),
  connection: connectionStateSchema,
});
export type SignedInState = z.infer<typeof signedInStateSchema>;

export const signedOutStateSchema = z.object({
  status: z.literal('signedOut'),
  // The profile used last, so the sign-in screen can preselect it.
  lastProfileId: profileIdSchema.nullable(),
  reason: sessionEndReasonSchema.optional(),
});
export type SignedOutState = z.infer<typeof signedOutStateSchema>;

export const sessionStateSchema = z.discriminatedUnion('status', [signedInStateSchema, signedOutStateSchema]);
export type SessionState = z.infer<typeof sessionStateSchema>;

export const signInArgSchema = z.object({
  profileId: profileIdSchema,
  password: z.string().min(1, 'Enter your password').max(1024),
});
export type SignInArg = z.input<typeof signInArgSchema>;

// null = never clear.
export const CLIPBOARD_CLEAR_CHOICES = [10, 30, 60, 120] as const;
export const clipboardClearSecondsSchema = z.literal(CLIPBOARD_CLEAR_CHOICES).nullable();
export type ClipboardClearSeconds = z.infer<typeof clipboardClearSecondsSchema>;

export const themeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof themeSchema>;

// Expiry reminders: how many days ahead to look, and whether to raise desktop notifications.
export const REMINDER_HORIZON_CHOICES = [3, 7, 14, 30] as const;
export const reminderHorizonDaysSchema = z.number().int().min(1).max(90);
export const expiryNotificationsSchema = z.boolean();

export const consoleSettingsSchema = z.object({
  clipboardClearSeconds: clipboardClearSecondsSchema,
  theme: themeSchema,
  reminderHorizonDays: reminderHorizonDaysSchema,
  expiryNotifications: expiryNotificationsSchema,
});
export type ConsoleSettings = z.infer<typeof consoleSettingsSchema>;

export const DEFAULT_SETTINGS: ConsoleSettings = { clipboardClearSeconds: 30, theme: 'system', reminderHorizonDays: 7, expiryNotifications: true };

export const settingsPatchSchema = consoleSettingsSchema.partial();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

export const copySecretArgSchema = z.object({ secret: z.string().min(1).max(512) });
export const copySecretResultSchema = z.object({
  // null when the settings say never; the UI says "Copied — the clipboard clears in 30 s".
  clearsInSeconds: z.number().int().positive().nullable(),
  // false where the desktop has no way to keep the copy out of clipboard history (e.g. GNOME).
  historyExcluded: z.boolean(),
});
export type CopySecretResult = z.infer<typeof copySecretResultSchema>;

export const sessionEndedEventSchema = z.object({
  profileId: profileIdSchema,
  reason: z.enum(['expired', 'revoked']),
  message: z.string(),
});
export type SessionEndedEvent = z.infer<typeof sessionEndedEventSchema>;

export const connectionChangedEventSchema = z.object({
  profileId: profileIdSchema,
  state: connectionStateSchema,
});
export type ConnectionChangedEvent = z.infer<typeof connectionChangedEventSchema>;

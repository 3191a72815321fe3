import {
  clipboardClearSecondsSchema,
  DEFAULT_SETTINGS,
  expiryNotificationsSchema,
  reminderHorizonDaysSchema,
  settingsPatchSchema,
  themeSchema,
  type ConsoleSettings,
  type SettingsPatch,
} from '../../shared/ipc/schemas';
import type { KeyValueStore } from '../ports';

const KEY = 'settings';

type Listener = (settings: ConsoleSettings) => void;

export class SettingsService {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly store: KeyValueStore) {}

  // Told after every change (the expiry reminders look again with the new horizon).
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // Each field falls back on its own, so one bad value in the file does not reset the others.
  get(): ConsoleSettings {
    const raw = this.store.get(KEY);
    const stored = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const clipboard = clipboardClearSecondsSchema.safeParse(stored.clipboardClearSeconds);
    const theme = themeSchema.safeParse(stored.theme);
    const horizon = reminderHorizonDaysSchema.safeParse(stored.reminderHorizonDays);
    const notifications = expiryNotificationsSchema.safeParse(stored.expiryNotifications);
    return {
      clipboardClearSeconds: clipboard.success ? clipboard.data : DEFAULT_SETTINGS.clipboardClearSeconds,
      theme: theme.success ? theme.data : DEFAULT_SETTINGS.theme,
      reminderHorizonDays: horizon.success ? horizon.data : DEFAULT_SETTINGS.reminderHorizonDays,
      expiryNotifications: notifications.success ? notifications.data : DEFAULT_SETTINGS.expiryNotifications,
    };
  }

  set(patch: SettingsPatch): ConsoleSettings {
    const parsed = settingsPatchSchema.parse(patch);
    const defined = Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined));
    const next = { ...this.get(), ...defined } as ConsoleSettings;
    this.store.set(KEY, next);
    for (const listener of this.listeners) listener(next);
    return next;
  }
}

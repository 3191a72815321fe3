import {
  clipboardClearSecondsSchema,
  DEFAULT_SETTINGS,
  settingsPatchSchema,
  themeSchema,
  type ConsoleSettings,
  type SettingsPatch,
} from '../../shared/ipc/schemas';
import type { KeyValueStore } from '../ports';

const KEY = 'settings';

export class SettingsService {
  constructor(private readonly store: KeyValueStore) {}

  // Each field falls back on its own, so one bad value in the file does not reset the others.
  get(): ConsoleSettings {
    const raw = this.store.get(KEY);
    const stored = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const clipboard = clipboardClearSecondsSchema.safeParse(stored.clipboardClearSeconds);
    const theme = themeSchema.safeParse(stored.theme);
    return {
      clipboardClearSeconds: clipboard.success ? clipboard.data : DEFAULT_SETTINGS.clipboardClearSeconds,
      theme: theme.success ? theme.data : DEFAULT_SETTINGS.theme,
    };
  }

  set(patch: SettingsPatch): ConsoleSettings {
    const parsed = settingsPatchSchema.parse(patch);
    const next: ConsoleSettings = {
      ...this.get(),
      ...(parsed.clipboardClearSeconds !== undefined ? { clipboardClearSeconds: parsed.clipboardClearSeconds } : {}),
      ...(parsed.theme !== undefined ? { theme: parsed.theme } : {}),
    };
    this.store.set(KEY, next);
    return next;
  }
}

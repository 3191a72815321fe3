import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { IpcError } from '../../shared/ipc/errors';
import { DEFAULT_SETTINGS, type ConsoleSettings, type SettingsPatch } from '../../shared/ipc/schemas';
import { useBridge, useFirstAnswer } from '../ipc/BridgeContext';

type SettingsValue = {
  settings: ConsoleSettings;
  /** Saves through main; answers the error when it could not. */
  change: (patch: SettingsPatch) => Promise<IpcError | null>;
};

const SettingsContext = createContext<SettingsValue | null>(null);

/** The console's own settings (theme, clipboard delay), kept by main. */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const bridge = useBridge();
  const first = useFirstAnswer('settings.get');
  const [settings, setSettings] = useState<ConsoleSettings>(first ?? DEFAULT_SETTINGS);

  useEffect(() => {
    if (first !== undefined) return;
    let current = true;
    void bridge.settings.get().then((result) => {
      if (current && result.ok) setSettings(result.value);
    });
    return () => {
      current = false;
    };
  }, [bridge, first]);

  const change = useCallback(
    async (patch: SettingsPatch) => {
      const result = await bridge.settings.set(patch);
      if (!result.ok) return result.error;
      setSettings(result.value);
      return null;
    },
    [bridge],
  );

  const value = useMemo(() => ({ settings, change }), [settings, change]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings needs a SettingsProvider above it.');
  return value;
}

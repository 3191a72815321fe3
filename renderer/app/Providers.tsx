import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enGB from 'antd/locale/en_GB';
import dayjs from 'dayjs';
import 'dayjs/locale/en-gb';
import type { ReactNode } from 'react';
import { consoleTheme } from './theme';
import { useSystemColorScheme } from './useSystemColorScheme';

dayjs.locale('en-gb');

// A production build holds antd's rules for every component the renderer draws in its
// stylesheet (scripts/antd-styles.ts; the screens test checks each screen against it), so antd
// skips its style hooks: no style is made, hashed or looked up at each component's render, which
// was a fifth of a Search keystroke's allocations and about 70 ms of a 10,000-token page load's
// script. Development and component tests have no such stylesheet: they get the themes as they
// are (a copy saying `zeroRuntime: false` made the jsdom tests ten times slower).
const withoutRuntimeStyles = (mode: 'light' | 'dark'): ThemeConfig => (import.meta.env.PROD ? { ...consoleTheme(mode), zeroRuntime: true } : consoleTheme(mode));
const THEMES = { light: withoutRuntimeStyles('light'), dark: withoutRuntimeStyles('dark') };

export type ColorSchemeChoice = 'system' | 'light' | 'dark';

export function Providers({ children, scheme = 'system' }: { children: ReactNode; scheme?: ColorSchemeChoice }) {
  const system = useSystemColorScheme();
  const effective = scheme === 'system' ? system : scheme;
  return (
    <ConfigProvider locale={enGB} theme={THEMES[effective]}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

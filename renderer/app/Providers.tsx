import { App as AntApp, ConfigProvider, theme } from 'antd';
import enGB from 'antd/locale/en_GB';
import dayjs from 'dayjs';
import 'dayjs/locale/en-gb';
import type { ReactNode } from 'react';
import { useSystemColorScheme } from './useSystemColorScheme';

dayjs.locale('en-gb');

// Wifox's console uses a green primary ("+ Add" buttons are green).
const WIFOX_GREEN = '#2e9e5b';

export type ColorSchemeChoice = 'system' | 'light' | 'dark';

export function Providers({ children, scheme = 'system' }: { children: ReactNode; scheme?: ColorSchemeChoice }) {
  const system = useSystemColorScheme();
  const effective = scheme === 'system' ? system : scheme;
  return (
    <ConfigProvider
      locale={enGB}
      theme={{
        algorithm: effective === 'dark' ? theme.darkAlgorithm : theme.defaultAlgorithm,
        token: { colorPrimary: WIFOX_GREEN, fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

import { App as AntApp, ConfigProvider } from 'antd';
import enGB from 'antd/locale/en_GB';
import dayjs from 'dayjs';
import 'dayjs/locale/en-gb';
import type { ReactNode } from 'react';
import { consoleTheme } from './theme';
import { useSystemColorScheme } from './useSystemColorScheme';

dayjs.locale('en-gb');

export type ColorSchemeChoice = 'system' | 'light' | 'dark';

export function Providers({ children, scheme = 'system' }: { children: ReactNode; scheme?: ColorSchemeChoice }) {
  const system = useSystemColorScheme();
  const effective = scheme === 'system' ? system : scheme;
  return (
    <ConfigProvider locale={enGB} theme={consoleTheme(effective)}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

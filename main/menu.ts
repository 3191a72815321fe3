import type { MenuItemConstructorOptions } from 'electron';

// The usual roles: Edit so copy/paste shortcuts work, View reload only while developing.
export const buildMenuTemplate = ({ isMac, isDev }: { isMac: boolean; isDev: boolean }): MenuItemConstructorOptions[] => [
  ...(isMac ? [{ role: 'appMenu' as const }] : []),
  { role: 'fileMenu' },
  { role: 'editMenu' },
  {
    label: 'View',
    submenu: [
      ...(isDev ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  },
  { role: 'windowMenu' },
];

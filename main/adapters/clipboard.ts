import { clipboard, ClipboardItem } from 'electron';
import type { ClipboardPort } from '../ports';

// Electron's name for a raw, platform-specific clipboard format.
const osFormat = (name: string): string => `electron application/osclipboard;format="${name}"`;

// Windows reads these formats as a DWORD; 0 means "no".
const DWORD_ZERO = new Uint8Array(4);

export type SecretFormats = {
  // MIME type or custom format → payload, written together with the text in one transaction.
  formats: Record<string, string | Blob>;
  // Whether this desktop honours them: false where clipboard history may keep a copy.
  historyExcluded: boolean;
};

/**
 * The formats that tell clipboard history, cloud sync and clipboard managers to skip a copy:
 * Windows' clipboard history and cloud clipboard, macOS's nspasteboard.org convention, KDE's
 * Klipper. GNOME and other Linux desktops have no such mechanism.
 */
export const secretFormats = (secret: string, platform: NodeJS.Platform, desktop: string | undefined): SecretFormats => {
  const text = { 'text/plain': secret };
  switch (platform) {
    case 'win32':
      return {
        formats: {
          ...text,
          [osFormat('ExcludeClipboardContentFromMonitorProcessing')]: new Blob([DWORD_ZERO]),
          [osFormat('CanIncludeInClipboardHistory')]: new Blob([DWORD_ZERO]),
          [osFormat('CanUploadToCloudClipboard')]: new Blob([DWORD_ZERO]),
        },
        historyExcluded: true,
      };
    case 'darwin':
      return { formats: { ...text, [osFormat('org.nspasteboard.ConcealedType')]: secret }, historyExcluded: true };
    default:
      return {
        formats: { ...text, [osFormat('x-kde-passwordManagerHint')]: 'secret' },
        historyExcluded: (desktop ?? '').split(':').some((name) => name.toUpperCase() === 'KDE'),
      };
  }
};

export const createElectronClipboard = (
  platform: NodeJS.Platform = process.platform,
  desktop: string | undefined = process.env.XDG_CURRENT_DESKTOP,
): ClipboardPort => ({
  readText: () => clipboard.readText(),
  async writeSecret(secret) {
    const { formats, historyExcluded } = secretFormats(secret, platform, desktop);
    // One write: the text and its "skip me" formats reach the clipboard atomically, so no
    // history or sync watcher sees the text alone.
    await clipboard.write([new ClipboardItem(formats)]);
    return { historyExcluded };
  },
  clear: () => clipboard.clear(),
});

import type { SenderInfo } from './handle';

export const APP_SCHEME = 'app';
export const APP_HOST = 'wifox';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

// `new URL('app://wifox/').origin` is "null" for a scheme Node does not know, so the
// origin is compared through its parts. `extraOrigins` is for the dev server only.
export const isAppUrl = (raw: string | null | undefined, extraOrigins: readonly string[] = []): boolean => {
  if (!raw) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '') return true;
  return extraOrigins.some((origin) => {
    try {
      return new URL(origin).origin === url.origin && url.origin !== 'null';
    } catch {
      return false;
    }
  });
};

export type TrustPolicy = {
  // True for webContents of windows this app created.
  isAppWebContents: (webContentsId: number) => boolean;
  extraOrigins?: readonly string[];
};

export const createTrustedSenderCheck =
  (policy: TrustPolicy) =>
  (sender: SenderInfo): boolean =>
    sender.isMainFrame && policy.isAppWebContents(sender.webContentsId) && isAppUrl(sender.frameUrl, policy.extraOrigins);

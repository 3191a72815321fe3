// The one way out of the app to the web: http(s) only, no credentials in the URL, and only
// through the system browser.
export const isSafeExternalUrl = (raw: string): boolean => {
  if (raw.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '' && url.hostname !== '';
};

export type OpenExternal = (url: string) => Promise<void>;

export const createExternalOpener =
  (openExternal: OpenExternal) =>
  (raw: string): boolean => {
    if (!isSafeExternalUrl(raw)) return false;
    void openExternal(new URL(raw).toString()).catch(() => undefined);
    return true;
  };

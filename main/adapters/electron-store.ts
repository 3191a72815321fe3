import Store from 'electron-store';
import type { KeyValueStore } from '../ports';

// Profiles, settings and window state in <userData>/console.json. Never a secret: those go to
// the keychain, and the tests scan this very file to prove it. `cwd` defaults to Electron's
// userData folder; tests and the browser harness pass a temporary folder, which lets
// electron-store (its engine, conf) run in plain Node.
export const createElectronStore = (options: { cwd?: string } = {}): KeyValueStore => {
  const store = new Store<Record<string, unknown>>({
    name: 'console',
    clearInvalidConfig: true,
    // Readable by this user only: profile addresses and emails are nobody else's business.
    configFileMode: 0o600,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  });
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
  };
};

export const STORE_FILE_NAME = 'console.json';

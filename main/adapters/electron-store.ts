import Store from 'electron-store';
import type { KeyValueStore } from '../ports';

// Profiles, settings and window state in <userData>/console.json. Never a secret: those go to
// the keychain, and the tests scan this file to prove it.
export const createElectronStore = (): KeyValueStore => {
  const store = new Store<Record<string, unknown>>({ name: 'console', clearInvalidConfig: true });
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
  };
};

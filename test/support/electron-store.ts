import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElectronStore, STORE_FILE_NAME } from '../../main/adapters/electron-store';
import type { KeyValueStore } from '../../main/ports';

// Tests persist through the app's own electron-store adapter, in temporary folders: the file
// they scan is the file the app writes. Outside Electron, `import 'electron'` would try to
// download Electron's binary; ELECTRON_OVERRIDE_DIST_PATH (set by vitest.config.ts and
// scripts/bench.mjs) makes it answer a path instead, and electron-store never needs more when
// given a `cwd`.
const root = mkdtempSync(join(tmpdir(), 'wifox-store-'));
let count = 0;
process.once('exit', () => rmSync(root, { recursive: true, force: true }));

export type TestStore = { store: KeyValueStore; dir: string; file: string };

/** electron-store over a folder (a fresh temporary one unless given): reopening the folder is a restart. */
export const electronStoreIn = (dir: string = mkdtempSync(join(root, `${++count}-`))): TestStore => ({
  store: createElectronStore({ cwd: dir }),
  dir,
  file: join(dir, STORE_FILE_NAME),
});

/** A fresh electron-store in its own temporary folder. */
export const testStore = (): KeyValueStore => electronStoreIn().store;

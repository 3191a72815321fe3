import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { configDefaults, defineConfig } from 'vitest/config';

// electron-store imports `electron`, whose package would try to download Electron's binary in
// plain Node: with this variable it answers a path instead, and electron-store, given a `cwd`,
// needs nothing more (test/support/electron-store.ts). Electron's API is never reached.
const electronInNode = { ELECTRON_OVERRIDE_DIST_PATH: 'electron-is-not-loaded-in-node' };

// Server tests about one store's files or the process, not about the API's behaviour: they run
// in the `node` project only. The multi-node suite needs PostgreSQL: `server-pg` only.
const SQLITE_ONLY = [
  'test/server/persistence.test.ts',
  'test/server/cli.test.ts',
  'test/server/crypto.test.ts',
  'test/server/hardening/crash-recovery.test.ts',
  'test/server/hardening/graceful-shutdown.test.ts',
  'test/server/sqlite-statements.test.ts',
  'test/server/json-bytes.test.ts',
  'test/server/token-page-names.test.ts',
];
const PG_ONLY = ['test/server/multi-node/**'];

// Four projects, one run: `node` (shared, main, server on SQLite, lint rules), `server-pg` (the
// server suite again on a throwaway PostgreSQL cluster, plus the multi-node suite), `dom`
// (renderer components in jsdom) and `e2e` (the built renderer in real Chromium).
export default defineConfig({
  test: {
    passWithNoTests: false,
    // Files and the tests inside them run in a random order (the seed is printed; replay it
    // with `--sequence.seed=<seed>`), so a test that leans on an earlier one fails early. The
    // option is global in Vitest; the end-to-end flows that are one story in order opt out
    // with `describe(…, { shuffle: false }, …)`.
    sequence: { shuffle: { files: true, tests: true } },
    // Most files spend their time waiting on Chromium, a server or PostgreSQL rather than
    // computing, so at least two run at a time (Vitest's default, a core less than the machine
    // has, is one on 2 cores): there the suite took 550 s instead of 685 s. Every file already
    // keeps to its own ports, folders, databases and keychain entries.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/{shared,main,server,lint,scripts}/**/*.test.ts'],
          env: electronInNode,
          exclude: [...configDefaults.exclude, ...PG_ONLY],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'server-pg',
          environment: 'node',
          include: ['test/server/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...SQLITE_ONLY],
          globalSetup: ['test/server/support/pg-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          env: electronInNode,
          globalSetup: ['test/e2e/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

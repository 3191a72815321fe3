import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { KeyringSecretStore } from '../../../main/adapters/keyring';
import { probeKeychain } from '../../support/keychain-probe';
import type { SecretStore } from '../../../main/ports';
import { launchChromium } from './chromium';
import { type ConsoleHarness, openConsole } from './console-harness';
import { findLeaks } from './leak-scan';
import { E2E_ADMIN, type ReferenceServer, startReferenceServer } from './reference-server';
import { REPO_ROOT } from './paths';
import { type RendererServer, startRendererServer } from './renderer-server';

const FAILURE_DIR = join(REPO_ROOT, 'test-results', 'e2e-failures');

// Remembers every secret handed to the keychain, so the leak scan can look for refresh tokens.
class WatchedSecretStore implements SecretStore {
  readonly seen = new Set<string>();
  readonly accounts = new Set<string>();
  constructor(private readonly inner: SecretStore) {}
  get(account: string) {
    return this.inner.get(account);
  }
  async set(account: string, secret: string) {
    this.seen.add(secret);
    this.accounts.add(account);
    await this.inner.set(account, secret);
  }
  delete(account: string) {
    return this.inner.delete(account);
  }
}

export type FlowTask = { name: string; result?: { state?: string } };

export type Suite = {
  browser: Browser;
  server: ReferenceServer;
  renderer: RendererServer;
  root: string;
  userDataDir: string;
  dbDir: string;
  keychain: WatchedSecretStore;
  keychainAvailable: boolean;
  // Token secrets, passwords and the like that must never be found at rest or in logs.
  secrets: Set<string>;
  open(options?: { colorScheme?: 'light' | 'dark'; userDataDir?: string }): Promise<ConsoleHarness>;
  signIn(harness: ConsoleHarness): Promise<void>;
  // A signed-in console showing the demo organisation's token list.
  openSignedIn(): Promise<ConsoleHarness>;
  // After each flow: a screenshot when it failed, and the leak scan.
  afterFlow(task: FlowTask, page: Page): Promise<string[]>;
  leaks(): string[];
  close(): Promise<void>;
};

// One browser, one reference server with a fresh database, one user data folder, and a
// keychain service name of its own, per test file.
export const startSuite = async (name: string): Promise<Suite> => {
  const root = mkdtempSync(join(tmpdir(), `wifox-e2e-${name}-`));
  const dbDir = join(root, 'db');
  const userDataDir = join(root, 'user-data');
  const keychainService = `Wifox Token Console e2e ${name} ${process.pid}`;
  const keychainAvailable = await probeKeychain(keychainService);
  if (!keychainAvailable && process.env.CI) {
    throw new Error('No Secret Service answered: CI runs the suite inside dbus-run-session with an unlocked gnome-keyring (.ci/run).');
  }
  const keychain = new WatchedSecretStore(new KeyringSecretStore(keychainService));
  const [browser, server, renderer] = await Promise.all([
    launchChromium(),
    startReferenceServer(join(dbDir, 'wifox.db')),
    startRendererServer(),
  ]);
  const harnesses: ConsoleHarness[] = [];
  const secrets = new Set<string>([E2E_ADMIN.password]);
  const suite: Suite = {
    browser,
    server,
    renderer,
    root,
    userDataDir,
    dbDir,
    keychain,
    keychainAvailable,
    secrets,
    async open(options = {}) {
      const harness = await openConsole({
        browser,
        rendererOrigin: renderer.origin,
        userDataDir: options.userDataDir ?? userDataDir,
        secrets: keychain,
        apiUrl: server.url,
        adminEmail: E2E_ADMIN.email,
        ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
      });
      harnesses.push(harness);
      return harness;
    },
    async signIn(harness) {
      const { page } = harness;
      await page.getByLabel('Password').fill(E2E_ADMIN.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
    },
    async openSignedIn() {
      const harness = await suite.open();
      await suite.signIn(harness);
      await harness.page.getByRole('button', { name: 'Edit NewIdentForTest', exact: true }).waitFor();
      return harness;
    },
    async afterFlow(task, page) {
      if (task.result?.state === 'fail') {
        mkdirSync(FAILURE_DIR, { recursive: true });
        await page.screenshot({ path: join(FAILURE_DIR, `${task.name.slice(0, 60).replace(/[^\w -]/g, '_')}.png`) });
      }
      return suite.leaks();
    },
    leaks() {
      const logs = [...server.logs, ...harnesses.flatMap((harness) => harness.logs)];
      return findLeaks([...secrets, ...keychain.seen], { dirs: [userDataDir, dbDir], logs });
    },
    async close() {
      await Promise.allSettled(harnesses.map((harness) => harness.close()));
      await Promise.allSettled([browser.close(), server.stop(), renderer.close()]);
      // The keychain outlives the test: leave nothing of this run in it.
      await Promise.allSettled([...keychain.accounts].map((account) => keychain.delete(account)));
      rmSync(root, { recursive: true, force: true });
    },
  };
  return suite;
};

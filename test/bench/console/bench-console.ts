import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { SecretStore } from '../../../main/ports';
import { type ConsoleHarness, openConsole } from '../../e2e/support/console-harness';
import { BENCH_ADMIN } from '../server/seed';
import { PAGE_PROBE, SIGN_IN_PROBE } from './page-probe';

// The keychain is not what is measured: refresh tokens stay in memory.
class MemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>();
  async get(account: string) {
    return this.secrets.get(account) ?? null;
  }
  async set(account: string, secret: string) {
    this.secrets.set(account, secret);
  }
  async delete(account: string) {
    return this.secrets.delete(account);
  }
}

export type ProbeTimes = {
  arrivedAt: number;
  rowsPaintedAt: number;
  interactiveAt: number;
  /** The first frame with token rows, whatever data painted them (ms since navigation start). */
  firstRowsAt: number;
  /** Every bridge call of the load: channel, sent and answered (ms since navigation start). */
  calls: [string, number, number | null][];
};

export type BenchConsole = {
  harness: ConsoleHarness;
  /** The sign-in with an empty cache: "Sign in" clicked → first frame with token rows, ms. */
  signInToRows: number;
  /** A fresh navigation to the console; resolves when the token list is painted and usable. */
  load(): Promise<ProbeTimes>;
  close(): Promise<void>;
};

/**
 * The e2e console harness (production main-side services, the built renderer in Chromium,
 * window.wifox over the real IPC router) against `apiUrl`, signed in, with the bench probe
 * installed for every later navigation.
 */
export async function openBenchConsole(options: { browser: Browser; rendererOrigin: string; apiUrl: string; userDataDir: string }): Promise<BenchConsole> {
  mkdirSync(options.userDataDir, { recursive: true });
  const harness = await openConsole({
    browser: options.browser,
    rendererOrigin: options.rendererOrigin,
    userDataDir: options.userDataDir,
    secrets: new MemorySecretStore(),
    apiUrl: options.apiUrl,
    adminEmail: BENCH_ADMIN.email,
  });
  const { page } = harness;
  await page.getByLabel('Password').fill(BENCH_ADMIN.password);
  await page.evaluate(SIGN_IN_PROBE);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 60_000 });
  const signInToRows = (await page.evaluate('window.__signInProbe.done()')) as number;
  // Electron's IPC copies answers with structured clone; Playwright's binding serializer is far
  // slower on large answers (about 0.7 s for 1,000 tokens here), which would be the harness's
  // time, not the console's. The probe routes window.wifox through this JSON binding instead:
  // same router, same handlers, same validation on both sides.
  await page.exposeBinding('__benchInvokeJson', async (source, channel: string, arg: unknown) =>
    JSON.stringify(
      await harness.router.dispatch(channel, arg, { webContentsId: 1, frameUrl: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() }),
    ),
  );
  await page.addInitScript({ content: PAGE_PROBE });
  const url = `${options.rendererOrigin}/index.html`;
  return {
    harness,
    signInToRows,
    async load() {
      await page.goto(url);
      return (await page.evaluate('window.__bench.loaded()', undefined)) as ProbeTimes;
    },
    close: () => harness.close(),
  };
}

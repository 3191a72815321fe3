import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { SecretStore } from '../../../main/ports';
import { type ConsoleHarness, openConsole } from '../../e2e/support/console-harness';
import { BENCH_ADMIN } from '../server/seed';
import type { BenchAnswers } from './bench-answers';
import { BENCH_CALL, BENCH_DELIVER, PAGE_PROBE, SIGN_IN_PROBE } from './page-probe';

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
  /** The app's first content (the first screen's calls leave before it draws). */
  appAt: number;
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
/** The built renderer's origin, and where the bench's answers wait for the page (see BenchAnswers). */
export type BenchRenderer = { rendererOrigin: string; answers: BenchAnswers };

export async function openBenchConsole(options: BenchRenderer & { browser: Browser; apiUrl: string; userDataDir: string }): Promise<BenchConsole> {
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
  // Electron's IPC copies answers with structured clone. Playwright's bindings, and CDP itself,
  // are far slower on large answers (the 4.6 MB saved copy of 10,000 tokens took over a second
  // to reach the page as a protocol message here): the harness's time, not the console's. The
  // probe sends each call through a bare CDP binding, and main's answer comes back as a small
  // module on the renderer's own origin (script-src 'self': the console's CSP stays as shipped),
  // whose JSON the page parses: same router, same handlers, same validation on both sides.
  // It is in place before the sign-in, whose first rows would otherwise cross by Playwright's binding.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', { name: BENCH_CALL });
  cdp.on('Runtime.bindingCalled', (event) => {
    if (event.name !== BENCH_CALL) return;
    const { id, channel, arg } = JSON.parse(event.payload) as { id: number; channel: string; arg: unknown };
    void harness.router.dispatch(channel, arg, { webContentsId: 1, frameUrl: page.url(), isMainFrame: true }).then((envelope) => {
      options.answers.put(id, envelope);
      return (
        cdp
          .send('Runtime.callFunctionOn', { functionDeclaration: BENCH_DELIVER, executionContextId: event.executionContextId, arguments: [{ value: id }] })
          // A navigation meanwhile took the page that asked away: nobody waits for the answer.
          .catch(() => options.answers.drop(id))
      );
    });
  });
  await page.addInitScript({ content: PAGE_PROBE });
  await page.reload();
  await page.getByLabel('Password').fill(BENCH_ADMIN.password);
  await page.evaluate(SIGN_IN_PROBE);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 60_000 });
  const signInToRows = (await page.evaluate('window.__signInProbe.done()')) as number;
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

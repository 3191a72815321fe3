import { join } from 'node:path';
import { launchChromium } from '../../e2e/support/chromium';
import { startRendererServer } from '../../e2e/support/renderer-server';
import { backend } from '../console/bench-backend';
import { BenchAnswers } from '../console/bench-answers';
import { renameBehind, syncedRowsProbe } from '../console/changes-behind';
import { openBenchConsole } from '../console/bench-console';
import { heapAfterGc, keystrokeTimes, waitForWholeList } from '../console/page-measures';
import { ensureRendererBuild } from '../console/renderer-build';
import { measured, type BenchModule, type FigureSpec } from '../figure';
import { median, percentile, round } from '../stats';

const KEYSTROKE: FigureSpec = { id: '10e', label: 'Console table, 100,000 tokens: Search keystroke → filtered rows painted, p95', unit: 'ms', goal: { op: '<=', target: 100 } };
const HEAP: FigureSpec = { id: '10f', label: 'Console table, 100,000 tokens: renderer JS heap after load', unit: 'MB', goal: { op: '<=', target: 250 } };
const DELTA: FigureSpec = { id: '10c', label: '100,000 tokens held, 100 changed on the server: delta sync → rows updated', unit: 'ms', goal: { op: '<=', target: 300 } };

const TOKENS = 100_000;
const KEYSTROKES = 20;
const WARM_UP_KEYSTROKES = 6;
const CHANGED = 100;
const SYNCS = 3;

// The console signed in against 100,000 tokens on the reference server (SQLite, its own
// process): the sign-in loads the whole list (first rows, then tokens.listRest in chunks), then
// after a page load the heap and the Search box are measured as in figure 4. A module of its own: seeding and
// loading 100,000 tokens takes a while, and `npm run bench -- 4 7` should not wait for it.
export const consoleBigList: BenchModule = {
  name: 'console in Chromium, 100,000 tokens (figures 10c, 10e-f)',
  specs: [DELTA, KEYSTROKE, HEAP],
  async run({ workDir, log }) {
    await ensureRendererBuild();
    const answers = new BenchAnswers();
    const [browser, renderer] = await Promise.all([launchChromium(), startRendererServer(undefined, answers.route)]);
    const api = await backend(workDir, 'big', TOKENS);
    try {
      const started = performance.now();
      const console = await openBenchConsole({ browser, rendererOrigin: renderer.origin, answers, apiUrl: api.apiUrl, userDataDir: join(workDir, 'console-big') });
      try {
        const { page } = console.harness;
        // The probe is installed for the navigations after the sign-in: a page load with main
        // holding the list, as after a restart of the window.
        const times = await console.load();
        await waitForWholeList(page, api.names.length, 600_000);
        log(
          `  sign-in → first rows painted ${Math.round(console.signInToRows)} ms; → whole list shown after a page load: ${Math.round(performance.now() - started)} ms (${api.names.length} tokens; that load's first rows painted at ${Math.round(times.rowsPaintedAt)} ms)`,
        );
        const { beforeGc, heap } = await heapAfterGc(page);
        const keystrokes = await keystrokeTimes(page, api.names, WARM_UP_KEYSTROKES, KEYSTROKES);
        log(`  keystrokes (ms): ${keystrokes.map((ms) => Math.round(ms)).join(' ')}`);
        // Each round: 100 tokens renamed behind the console, then the window regains focus.
        const syncs: number[] = [];
        for (let round = 1; round <= SYNCS; round++) {
          // Each round's names sort before the last round's: "Aaz delta", then "Aay delta"…
          const prefix = `Aa${String.fromCharCode(123 - round)} delta`;
          await renameBehind(api.apiUrl, CHANGED, prefix);
          syncs.push((await page.evaluate(syncedRowsProbe(prefix))) as number);
        }
        log(`  delta syncs (ms): ${syncs.map((ms) => Math.round(ms)).join(' ')}`);
        return [
          measured(
            DELTA,
            round(median(syncs), 1),
            `median of ${SYNCS}: ${CHANGED} tokens renamed over the admin API (names that sort first), then a window focus event → just after the first frame whose first row is a renamed token; main syncs the server's changes and sends the window only what changed since its list`,
          ),
          measured(
            KEYSTROKE,
            round(percentile(keystrokes, 95), 1),
            `${KEYSTROKES} keystrokes after ${WARM_UP_KEYSTROKES} warm-up, each changing the match count (keydown → frame showing the expected count); median ${round(median(keystrokes), 1)} ms, max ${round(Math.max(...keystrokes), 1)} ms`,
          ),
          measured(HEAP, round(heap, 1), `CDP JSHeapUsedSize after a forced GC, the whole list shown after the sign-in and a page load; ${round(beforeGc, 1)} MB before it`),
        ];
      } finally {
        await console.close();
      }
    } finally {
      await Promise.allSettled([api.stop(), browser.close(), renderer.close()]);
    }
  },
};

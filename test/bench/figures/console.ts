import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../e2e/support/chromium';
import { startRendererServer } from '../../e2e/support/renderer-server';
import { BenchAnswers } from '../console/bench-answers';
import { openBenchConsole, type BenchConsole, type BenchRenderer, type ProbeTimes } from '../console/bench-console';
import { ensureRendererBuild } from '../console/renderer-build';
import { backend } from '../console/bench-backend';
import { heapAfterGc, keystrokeTimes, waitForWholeList } from '../console/page-measures';
import { FIRST_ROWS as FIRST_ANSWER_ROWS } from '../../../renderer/tokens/restOfList';
import { measured, type BenchModule, type FigureSpec, type FigureResult } from '../figure';
import { median, percentile, round } from '../stats';

const SIGN_IN: FigureSpec = { id: '4d', label: 'Console, 10,000 tokens: sign-in → first rows painted, cache empty (full sync)', unit: 'ms', goal: { op: '<=', target: 1000 } };
const FIRST_ROWS: FigureSpec = { id: '4a', label: 'Console table, 10,000 tokens: data arrival → first rows painted', unit: 'ms', goal: { op: '<=', target: 150 } };
const KEYSTROKE: FigureSpec = { id: '4b', label: 'Console table, 10,000 tokens: Search keystroke → filtered rows painted, p95', unit: 'ms', goal: { op: '<=', target: 50 } };
const HEAP: FigureSpec = { id: '4c', label: 'Console table, 10,000 tokens: renderer JS heap after load', unit: 'MB', goal: { op: '<=', target: 150 } };
const CACHE_PAINT: FigureSpec = { id: '10d', label: '10,000 tokens: launch → first rows painted from the cache', unit: 'ms', goal: { op: '<=', target: 300 } };
const START: FigureSpec = { id: '7', label: 'Renderer start, 1,000 tokens: navigation start → token list interactive', unit: 'ms', goal: { op: '<=', target: 400 } };

const LOADS = 5;
const STARTS = 5;
const KEYSTROKES = 20;
const WARM_UP_KEYSTROKES = 6;

const listDuration = (times: ProbeTimes): number => {
  const call = times.calls.find(([channel]) => channel === 'tokens.list');
  return call ? (call[2] ?? times.arrivedAt) - call[1] : Number.NaN;
};

// A page load, then its whole list (tokens.listRest's chunks): the next load starts as a launch
// does, with no earlier page still taking in 1 MB answers beside it.
async function loadThenWhole(console: BenchConsole, total: number): Promise<ProbeTimes> {
  const times = await console.load();
  await waitForWholeList(console.harness.page, total, 60_000);
  return times;
}

async function tableFigures(browser: Browser, renderer: BenchRenderer, workDir: string, log: (m: string) => void): Promise<FigureResult[]> {
  const api = await backend(workDir, 'table', 10_000);
  const console = await openBenchConsole({ browser, ...renderer, apiUrl: api.apiUrl, userDataDir: join(workDir, 'console-table') });
  try {
    const { page } = console.harness;
    // Signing in loaded the whole list once already: that was the warm-up. Each page load starts
    // once the whole list is there: until then main is still paging the server and saving the
    // copy, and the page before is still taking in the rest of the list (tokens.listRest, 1 MB
    // modules parsed beside the next page's start); a launch has no earlier load going on beside it.
    await waitForWholeList(page, api.names.length, 60_000);
    const firstRows: number[] = [];
    const fromCache: number[] = [];
    let paintedFromCopy = 0;
    const fetches: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const times = await loadThenWhole(console, api.names.length);
      // From when both the answer and the app were there: the rows' own cost.
      firstRows.push(times.rowsPaintedAt - Math.max(times.arrivedAt, times.appAt));
      fromCache.push(times.firstRowsAt);
      if (times.firstRowsAt < times.arrivedAt) paintedFromCopy += 1;
      fetches.push(listDuration(times));
      log(`  load ${i + 1}/${LOADS}: tokens.list answered in ${Math.round(listDuration(times))} ms, rows painted ${Math.round(times.rowsPaintedAt - Math.max(times.arrivedAt, times.appAt))} ms after arrival (app up at ${Math.round(times.appAt)}, answer at ${Math.round(times.arrivedAt)}, first rows at ${Math.round(times.firstRowsAt)})`);
    }
    const { beforeGc, heap } = await heapAfterGc(page);
    const keystrokes = await keystrokeTimes(page, api.names, WARM_UP_KEYSTROKES, KEYSTROKES);
    log(`  keystrokes (ms): ${keystrokes.map((ms) => Math.round(ms)).join(' ')}`);

    return [
      measured(
        SIGN_IN,
        round(console.signInToRows, 1),
        'one sign-in with a fresh profile folder (no saved copy): the click on "Sign in" → just after the first frame with token rows; main signs in and pages the server, then the first rows cross to the page, by the same CDP binding and modules as the page loads below',
      ),
      measured(FIRST_ROWS, round(median(firstRows), 1), `median of ${LOADS} page loads, each once the whole list of the one before is in (the first after the sign-in's); arrival = the later of the app's first content and the first tokens.list answer (its first ${FIRST_ANSWER_ROWS} rows, or the whole list when main holds it and it fits one answer; the rest follows through tokens.listRest, and while it does the saved copy stands in) parsed in the page (a CDP binding and a module on the renderer's origin stand in for Electron IPC); tokens.list itself took ${Math.round(median(fetches))} ms (main-side paging from the server + transfer to the page)`),
      measured(KEYSTROKE, round(percentile(keystrokes, 95), 1), `${KEYSTROKES} keystrokes after ${WARM_UP_KEYSTROKES} warm-up, each changing the match count; median ${round(median(keystrokes), 1)} ms, max ${round(Math.max(...keystrokes), 1)} ms`),
      measured(HEAP, round(heap, 1), `CDP JSHeapUsedSize after a forced GC; ${round(beforeGc, 1)} MB before it`),
      measured(
        CACHE_PAINT,
        round(median(fromCache), 1),
        `median of ${LOADS} page loads: navigation start → first frame with rows, whichever came first (the saved copy did in ${paintedFromCopy} of ${LOADS}; otherwise the sync's first ${FIRST_ANSWER_ROWS} rows); a renderer reload with main already running, each once the whole list of the load before is in, so Electron's own start is not included`,
      ),
    ];
  } finally {
    await console.close();
    await api.stop();
  }
}

async function startFigure(browser: Browser, renderer: BenchRenderer, workDir: string, log: (m: string) => void): Promise<FigureResult[]> {
  const api = await backend(workDir, 'start', 1_000);
  const console = await openBenchConsole({ browser, ...renderer, apiUrl: api.apiUrl, userDataDir: join(workDir, 'console-start') });
  try {
    // As for 10d: from a console whose sign-in has loaded the whole list.
    await waitForWholeList(console.harness.page, api.names.length, 60_000);
    const loads: ProbeTimes[] = [];
    for (let i = 0; i < STARTS; i++) loads.push(await loadThenWhole(console, api.names.length));
    const starts = loads.map((times) => times.interactiveAt);
    log(`  starts (ms): ${starts.map((ms) => Math.round(ms)).join(' ')}`);
    const typical = loads.find((times) => times.interactiveAt === median(starts)) ?? loads[0];
    if (typical) log(`  typical start: ${typical.calls.map(([channel, sent, answered]) => `${channel} ${sent}→${answered ?? '…'}`).join(', ')}; interactive ${Math.round(typical.interactiveAt)}`);
    const phases = (pick: (times: ProbeTimes) => number): number => Math.round(median(loads.map(pick)));
    return [
      measured(START, round(median(starts), 1), `median of ${STARTS} navigations, each once the whole list of the one before is in (the first after the sign-in's); interactive = rows painted and Search enabled; first bridge call at ${phases((t) => t.calls[0]?.[1] ?? 0)} ms, tokens.list ${phases(listDuration)} ms, arrival → interactive ${phases((t) => t.interactiveAt - t.arrivedAt)} ms`),
    ];
  } finally {
    await console.close();
    await api.stop();
  }
}

export const consoleFigures: BenchModule = {
  name: 'console in Chromium (figures 4 and 7)',
  specs: [SIGN_IN, FIRST_ROWS, KEYSTROKE, HEAP, CACHE_PAINT, START],
  async run({ workDir, log }) {
    await ensureRendererBuild();
    const answers = new BenchAnswers();
    const [browser, renderer] = await Promise.all([launchChromium(), startRendererServer(undefined, answers.route)]);
    const bench = { rendererOrigin: renderer.origin, answers };
    try {
      return [...(await tableFigures(browser, bench, workDir, log)), ...(await startFigure(browser, bench, workDir, log))];
    } finally {
      await Promise.allSettled([browser.close(), renderer.close()]);
    }
  },
};

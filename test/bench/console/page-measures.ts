import type { Page } from 'playwright-core';
import { sleep } from '../stats';
import { searchSession } from './search-keys';

/** CDP JSHeapUsedSize in MB, before and after a forced garbage collection. */
export async function heapAfterGc(page: Page): Promise<{ beforeGc: number; heap: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const heapUsed = async (): Promise<number> => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize');
    if (!used) throw new Error('No JSHeapUsedSize metric.');
    return used.value / 1024 / 1024;
  };
  const beforeGc = await heapUsed();
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await heapUsed();
  await cdp.detach();
  return { beforeGc, heap };
}

/**
 * Types a search session in the Search box (every keystroke changes the number of matches) and
 * returns keydown → frame with the expected count, in ms, for the keystrokes after the warm-up.
 * Leaves the Search box empty.
 */
export async function keystrokeTimes(page: Page, names: readonly string[], warmUp: number, count: number): Promise<number[]> {
  const session = searchSession(names, warmUp + count);
  const search = page.locator('input[placeholder="Search…"]');
  await search.click();
  const times: number[] = [];
  for (const [index, keystroke] of session.entries()) {
    await page.evaluate('window.__bench.armKey()');
    const done = page.evaluate(`window.__bench.keyDone(${keystroke.expected})`) as Promise<number>;
    await page.keyboard.press(keystroke.key);
    const ms = await done;
    if (index >= warmUp) times.push(ms);
  }
  await search.fill('');
  return times;
}

/**
 * Waits until the list shows every token (the rest arrives in chunks after the first rows).
 * Polled from here: page.waitForFunction compiles its predicate in the page, which the
 * console's CSP (no 'unsafe-eval') refuses.
 */
export async function waitForWholeList(page: Page, total: number, timeoutMs: number): Promise<void> {
  const shownCount = async () => (await page.evaluate('window.__bench.shownCount()')) as number | null;
  const giveUp = performance.now() + timeoutMs;
  let shown = await shownCount();
  while (shown !== total && performance.now() < giveUp) {
    await sleep(250);
    shown = await shownCount();
  }
  if (shown !== total) {
    const text = (await page.locator('main').innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 300);
    throw new Error(`After ${Math.round(timeoutMs / 1000)} s the console shows ${shown} tokens, the server holds ${total}; the page shows: ${text}`);
  }
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Suite, startSuite } from './support/suite';

// Before the page's own scripts: what the page's content was each time it changed.
const RECORD_DRAWS = `
  window.__draws = [];
  new MutationObserver(() => {
    const root = document.getElementById('root');
    if (!root || root.childElementCount === 0) return;
    window.__draws.push({
      starting: document.querySelector('[aria-label="Starting"]') !== null,
      loading: document.querySelector('[aria-label="Loading tokens"]') !== null,
      rows: document.querySelectorAll('.ant-table-row').length,
    });
  }).observe(document, { subtree: true, childList: true });
`;

type Draw = { starting: boolean; loading: boolean; rows: number };

describe('a signed-in page load', () => {
  let suite: Suite;
  beforeAll(async () => {
    suite = await startSuite('first-frame');
  });
  afterAll(async () => {
    await suite?.close();
  });

  it('draws the token rows in its first content, with no loading screen before them', async () => {
    const ui = await suite.openSignedIn();
    await ui.page.addInitScript({ content: RECORD_DRAWS });
    // The first render waits at most 250 ms for main: on a loaded machine one load may miss it
    // and draw the loading screen first, as before; all three cannot.
    let draws: Draw[] = [];
    let calls: string[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const before = ui.calls.length;
      await ui.page.reload();
      await ui.page.getByRole('button', { name: 'Edit NewIdentForTest', exact: true }).waitFor();
      draws = (await ui.page.evaluate('window.__draws')) as Draw[];
      calls = ui.calls.slice(before);
      if (draws.every((draw) => !draw.starting && !draw.loading)) break;
    }
    expect(draws[0]?.rows).toBeGreaterThan(5);
    expect(draws.filter((draw) => draw.starting || draw.loading)).toEqual([]);
    // Main was asked for each of the first screen's answers once; the session and the expiry
    // count are read again once their events are listened for.
    for (const channel of ['settings.get', 'tokens.list', 'roles.list', 'settings.org', 'policy.get']) {
      expect(calls.filter((call) => call === channel), channel).toHaveLength(1);
    }
    for (const channel of ['session.state', 'reminders.status']) expect(calls.filter((call) => call === channel), channel).toHaveLength(2);
    expect(suite.leaks()).toEqual([]);
  });
});

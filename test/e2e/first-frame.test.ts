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
    await ui.page.reload();
    await ui.page.getByRole('button', { name: 'Edit NewIdentForTest', exact: true }).waitFor();
    const draws = (await ui.page.evaluate('window.__draws')) as Draw[];
    expect(draws[0]?.rows).toBeGreaterThan(5);
    expect(draws.filter((draw) => draw.starting || draw.loading)).toEqual([]);
    // Main was asked for each of the first screen's answers once.
    const lastLoad = ui.calls.slice(ui.calls.lastIndexOf('session.state'));
    for (const channel of ['session.state', 'settings.get', 'tokens.list', 'roles.list', 'settings.org', 'policy.get']) {
      expect(lastLoad.filter((call) => call === channel), channel).toHaveLength(1);
    }
    expect(suite.leaks()).toEqual([]);
  });
});

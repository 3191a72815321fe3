import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { componentsWithoutStyles } from './support/antd-styles';
import { type AxeFinding, seriousViolations } from './support/axe';
import type { ConsoleHarness } from './support/console-harness';
import { SCREENSHOT_DIR } from './support/paths';
import { type Suite, startSuite } from './support/suite';
import { chooseRole, pick, section, settle } from './support/ui';

const SCHEMES = ['light', 'dark'] as const;

/** The start of each style antd generated in the page that holds more than CSS variables. */
const runtimeComponentStyles = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll('style[data-css-hash]')]
      .map((style) => style.textContent ?? '')
      .filter((css) => !/^(\.css-var-[\w-]+(\.[\w-]+)*\{[^{}]*\})+$/.test(css))
      .map((css) => css.slice(0, 80)),
  );

// Each screen, light and dark: a screenshot under test-results/screenshots/ and an axe-core
// pass with no serious or critical violation. One walk through the screens captures both: the
// console follows the system's colour scheme as it changes, so each screen is shown in dark
// mode too before the walk goes on.
describe('screens in light and dark mode', { shuffle: false }, () => {
  let suite: Suite;
  let ui: ConsoleHarness;
  let page: Page;
  const findings: Record<string, AxeFinding[]> = {};
  const unstyled: Record<string, string[]> = {};

  const capture = async (screen: string) => {
    const shots: Buffer[] = [];
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      await settle(page);
      shots.push(await page.screenshot({ path: `${SCREENSHOT_DIR}${screen}-${scheme}.png` }));
      findings[`${screen} (${scheme})`] = await seriousViolations(page);
      unstyled[`${screen} (${scheme})`] = await componentsWithoutStyles(page);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    // The dark pass looked at a dark screen, not the light one again.
    expect(shots[0]?.equals(shots[1] ?? Buffer.alloc(0)), `${screen}: the dark screenshot is the light one`).toBe(false);
  };

  // Each screen named, in both schemes, with no serious or critical violation and every antd
  // component drawn with the build's styles (all listed at once).
  const expectNoFindings = (...screens: string[]) => {
    const names = screens.flatMap((screen) => SCHEMES.map((scheme) => `${screen} (${scheme})`));
    const none = Object.fromEntries(names.map((name) => [name, []]));
    expect(Object.fromEntries(names.map((name) => [name, findings[name]]))).toEqual(none);
    expect(Object.fromEntries(names.map((name) => [name, unstyled[name]]))).toEqual(none);
  };

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    suite = await startSuite('screens');
    ui = await suite.open({ colorScheme: 'light' });
    page = ui.page;
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await capture('sign-in');
    await suite.signIn(ui);
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await page.screenshot({ path: `test-results/e2e-failures/screens-${context.task.name.slice(0, 30)}.png` });
  });
  afterAll(async () => {
    await suite?.close();
  });

  it('the list, both drawers, the reveal dialog and the delete confirmation', async () => {
    await page.getByRole('button', { name: 'Edit NewIdentForTest', exact: true }).waitFor();
    await capture('token-list');

    await page.getByRole('button', { name: '+ Add' }).click();
    const add = page.getByRole('dialog').filter({ hasText: 'Add Identification Token' });
    await add.getByLabel('Name').fill('ScreensToken');
    await chooseRole(page, add, 'Read-only Clients');
    await add.getByRole('button', { name: '+ New IP' }).click();
    await add.getByLabel('IP address 1', { exact: true }).fill('192.168.1.5/24');
    await capture('add-drawer');

    await add.getByRole('button', { name: 'Use 192.168.1.0/24' }).click();
    await add.getByRole('button', { name: 'Generate token' }).click();
    const reveal = page.getByRole('dialog').filter({ hasText: 'Token generated: ScreensToken' });
    suite.secrets.add(await reveal.getByLabel('Token secret').inputValue());
    await capture('reveal-dialog');
    // Not while the dialog still zooms in: a click then can land on nothing.
    await settle(page);
    await reveal.getByRole('button', { name: 'Copy' }).click();
    // Close before the copy is confirmed asks "Close without copying?" instead.
    await reveal.getByText(/^Copied/).waitFor();
    await reveal.getByRole('button', { name: 'Close' }).click();
    await reveal.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Edit NewIdentForTest', exact: true }).click();
    await page.getByRole('dialog').filter({ hasText: 'Edit Identification Token' }).waitFor();
    await capture('edit-drawer');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').filter({ hasText: 'Edit Identification Token' }).waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Delete NewIdentForTest', exact: true }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: 'Are you sure? This action cannot be undone.' });
    await confirm.waitFor();
    await capture('delete-confirmation');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });

    expectNoFindings('sign-in', 'token-list', 'add-drawer', 'reveal-dialog', 'edit-drawer', 'delete-confirmation');
    expect(suite.leaks()).toEqual([]);
    // Every screen above, in both schemes, drew with the styles the build wrote (scripts/antd-styles.ts):
    // antd inserted its theme's CSS variables at run time, and no component's rules.
    expect(await runtimeComponentStyles(page)).toEqual([]);
  });

  it('the inventory review of an opened snapshot, and the compare view', async () => {
    await section(page, 'Inventory review');
    const snapshotPath = join(suite.root, 'screens.json');
    ui.dialogs.saves.push(snapshotPath);
    await page.getByRole('button', { name: 'Export inventory…' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export inventory' });
    await exportDialog.getByRole('radio', { name: 'Snapshot (JSON)' }).check();
    await capture('export-dialog');
    await exportDialog.getByRole('button', { name: 'Export' }).click();
    await page.getByText(`Inventory exported to ${snapshotPath}`).waitFor();
    // The toast is antd's message, drawn by App.useApp().
    expect(await componentsWithoutStyles(page)).toEqual([]);
    await exportDialog.waitFor({ state: 'detached' });

    // A change after the snapshot, so the comparison has something to show.
    await section(page, 'Identification tokens');
    await page.getByRole('button', { name: 'Delete LegacyExport', exact: true }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: 'Are you sure? This action cannot be undone.' });
    await confirm.waitFor();
    await settle(page);
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Edit LegacyExport', exact: true }).waitFor({ state: 'detached' });

    await section(page, 'Inventory review');
    ui.dialogs.opens.push(snapshotPath);
    await page.getByRole('button', { name: 'Open inventory…' }).click();
    // The page switches to the file it opened: recorded before the deletion, it still holds the token.
    await page.getByRole('button', { name: 'Close file' }).waitFor();
    const legacy = page.getByRole('table', { name: 'Inventory tokens' }).getByRole('button', { name: 'LegacyExport', exact: true });
    await legacy.waitFor();
    await capture('inventory-review');

    await legacy.click();
    const view = page.getByRole('dialog').filter({ hasText: 'Token details' });
    await view.waitFor();
    await capture('token-view-drawer');
    await page.keyboard.press('Escape');
    await view.waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: 'Compare' }).click();
    await pick(page, page.getByRole('combobox', { name: 'Earlier inventory' }), /^screens\.json \(/);
    await pick(page, page.getByRole('combobox', { name: 'Later inventory' }), /^Live inventory/);
    await page.getByRole('button', { name: 'Compare' }).click();
    const removed = page.getByRole('region', { name: 'Removed tokens' });
    await removed.getByText('LegacyExport').waitFor();
    await capture('compare');

    expectNoFindings('export-dialog', 'inventory-review', 'token-view-drawer', 'compare');
  });

  it("the roles with one role's rights grid open", async () => {
    await section(page, 'Roles');
    await page.getByRole('button', { name: /^Clients, Actions, Logs/ }).click();
    await page.getByRole('table', { name: 'Rights of Clients, Actions, Logs' }).waitFor();
    await capture('roles');

    expectNoFindings('roles');
  });

  it('offline mode: the cached inventory under the banner, then live data again', async () => {
    await suite.server.stop();
    // Coming back to the list loads it again, and the server does not answer.
    await section(page, 'Identification tokens');
    const banner = page.getByText(/^Offline — inventory as of \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await banner.waitFor({ timeout: 30_000 });
    await page.getByRole('status', { name: 'Connection: offline' }).waitFor();
    await page.getByRole('button', { name: 'Edit NewIdentForTest', exact: true }).waitFor();
    await capture('offline');

    await suite.server.restart();
    // Main retries in the background (every 5 s and more) and the list goes back to live data.
    await banner.waitFor({ state: 'detached', timeout: 40_000 });
    await page.getByRole('status', { name: 'Connection: online' }).waitFor();
    expect(await page.getByRole('button', { name: '+ Add' }).isEnabled()).toBe(true);

    expectNoFindings('offline');
    expect(suite.leaks()).toEqual([]);
  });
});

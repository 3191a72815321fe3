import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleHarness } from './support/console-harness';
import { SCREENSHOT_DIR } from './support/paths';
import { type Suite, startSuite } from './support/suite';
import { chooseRole, settle } from './support/ui';

// The token list at the window sizes an admin meets, light and dark, with the longest values
// the console accepts: the seed's columns stay in the window, names ellipsize with the full
// name on hover, and an IPv6 range is never split over two lines.
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const SEED_COLUMNS = ['Token', 'Permissions', 'Whitelisted IPs', 'Expired Date', 'Actions'];
const LONG_NAME = 'LongIntegrationNameWithoutAnySpaces'.padEnd(64, 'X');
const LONG_V6 = ['2001:db8:1234:5678:9abc:def0:1234:0/112', '2001:db8:aaaa:bbbb:cccc:dddd:eeee:0/112'];

describe('layout', () => {
  let suite: Suite;
  let ui: ConsoleHarness;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    suite = await startSuite('layout');
    ui = await suite.openSignedIn();
    page = ui.page;
    const roleId = (await ui.services.catalog.roles()).find((role) => role.name === 'Read-only Clients')?.id ?? 0;
    // Sorted first by name, so the long one is in the first rows at every size.
    const created = await ui.services.tokens.create({ name: `A${LONG_NAME.slice(1)}`, roleId, whitelist: LONG_V6 });
    suite.secrets.add(created.secret);
    await page.keyboard.press('F5');
    await page.getByRole('button', { name: `Edit A${LONG_NAME.slice(1)}`, exact: true }).waitFor();
  });
  afterEach(async (context) => {
    expect(await suite.afterFlow(context.task, page)).toEqual([]);
  });
  afterAll(async () => {
    await suite?.close();
  });

  it('keeps the seed columns in the window at 1024×700, 1366×768 and 1920×1080, light and dark', async () => {
    const name = `A${LONG_NAME.slice(1)}`;
    // From the top of the list (the other flow may have left it scrolled to a new token).
    await page.locator('.ant-table-tbody-virtual-holder').evaluate((element) => element.scrollTo({ top: 0 }));
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const { width, height } of SIZES) {
        await page.setViewportSize({ width, height });
        await settle(page);
        await page.screenshot({ path: `${SCREENSHOT_DIR}layout-${width}x${height}-${scheme}.png` });
        const where = `${width}×${height} ${scheme}`;

        const boxes = await page.evaluate((titles) => {
          const headers = [...document.querySelectorAll('[role="columnheader"]')];
          return titles.map((title) => {
            const header = headers.find((element) => element.textContent?.trim() === title);
            const box = header?.getBoundingClientRect();
            return box ? { title, left: box.left, right: box.right } : { title, left: -1, right: -1 };
          });
        }, SEED_COLUMNS);
        for (const box of boxes) {
          expect(box.left, `${box.title} at ${where}`).toBeGreaterThanOrEqual(0);
          expect(box.right, `${box.title} at ${where}`).toBeLessThanOrEqual(width);
        }
        // Nothing hides under the pinned Actions column.
        const actions = boxes.find((box) => box.title === 'Actions');
        const expiry = boxes.find((box) => box.title === 'Expired Date');
        expect(expiry?.right ?? Infinity, where).toBeLessThanOrEqual((actions?.left ?? 0) + 1);

        // The long name stays in its cell, ellipsized, with the whole name on hover.
        const nameButton = page.getByRole('button', { name, exact: true });
        expect(await nameButton.getAttribute('title')).toBe(name);
        const nameFits = await nameButton.evaluate((button) => {
          const cell = button.closest('[role="cell"]')?.getBoundingClientRect();
          return cell !== undefined && button.getBoundingClientRect().right <= cell.right + 1;
        });
        expect(nameFits, where).toBe(true);

        // Each IPv6 range is one line: its box is no taller than the first entry's line.
        for (const entry of LONG_V6) {
          const text = page.getByTitle(entry, { exact: true });
          const lines = await text.evaluate((element) => {
            const style = getComputedStyle(element);
            return element.getBoundingClientRect().height / parseFloat(style.lineHeight || '22');
          });
          expect(lines, `${entry} at ${where}`).toBeLessThan(1.5);
        }

        // One compact line of review counts.
        const review = await page.getByRole('region', { name: 'Review counts' }).boundingBox();
        expect(review?.height ?? 999, where).toBeLessThan(40);
      }
    }
  });

  it('keeps keyboard focus where the admin is: past the date, and back on the new token after the reveal', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    expect(await page.getByRole('main').count()).toBe(1);
    await page.getByRole('button', { name: '+ Add' }).click();
    const add = page.getByRole('dialog').filter({ hasText: 'Add Identification Token' });
    await add.getByLabel('Name').fill('KeyboardFocusCheck');
    await chooseRole(page, add, 'Read-only Clients');
    const date = add.getByLabel('Expired Date');
    await date.click();
    await date.pressSequentially('31/12/2099');
    await page.keyboard.press('Tab');
    // The calendar closes and focus is past the field: Enter here cannot wipe the date.
    await page.locator('.ant-picker-dropdown').filter({ visible: true }).waitFor({ state: 'detached' }).catch(() => undefined);
    expect(await page.locator('.ant-picker-dropdown:visible').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.closest('.ant-picker') === null)).toBe(true);
    expect(await date.inputValue()).toBe('31/12/2099');

    await add.getByRole('button', { name: 'Generate token' }).click();
    const reveal = page.getByRole('dialog').filter({ hasText: 'Token generated: KeyboardFocusCheck' });
    suite.secrets.add(await reveal.getByLabel('Token secret').inputValue());
    // Not while the dialog still zooms in: a click then can land on nothing.
    await settle(page);
    await reveal.getByRole('button', { name: 'Copy' }).click();
    // Close before the copy is confirmed asks "Close without copying?" instead.
    await reveal.getByText(/^Copied/).waitFor();
    await reveal.getByRole('button', { name: 'Close' }).click();
    await reveal.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim() ?? ''))
      .toMatch(/^(Edit KeyboardFocusCheck|\+ Add)$/);
  });
});

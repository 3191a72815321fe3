import type { Locator, Page } from 'playwright-core';

// Waits two frames (an entry animation starts a frame after its element appears), then for
// the running animations to end: drawers and modals zooming or sliding in, toasts. A click
// aimed at a button still moving can land beside it. Endless ones (spinners) are left out.
export const settle = (page: Page) =>
  page.evaluate(async () => {
    for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
    await Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    );
  });

export const section = (page: Page, name: string) => page.getByRole('menuitem', { name }).click();

// Picks an option of an antd select (its popup is the last visible one: an earlier one may
// still be fading out).
export const pick = async (page: Page, combobox: Locator, text: string | RegExp) => {
  await combobox.click();
  const popup = page.locator('.ant-select-dropdown').filter({ visible: true }).last();
  await popup.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
  await popup.waitFor({ state: 'hidden' });
};

// The role list is virtualised and searchable: narrow it by typing, as a user would.
export const chooseRole = async (page: Page, scope: Locator, roleName: string) => {
  const combobox = scope.getByRole('combobox', { name: 'Role' });
  await combobox.click();
  await combobox.fill(roleName);
  await page.locator(`.ant-select-item-option[title="${roleName}"]`).click();
};

// The token table is virtualised: a row far down the list is only in the DOM once searched for.
export const searchFor = (page: Page, name: string) => page.getByLabel('Search tokens').fill(name);

export const tokenRow = (page: Page, name: string): Locator =>
  page.getByRole('row').filter({ has: page.getByRole('button', { name: `Edit ${name}`, exact: true }) });

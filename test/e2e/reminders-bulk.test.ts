import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../shared/domain';
import { adminApi } from './support/admin-api';
import type { ConsoleHarness } from './support/console-harness';
import { callPublicApi } from './support/public-api';
import { type Suite, startSuite } from './support/suite';
import { searchFor, section, settle, tokenRow } from './support/ui';

const SOON = 'ReminderE2E soon';
const LATER = 'ReminderE2E later';
// Named to sort after the demo's tokens: the list is virtualised, and the suite waits for those.
const BULK = 'ZbulkE2E';
const bulkName = (i: number): string => `${BULK} ${String(i).padStart(2, '0')}`;

// Issue 17, expiry reminders and bulk actions: real server, real main process (Electron's
// Notification faked), real Chromium.
describe('expiry reminders and bulk actions, end to end', { shuffle: false }, () => {
  let suite: Suite;
  let ui: ConsoleHarness;
  let page: Page;
  let api: Awaited<ReturnType<typeof adminApi>>;
  const bulk: { id: number; name: string; secret: string }[] = [];

  beforeAll(async () => {
    suite = await startSuite('reminders-bulk');
    api = await adminApi(suite.server.url);
    const today = todayIn('UTC', new Date());
    for (const [name, days] of [[SOON, 2], [LATER, 60]] as const) suite.secrets.add((await api.createToken(name, 'Read-only Clients', [], addDays(today, days))).secret);
    for (let i = 1; i <= 25; i++) {
      const { token, secret } = await api.createToken(bulkName(i), 'Read-only Clients');
      suite.secrets.add(secret);
      bulk.push({ id: token.id, name: bulkName(i), secret });
    }
    ui = await suite.openSignedIn();
    page = ui.page;
  });
  afterEach(async (context) => {
    expect(await suite.afterFlow(context.task, page)).toEqual([]);
  });
  afterAll(async () => {
    await suite?.close();
  });

  it('notifies once about the tokens expiring soon, badges the sidebar, and a click lands on the list filtered on "Expiring soon"', async () => {
    await expect.poll(() => ui.notifications.shown.length).toBe(1);
    const [notice] = ui.notifications.shown;
    expect(notice!.body).toMatch(/^\d+ tokens expire within 7 days: /);
    expect(notice!.body).not.toContain(LATER);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByLabel(/tokens expire within 7 days/).waitFor();

    // Elsewhere in the console, with a search typed on the list.
    await searchFor(page, 'nothing like this');
    await section(page, 'Preferences');
    await page.getByRole('heading', { name: 'Preferences' }).waitFor();
    notice!.click();

    await tokenRow(page, SOON).waitFor();
    await expect.poll(() => page.getByLabel('Filter by status').locator('xpath=ancestor::*[contains(@class,"ant-select")][1]').textContent()).toContain('Expiring soon');
    expect(await tokenRow(page, LATER).count()).toBe(0);
    expect(await tokenRow(page, bulkName(1)).count()).toBe(0);
    // A later look the same day (the hourly one) raises nothing new.
    await ui.services.reminders.check();
    expect(ui.notifications.shown).toHaveLength(1);
  });

  it('bulk-deletes 25 tokens: the one changed behind the console is reported and kept, the others are gone and their secrets refused', async () => {
    await page.getByLabel('Filter by status').click();
    await page.locator('.ant-select-dropdown').filter({ visible: true }).last().locator('.ant-select-item-option').filter({ hasText: 'All statuses' }).click();
    await searchFor(page, BULK);
    await tokenRow(page, bulkName(1)).waitFor();
    await page.getByRole('checkbox', { name: 'Select all' }).check();
    const bar = page.getByRole('region', { name: 'Bulk actions' });
    await bar.getByText('25 tokens selected').waitFor();

    // Another administrator edits one of them after the list was loaded.
    const changed = bulk[12]!;
    await api.updateToken(changed.id, { expiresOn: addDays(todayIn('UTC', new Date()), 90) });

    await bar.getByRole('button', { name: 'Delete…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete 25 tokens?' });
    await settle(page);
    await confirm.getByText(`“${bulkName(1)}”, “${bulkName(2)}”, “${bulkName(3)}”, “${bulkName(4)}”, “${bulkName(5)}” and 20 more.`).waitFor();
    const remove = confirm.getByRole('button', { name: 'Delete 25 tokens' });
    expect(await remove.isDisabled()).toBe(true);
    await confirm.getByLabel('Type 25 to confirm').fill('25');
    await remove.click();

    const result = page.getByRole('dialog', { name: 'Bulk action result' });
    await result.getByText('Deleted 24 of 25 tokens: 1 not done.').waitFor();
    expect(await result.getByRole('list', { name: 'Tokens not done' }).textContent()).toContain(`${changed.name} — Changed meanwhile (412)`);
    await result.getByRole('button', { name: 'Done' }).click();

    await expect.poll(() => page.getByRole('button', { name: new RegExp(`^Edit ${BULK}`) }).count()).toBe(1);
    await tokenRow(page, changed.name).waitFor();
    // The list above shows the others gone; a few of their secrets are tried for real (the
    // server rate-limits an address that keeps presenting dead secrets).
    expect((await callPublicApi(suite.server.url, '/api/public/tokens/verify', changed.secret)).status).toBe(200);
    for (const token of [bulk[0]!, bulk[11]!, bulk[24]!]) {
      expect((await callPublicApi(suite.server.url, '/api/public/tokens/verify', token.secret)).status, token.name).toBe(401);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkTokenSpecs, insertTokens } from '../bench/server/seed';
import type { ConsoleHarness } from './support/console-harness';
import { E2E_ADMIN } from './support/reference-server';
import { type Suite, startSuite } from './support/suite';

const COUNT = 10_000;

// Flow 11: correctness with a large inventory (timings belong to `npm run bench`).
describe('flow 11: 10,000 tokens', () => {
  let suite: Suite;
  let ui: ConsoleHarness;
  let names: string[];

  beforeAll(async () => {
    suite = await startSuite('large');
    const seeded = await insertTokens(`${suite.dbDir}/wifox.db`, bulkTokenSpecs(COUNT), E2E_ADMIN.email);
    for (const token of seeded) suite.secrets.add(token.secret);
    names = seeded.map((token) => token.name);
    ui = await suite.open();
    await suite.signIn(ui);
  });
  afterAll(async () => {
    await suite?.close();
  });

  it('loads every token, renders only a window of rows, scrolls to the end and filters', async () => {
    const { page } = ui;
    const demoTokens = 12;
    await page.getByRole('status').filter({ hasText: `${COUNT + demoTokens} tokens` }).waitFor({ timeout: 60_000 });
    const rendered = await page.locator('.ant-table-row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(200);

    const lastName = [...names, 'WebhookListener'].sort((a, b) => a.localeCompare(b)).at(-1) ?? '';
    const holder = page.locator('.ant-table-tbody-virtual-holder');
    await holder.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await page.getByRole('button', { name: `Edit ${lastName}`, exact: true }).waitFor();

    const target = names[4321] ?? '';
    await page.getByLabel('Search tokens').fill(target);
    await page.getByRole('status').filter({ hasText: `1 of ${COUNT + demoTokens} tokens` }).waitFor();
    await page.getByRole('button', { name: `Edit ${target}`, exact: true }).waitFor();

    await page.getByLabel('Search tokens').fill('billing sync');
    const expected = names.filter((name) => name.toLowerCase().includes('billing sync')).length;
    expect(expected).toBeGreaterThan(0);
    await page.getByRole('status').filter({ hasText: `${expected} of ${COUNT + demoTokens} tokens` }).waitFor();
    expect(suite.leaks()).toEqual([]);
  });
});

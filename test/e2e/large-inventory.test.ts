import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkTokenSpecs, insertTokens } from '../bench/server/seed';
import type { ConsoleHarness } from './support/console-harness';
import { adminLogin } from './support/public-api';
import { E2E_ADMIN } from './support/reference-server';
import { type Suite, startSuite } from './support/suite';

const COUNT = 10_000;
const DEMO_TOKENS = 12;

// Another administrator, straight over the admin API: what the console did not see happen.
async function behindTheConsole(baseUrl: string) {
  const accessToken = await adminLogin(baseUrl, E2E_ADMIN.email, E2E_ADMIN.password);
  const call = async <T>(method: string, path: string, body?: unknown, version?: number): Promise<T> => {
    const response = await fetch(new URL(path, baseUrl), {
      method,
      headers: {
        Authorization: `Bearer ${accessToken}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(version === undefined ? {} : { 'If-Match': `"${version}"` }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? null : await response.json()) as T;
  };
  type Token = { id: number; name: string; version: number; roleId: number };
  const byName = async (name: string): Promise<Token> => {
    const page = await call<{ items: Token[] }>('GET', `/api/admin/identification-tokens?search=${encodeURIComponent(name)}`);
    const found = page.items.find((token) => token.name === name);
    if (!found) throw new Error(`no token ${name}`);
    return found;
  };
  const roles = await call<{ items: { id: number; name: string; version: number; rights: Record<string, unknown> }[] }>('GET', '/api/admin/roles');
  const role = (name: string) => {
    const found = roles.items.find((item) => item.name === name);
    if (!found) throw new Error(`no role ${name}`);
    return found;
  };
  return { call, byName, role };
}

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
    // Both flows start from the whole list loaded, whichever runs first (the suite shuffles);
    // the search box waits for it.
    await ui.page.getByRole('status').filter({ hasText: `${COUNT + DEMO_TOKENS} tokens` }).waitFor({ timeout: 90_000 });
  });
  afterAll(async () => {
    await suite?.close();
  });

  it('loads every token, renders only a window of rows, scrolls to the end and filters', async () => {
    const { page } = ui;
    const demoTokens = DEMO_TOKENS;
    await page.getByLabel('Search tokens').fill('');
    await page.getByRole('status').filter({ hasText: new RegExp(`^${COUNT + demoTokens} tokens`) }).waitFor();
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

  it('syncs the cached 10,000 with exactly what changed behind the console', async () => {
    const total = COUNT + DEMO_TOKENS;
    const { page } = ui;
    const search = page.getByLabel('Search tokens');
    // The whole list loaded once: main keeps it (and its change cursor) as the cached inventory.
    await search.fill('');
    await page.getByRole('status').filter({ hasText: `${total} tokens` }).waitFor({ timeout: 60_000 });

    const api = await behindTheConsole(suite.server.url);
    const created = await api.call<{ secret: string }>('POST', '/api/admin/identification-tokens', {
      name: 'CreatedBehindTheConsole',
      roleId: api.role('Agent').id,
      whitelist: ['198.51.100.99'],
    });
    suite.secrets.add(created.secret);
    const edited = await api.byName('BackendAutomation');
    await api.call('PATCH', `/api/admin/identification-tokens/${edited.id}`, { whitelist: ['10.99.0.0/16'] }, edited.version);
    await api.call('DELETE', `/api/admin/identification-tokens/${(await api.byName('PostmanUser')).id}`);
    const analytics = api.role('Analytics Only');
    await api.call('PATCH', `/api/admin/roles/${analytics.id}`, { rights: { ...analytics.rights, logs: { view: 'all', manage: [] } } }, analytics.version);

    // Coming back to the window asks main for what changed since the cached inventory.
    await search.fill('CreatedBehindTheConsole');
    await page.getByRole('status').filter({ hasText: `0 of ${total} tokens` }).waitFor();
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    // One created and one deleted: the same count.
    await page.getByRole('status').filter({ hasText: `1 of ${total} tokens` }).waitFor({ timeout: 60_000 });
    const row = async (name: string): Promise<string> => {
      await search.fill(name);
      await page.getByRole('status').filter({ hasText: `1 of ${total} tokens` }).waitFor();
      return (await page.locator('.ant-table-row').filter({ hasText: name }).textContent()) ?? '';
    };
    expect(await row('CreatedBehindTheConsole')).toContain('198.51.100.99');
    expect(await row('BackendAutomation')).toContain('10.99.0.0/16');
    expect(await row('ReportingScript')).toContain('Logs');
    // Nothing else moved.
    expect(await row('WebhookListener')).toContain('198.51.100.7');
    await search.fill('PostmanUser');
    await page.getByRole('status').filter({ hasText: `0 of ${total} tokens` }).waitFor();
    await search.fill('');
    expect(suite.leaks()).toEqual([]);
  });
});

import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import type { ConsoleHarness } from './support/console-harness';
import { adminLogin, callPublicApi } from './support/public-api';
import { E2E_ADMIN } from './support/reference-server';
import { type Suite, startSuite } from './support/suite';
import { section, settle } from './support/ui';

const ROLE = 'E2E Clients reader';
const TOKEN = 'RoleEditedE2E';

const moduleRow = (scope: Locator, module: string): Locator => scope.getByRole('row', { name: module, exact: true });

// Opens the role's panel and its edit drawer.
async function editRole(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: new RegExp(`^${ROLE}`) }).click();
  await page.getByRole('button', { name: `Edit ${ROLE}` }).click();
  const drawer = page.getByRole('dialog').filter({ hasText: `Edit Role — ${ROLE}` });
  await drawer.waitFor();
  await settle(page);
  return drawer;
}

async function saved(page: Page): Promise<void> {
  await page.getByText(`Role "${ROLE}" saved: its tokens use the new rights from their next request.`).waitFor();
  // Collapse the panel again, so the next edit starts from the same page.
  await page.getByRole('button', { name: new RegExp(`^${ROLE}`) }).click();
}

// Settings → Roles: a role defined and edited in the console changes what its token may do
// on the very next public request, with the same secret.
describe('roles, end to end', { shuffle: false }, () => {
  let suite: Suite;
  let ui: ConsoleHarness;
  let page: Page;
  let secret = '';

  beforeAll(async () => {
    suite = await startSuite('roles');
    ui = await suite.openSignedIn();
    page = ui.page;
  });
  afterEach(async (context) => {
    expect(await suite.afterFlow(context.task, page)).toEqual([]);
  });
  afterAll(async () => {
    await suite?.close();
  });

  it('defines a role with View all on Clients, and a token holding it reads Clients', async () => {
    await section(page, 'Roles');
    await page.getByRole('button', { name: '+ Add' }).click();
    const add = page.getByRole('dialog').filter({ hasText: 'Add Role' });
    await add.waitFor();
    await settle(page);
    await add.getByRole('textbox', { name: 'Name' }).fill(ROLE);
    await moduleRow(add, 'Clients').getByText('View all', { exact: true }).click();
    await add.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`Role "${ROLE}" added.`).waitFor();

    // The token is made through the admin API: the console's token flows have their own tests.
    const access = await adminLogin(suite.server.url, E2E_ADMIN.email, E2E_ADMIN.password);
    const auth = { Authorization: `Bearer ${access}`, 'Content-Type': 'application/json' };
    const roles = (await (await fetch(new URL('/api/admin/roles', suite.server.url), { headers: auth })).json()) as { items: { id: number; name: string }[] };
    const roleId = roles.items.find((role) => role.name === ROLE)?.id;
    const created = await fetch(new URL('/api/admin/identification-tokens', suite.server.url), {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: TOKEN, roleId }),
    });
    expect(created.status).toBe(201);
    secret = ((await created.json()) as { secret: string }).secret;
    suite.secrets.add(secret);
    expect((await callPublicApi(suite.server.url, '/api/public/clients', secret)).status).toBe(200);
  });

  it('takes View on Clients away: the editor says the token loses Clients, and the same secret is refused at once', async () => {
    const drawer = await editRole(page);
    await moduleRow(drawer, 'Clients').getByText('None', { exact: true }).click();
    await moduleRow(drawer, 'Logs').getByText('View all', { exact: true }).click();
    const impact = drawer.getByLabel('Effect on tokens');
    await expect.poll(() => impact.textContent()).toContain('1 token will lose Clients, KYC Documents, Requests.');
    await expect.poll(() => impact.textContent()).toContain(TOKEN);
    await settle(page);
    expect(await seriousViolations(page)).toEqual([]);
    await drawer.getByRole('button', { name: 'Save' }).click();
    await saved(page);

    expect(await callPublicApi(suite.server.url, '/api/public/clients', secret)).toMatchObject({ status: 403, body: { code: 'insufficient_rights' } });
    expect((await callPublicApi(suite.server.url, '/api/public/logs', secret)).status).toBe(200);
  });

  it('gives View on Clients back: the same secret reads Clients again', async () => {
    const drawer = await editRole(page);
    await moduleRow(drawer, 'Clients').getByText('View own', { exact: true }).click();
    await expect.poll(() => drawer.getByLabel('Effect on tokens').textContent()).toContain('1 token will gain Clients, KYC Documents, Requests.');
    await drawer.getByRole('button', { name: 'Save' }).click();
    await saved(page);
    expect((await callPublicApi(suite.server.url, '/api/public/clients', secret)).status).toBe(200);
  });
});

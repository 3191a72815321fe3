import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatDisplayDate, todayIn } from '../../shared/domain';
import { adminApi } from './support/admin-api';
import type { ConsoleHarness } from './support/console-harness';
import { adminLogin } from './support/public-api';
import { E2E_ADMIN } from './support/reference-server';
import { type Suite, startSuite } from './support/suite';
import { chooseRole, searchFor, section, settle, tokenRow } from './support/ui';

const drawer = (page: Page, title: string | RegExp): Locator => page.getByRole('dialog').filter({ hasText: title });
const OWNED = 'LedgerSyncE2E';

// Issue 17: an owner set in the console finds the token; a 30-day maximum lifetime refuses a
// token without expiry, naming the rule in the drawer and in the API's answer.
describe('owner and token policy, end to end', { shuffle: false }, () => {
  let suite: Suite;
  let ui: ConsoleHarness;
  let page: Page;

  beforeAll(async () => {
    suite = await startSuite('owner-policy');
    const api = await adminApi(suite.server.url);
    suite.secrets.add((await api.createToken(OWNED, 'Clients, Actions, Logs', ['203.0.113.0/24'])).secret);
    ui = await suite.openSignedIn();
    page = ui.page;
  });
  afterEach(async (context) => {
    expect(await suite.afterFlow(context.task, page)).toEqual([]);
  });
  afterAll(async () => {
    await suite?.close();
  });

  it('sets an owner in the edit drawer and finds the token by it', async () => {
    await searchFor(page, OWNED);
    await tokenRow(page, OWNED).getByRole('button', { name: `Edit ${OWNED}`, exact: true }).click();
    const edit = drawer(page, 'Edit Identification Token');
    await edit.getByRole('textbox', { name: 'Owner' }).waitFor();
    await settle(page);
    await edit.getByRole('textbox', { name: 'Owner' }).fill('Ledger Team');
    await edit.getByRole('button', { name: 'Save', exact: true }).click();
    await edit.waitFor({ state: 'detached' });

    await searchFor(page, 'ledger team');
    await tokenRow(page, OWNED).waitFor();
    await searchFor(page, 'nobody-owns-this');
    await tokenRow(page, OWNED).waitFor({ state: 'detached' });
    await searchFor(page, '');
  });

  it('sets a 30-day maximum lifetime: the drawer names the rule and the API refuses a token without expiry', async () => {
    const auth = { Authorization: `Bearer ${await adminLogin(suite.server.url, E2E_ADMIN.email, E2E_ADMIN.password)}` };
    const putPolicy = (maxLifetimeDays: number | null) =>
      fetch(new URL('/api/admin/settings/token-policy', suite.server.url), {
        method: 'PUT',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ maxLifetimeDays, requireWhitelist: false, widestIpv4Prefix: null, widestIpv6Prefix: null }),
      });
    const latest = formatDisplayDate(addDays(todayIn('UTC', new Date()), 30));
    const rule = `Token policy: maximum lifetime 30 days: an expiry date is required, on or before ${latest}.`;
    const fill = async (add: Locator, name: string) => {
      await add.getByLabel('Name').fill(name);
      await chooseRole(page, add, 'Clients, Actions, Logs');
      await add.getByRole('button', { name: '+ New IP' }).click();
      await add.getByLabel('IP address 1', { exact: true }).fill('203.0.113.7');
    };
    const discard = async (add: Locator) => {
      await add.getByRole('button', { name: 'Cancel' }).click();
      // Not while the confirmation still zooms in: a click then can land on nothing.
      await settle(page);
      await page.getByRole('button', { name: 'Discard', exact: true }).click();
      await add.waitFor({ state: 'detached' });
    };

    // Another admin sets the policy while the drawer is open: the server's refusal names the
    // rule on the expiry field, and what was typed stays.
    await page.getByRole('button', { name: '+ Add' }).click();
    let add = drawer(page, 'Add Identification Token');
    await fill(add, 'NoExpiryE2E');
    expect((await putPolicy(30)).status).toBe(200);
    await add.getByRole('button', { name: 'Generate token' }).click();
    await add.getByText(rule).first().waitFor();
    expect(await add.getByLabel('Name').inputValue()).toBe('NoExpiryE2E');
    await discard(add);
    expect((await putPolicy(null)).status).toBe(200);

    // Set in Settings → Token policy: the drawer shows the rule before anything is typed.
    await section(page, 'Token policy');
    await page.getByRole('checkbox', { name: 'Limit the lifetime of tokens' }).check();
    await page.getByRole('spinbutton', { name: 'Maximum lifetime in days' }).fill('30');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await page.getByText('The token policy was saved. It applies to tokens created or edited from now on.').waitFor();

    await section(page, 'Identification tokens');
    await page.getByRole('button', { name: '+ Add' }).click();
    add = drawer(page, 'Add Identification Token');
    await add.getByText(rule).first().waitFor();
    await fill(add, 'NoExpiryE2E');
    expect(await add.getByRole('button', { name: 'Generate token' }).isDisabled()).toBe(true);
    await discard(add);

    // The same token sent straight to the API: refused, the rule named in code, message and field.
    const roles = (await (await fetch(new URL('/api/admin/roles', suite.server.url), { headers: auth })).json()) as { items: { id: number; name: string }[] };
    const roleId = roles.items.find((role) => role.name === 'Clients, Actions, Logs')?.id;
    const response = await fetch(new URL('/api/admin/identification-tokens', suite.server.url), {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'NoExpiryByApi', roleId, whitelist: ['203.0.113.7'] }),
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { code: string; message: string; details: { field: string; message: string }[] };
    expect(body.code).toBe('policy_violation');
    expect(body.message).toBe(rule);
    expect(body.details).toEqual([{ field: 'expiresOn', message: rule }]);
  });
});

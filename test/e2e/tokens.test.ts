import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/db/open';
import { addDays, formatDisplayDate, todayIn } from '../../shared/domain';
import type { ConsoleHarness } from './support/console-harness';
import { adminLogin, callPublicApi } from './support/public-api';
import { E2E_ADMIN } from './support/reference-server';
import { type Suite, startSuite } from './support/suite';
import { chooseRole, searchFor, settle, tokenRow as row } from './support/ui';

const drawer = (page: Page, title: string): Locator => page.getByRole('dialog').filter({ hasText: title });

const NAME = 'FraudVendorE2E';

// Flows 2–8 of the end-to-end issue, in order: each builds on the token the previous one left.
describe('identification tokens, end to end', { shuffle: false }, () => {
  let suite: Suite;
  let ui: ConsoleHarness;
  let page: Page;
  let secret = '';

  beforeAll(async () => {
    suite = await startSuite('tokens');
    ui = await suite.openSignedIn();
    page = ui.page;
  });
  afterEach(async (context) => {
    expect(await suite.afterFlow(context.task, page)).toEqual([]);
  });
  afterAll(async () => {
    await suite?.close();
  });

  it('flow 2: adds a token, reveals its secret once, copies it, and the secret works as restricted', async () => {
    await page.getByRole('button', { name: '+ Add' }).click();
    const add = drawer(page, 'Add Identification Token');
    await add.getByLabel('Name').fill(NAME);
    await chooseRole(page, add, 'Clients, Actions, Logs');
    await expect.poll(() => add.getByTestId('role-preview').textContent()).toContain('Clients, Actions, Logs'.split(', ')[0]);
    await add.getByRole('button', { name: '+ New IP' }).click();
    await add.getByLabel('IP address 1', { exact: true }).fill('127.0.0.2');
    await add.getByRole('button', { name: '+ New IP' }).click();
    await add.getByLabel('IP address 2', { exact: true }).fill('127.0.0.0/30');
    await add.getByLabel('Expired Date').click();
    await page.getByText(/^In 30 days — until /).click();
    const expected = formatDisplayDate(addDays(todayIn('UTC', new Date()), 30));
    await expect.poll(() => add.getByLabel('Expired Date').inputValue()).toBe(expected);
    await add.getByRole('button', { name: 'Generate token' }).click();

    const reveal = page.getByRole('dialog').filter({ hasText: `Token generated: ${NAME}` });
    secret = await reveal.getByLabel('Token secret').inputValue();
    suite.secrets.add(secret);
    expect(secret).toMatch(/^wfx_[0-9A-Za-z]{38}$/);
    // Not while the dialog still zooms in: a click then can land on nothing.
    await settle(page);
    await reveal.getByRole('button', { name: 'Copy' }).click();
    await reveal.getByText('Copied — the clipboard clears in 30 s').waitFor();
    expect(await ui.clipboard.readText()).toBe(secret);
    await reveal.getByRole('button', { name: 'Close' }).click();
    await reveal.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(secret);

    const created = row(page, NAME);
    await created.waitFor();
    expect(await created.textContent()).toContain('127.0.0.0/30');
    expect(await created.textContent()).toContain(expected);

    const allowed = await callPublicApi(suite.server.url, '/api/public/clients', secret, '127.0.0.2');
    expect(allowed.status).toBe(200);
    const elsewhere = await callPublicApi(suite.server.url, '/api/public/clients', secret, '127.0.0.9');
    expect(elsewhere).toMatchObject({ status: 403, body: { code: 'ip_not_allowed' } });
    const noRight = await callPublicApi(suite.server.url, '/api/public/cb-accounts', secret, '127.0.0.2');
    expect(noRight).toMatchObject({ status: 403, body: { code: 'insufficient_rights' } });
  });

  it('flow 3: a role change gives the same secret new rights, without a new secret', async () => {
    const before = await callPublicApi(suite.server.url, '/api/public/cb-accounts', secret, '127.0.0.2');
    expect(before.status).toBe(403);
    await page.getByRole('button', { name: `Edit ${NAME}`, exact: true }).click();
    const edit = drawer(page, 'Edit Identification Token');
    await chooseRole(page, edit, 'Full CB Access');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });

    await expect.poll(async () => (await row(page, NAME).textContent()) ?? '').toContain('CB Accounts');
    const after = await callPublicApi(suite.server.url, '/api/public/cb-accounts', secret, '127.0.0.2');
    expect(after.status).toBe(200);
    const listed = (await ui.services.tokens.list()).items.find((token) => token.name === NAME);
    expect(listed?.secretHint).toBe(secret.slice(0, 8));
  });

  it('flow 4: removes a whitelist entry and clears the expiry', async () => {
    await page.getByRole('button', { name: `Edit ${NAME}`, exact: true }).click();
    const edit = drawer(page, 'Edit Identification Token');
    await edit.getByRole('button', { name: 'Remove IP address 2' }).click();
    await edit.getByLabel('Expired Date').hover();
    await edit.getByRole('button', { name: 'Clear' }).click();
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });

    await expect.poll(async () => (await row(page, NAME).textContent()) ?? '').not.toContain('127.0.0.0/30');
    const token = (await ui.services.tokens.list()).items.find((item) => item.name === NAME);
    expect(token).toMatchObject({ whitelist: ['127.0.0.2'], expiresOn: null });
    expect((await callPublicApi(suite.server.url, '/api/public/clients', secret, '127.0.0.3')).status).toBe(403);
  });

  it('flow 5: validation messages appear on their fields and nothing is sent', async () => {
    await page.getByRole('button', { name: '+ Add' }).click();
    const add = drawer(page, 'Add Identification Token');
    await add.getByLabel('Name').fill(NAME.toLowerCase());
    await add.getByRole('button', { name: '+ New IP' }).click();
    await add.getByLabel('IP address 1', { exact: true }).fill('999.1.1.1');
    await add.getByRole('button', { name: '+ New IP' }).click();
    await add.getByLabel('IP address 2', { exact: true }).fill('192.168.1.5/24');
    await add.getByLabel('Expired Date').fill('01/01/2020');
    await add.getByLabel('Name').click();

    await add.getByText(/already/i).first().waitFor();
    await add.getByRole('button', { name: 'Use 192.168.1.0/24' }).waitFor();
    expect(await add.getByLabel('IP address 1', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await add.getByText(/past|before today/i).first().waitFor();
    const callsBefore = ui.calls.filter((call) => call === 'tokens.create').length;
    const generate = add.getByRole('button', { name: 'Generate token' });
    if (await generate.isEnabled()) await generate.click();
    expect(ui.calls.filter((call) => call === 'tokens.create').length).toBe(callsBefore);
    expect(callsBefore).toBe(1);

    await add.getByRole('button', { name: 'Cancel' }).click();
    const discard = page.getByRole('button', { name: /discard/i });
    if (await discard.isVisible().catch(() => false)) await discard.click();
    await add.waitFor({ state: 'detached' });
  });

  it('flow 7: a token changed behind the console shows the 412 path and keeps the edit', async () => {
    await page.getByRole('button', { name: `Edit ${NAME}`, exact: true }).click();
    const edit = drawer(page, 'Edit Identification Token');
    await edit.getByLabel('Name').fill(`${NAME}Renamed`);

    const token = (await ui.services.tokens.list()).items.find((item) => item.name === NAME);
    const access = await adminLogin(suite.server.url, E2E_ADMIN.email, E2E_ADMIN.password);
    const behind = await fetch(new URL(`/api/admin/identification-tokens/${token?.id}`, suite.server.url), {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${access}`, 'Content-Type': 'application/json', 'If-Match': `"${token?.version}"` },
      body: JSON.stringify({ whitelist: ['127.0.0.2', '127.0.0.4'] }),
    });
    expect(behind.status).toBe(200);

    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.getByText('Someone else changed this token since you opened it.').waitFor();
    await edit.getByRole('button', { name: 'Reload token' }).click();
    expect(await edit.getByLabel('Name').inputValue()).toBe(`${NAME}Renamed`);
    await expect.poll(() => edit.getByLabel('IP address 2', { exact: true }).inputValue()).toBe('127.0.0.4');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await row(page, `${NAME}Renamed`).waitFor();
  });

  it('flow 8: the server revokes the session while a drawer is open; signing in again keeps the input', async () => {
    await page.getByRole('button', { name: '+ Add' }).click();
    const add = drawer(page, 'Add Identification Token');
    await add.getByLabel('Name').fill('TypedBeforeRevocation');
    await add.getByRole('button', { name: '+ New IP' }).click();
    await add.getByLabel('IP address 1', { exact: true }).fill('127.0.0.5');

    const db = openDatabase(`${suite.dbDir}/wifox.db`);
    try {
      db.prepare('UPDATE sessions SET revoked_at = ?, revoked_reason = ? WHERE revoked_at IS NULL').run(new Date().toISOString(), 'e2e');
      db.prepare('DELETE FROM access_tokens').run();
    } finally {
      db.close();
    }

    await chooseRole(page, add, 'Read-only Clients');
    await add.getByRole('button', { name: 'Generate token' }).click();
    const prompt = page.getByRole('dialog', { name: 'Sign in again' });
    await prompt.waitFor();
    await prompt.getByLabel('Password').fill(E2E_ADMIN.password);
    await prompt.getByRole('button', { name: 'Sign in' }).click();
    await prompt.waitFor({ state: 'detached' });

    expect(await add.getByLabel('Name').inputValue()).toBe('TypedBeforeRevocation');
    expect(await add.getByLabel('IP address 1', { exact: true }).inputValue()).toBe('127.0.0.5');
    await add.getByRole('button', { name: 'Generate token' }).click();
    const reveal = page.getByRole('dialog').filter({ hasText: 'Token generated: TypedBeforeRevocation' });
    suite.secrets.add(await reveal.getByLabel('Token secret').inputValue());
    // Not while the dialog still zooms in: a click then can land on nothing.
    await settle(page);
    await reveal.getByRole('button', { name: 'Copy' }).click();
    // Close before the copy is confirmed asks "Close without copying?" instead.
    await reveal.getByText(/^Copied/).waitFor();
    await reveal.getByRole('button', { name: 'Close' }).click();
    await searchFor(page, 'TypedBeforeRevocation');
    await row(page, 'TypedBeforeRevocation').waitFor();
  });

  it('flow 6: Cancel keeps the token; Delete removes it and its secret is refused at once', async () => {
    const name = `${NAME}Renamed`;
    await searchFor(page, name);
    await page.getByRole('button', { name: `Delete ${name}`, exact: true }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: 'Are you sure? This action cannot be undone.' });
    await settle(page);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await callPublicApi(suite.server.url, '/api/public/cb-accounts', secret, '127.0.0.2')).status).toBe(200);

    await page.getByRole('button', { name: `Delete ${name}`, exact: true }).click();
    await settle(page);
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await row(page, name).waitFor({ state: 'detached' });
    const refused = await callPublicApi(suite.server.url, '/api/public/cb-accounts', secret, '127.0.0.2');
    expect(refused).toMatchObject({ status: 401, body: { code: 'X-0005' } });
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from './support/admin-api';
import { seriousViolations } from './support/axe';
import type { ConsoleHarness } from './support/console-harness';
import { callPublicApi } from './support/public-api';
import { type Suite, startSuite } from './support/suite';
import { pick, section } from './support/ui';

const GONE = 'AuditE2E gone';
const FROM = '127.0.0.9';

// Issue 17, Security → Audit log: a real request with a deleted token's secret is refused by
// the reference server, and the admin finds that attempt in the console and filters to it.
describe('audit log, end to end', { shuffle: false }, () => {
  let suite: Suite;
  let ui: ConsoleHarness;
  let page: Page;

  beforeAll(async () => {
    suite = await startSuite('audit');
    const api = await adminApi(suite.server.url);
    const gone = await api.createToken(GONE, 'Read-only Clients');
    suite.secrets.add(gone.secret);
    await api.deleteToken(gone.token.id);
    const refused = await callPublicApi(suite.server.url, '/api/public/clients', gone.secret, FROM);
    expect(refused).toMatchObject({ status: 401, body: { code: 'X-0005' } });
    ui = await suite.openSignedIn();
    page = ui.page;
  });
  afterEach(async (context) => {
    expect(await suite.afterFlow(context.task, page)).toEqual([]);
  });
  afterAll(async () => {
    await suite?.close();
  });

  it('finds the refused request made with a deleted token, grouped and filtered', async () => {
    await section(page, 'Audit log');
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    const sentence = `A request from ${FROM} was refused: it used the secret of deleted token “${GONE}”.`;

    // Grouped refusals of the last 24 hours name the address and the deleted token.
    const group = page.getByRole('button', { name: `${FROM} tried a deleted token once` });
    await page.getByText(`“${GONE}” (deleted) was tried once from 1 address`).waitFor();

    // Filter by hand: the action, the token's name and the address.
    await pick(page, page.getByRole('combobox', { name: 'Action' }), 'Request refused');
    await page.getByLabel('Token', { exact: true }).fill(GONE.toUpperCase());
    await page.getByLabel('Address', { exact: true }).fill(FROM);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const table = page.getByRole('table', { name: 'Audit events' });
    await table.getByText(sentence).waitFor();
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    // Another filter shows the token's creation and deletion, not the refusal.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Token', { exact: true }).fill(GONE);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await table.getByText('Deleted: applications using it are refused from now on.').waitFor();
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(3);

    // The group's link filters to its refusals.
    await group.click();
    await expect.poll(() => page.getByLabel('Address', { exact: true }).inputValue()).toBe(FROM);
    await table.getByText(sentence).waitFor();
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(1);

    // The CSV export of what is shown, through main's save dialog.
    const csv = join(suite.root, 'audit.csv');
    ui.dialogs.saves.push(csv);
    await page.getByRole('button', { name: 'Export CSV…' }).click();
    await page.getByText(`1 event exported to ${csv}.`).waitFor();
    const lines = readFileSync(csv, 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`token.denied,${GONE},token,${GONE}`);
    expect(lines[1]).toContain(`${FROM},unknown_token:deleted`);

    // The window kept for offline use is on disk, with the refusal and without any secret.
    const folder = join(suite.userDataDir, 'audit');
    await expect.poll(() => existsSync(folder) && readdirSync(folder).length).toBe(1);
    const cached = readFileSync(join(folder, readdirSync(folder)[0] ?? ''), 'utf8');
    expect(cached).toContain('unknown_token:deleted');
  });
});

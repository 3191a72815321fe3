import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleHarness } from './support/console-harness';
import { adminApi } from './support/admin-api';
import { seriousViolations } from './support/axe';
import { callPublicApi } from './support/public-api';
import { type Suite, startSuite } from './support/suite';
import { searchFor, section, settle, tokenRow } from './support/ui';

const drawer = (page: Page, title: string): Locator => page.getByRole('dialog').filter({ hasText: title });
const ROTATED = 'RotateE2E';

// Issue 16, parts 2 and 3: rotate a secret with an overlap, end it; find leaked secrets in a
// pasted text and revoke the live ones. Real server, real main process, real Chromium.
describe('secret rotation and leaked-secret response, end to end', { shuffle: false }, () => {
  let suite: Suite;
  let ui: ConsoleHarness;
  let page: Page;
  const live: string[] = [];
  let deleted = '';
  let rotatedOld = '';

  beforeAll(async () => {
    suite = await startSuite('rotation');
    const api = await adminApi(suite.server.url);
    rotatedOld = (await api.createToken(ROTATED, 'Read-only Clients')).secret;
    for (const name of ['LeakedE2E one', 'LeakedE2E two']) live.push((await api.createToken(name, 'Read-only Clients', ['127.0.0.0/8'])).secret);
    const gone = await api.createToken('LeakedE2E gone', 'Read-only Clients');
    deleted = gone.secret;
    await api.deleteToken(gone.token.id);
    for (const secret of [rotatedOld, ...live, deleted]) suite.secrets.add(secret);
    ui = await suite.openSignedIn();
    page = ui.page;
  });
  afterEach(async (context) => {
    expect(await suite.afterFlow(context.task, page)).toEqual([]);
  });
  afterAll(async () => {
    await suite?.close();
  });

  it('rotates with a 1-hour overlap: both secrets work, then ending the overlap refuses the old one', async () => {
    // The list is virtualised: the row is drawn once searched for.
    await searchFor(page, ROTATED);
    await page.getByRole('button', { name: `Edit ${ROTATED}`, exact: true }).click();
    const edit = drawer(page, 'Edit Identification Token');
    await edit.getByRole('button', { name: 'Rotate secret' }).click();
    const ask = page.getByRole('dialog').filter({ hasText: `Rotate the secret of ${ROTATED}` });
    await settle(page);
    await ask.getByRole('radio', { name: '1 hour' }).check();
    await ask.getByRole('button', { name: 'Rotate secret' }).click();

    const reveal = page.getByRole('dialog').filter({ hasText: `New secret for ${ROTATED}` });
    const fresh = await reveal.getByLabel('Token secret').inputValue();
    suite.secrets.add(fresh);
    expect(fresh).toMatch(/^wfx_[0-9A-Za-z]{38}$/);
    expect(fresh).not.toBe(rotatedOld);
    // Not while the dialog still zooms in: a click then can land on nothing.
    await settle(page);
    await reveal.getByRole('button', { name: 'Copy' }).click();
    await reveal.getByText(/^Copied/).waitFor();
    await reveal.getByRole('button', { name: 'Close' }).click();
    await reveal.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(fresh);

    expect((await callPublicApi(suite.server.url, '/api/public/clients', rotatedOld)).status).toBe(200);
    expect((await callPublicApi(suite.server.url, '/api/public/clients', fresh)).status).toBe(200);
    await edit.getByText(/^rotating — old secret valid until \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/).waitFor();

    await edit.getByRole('button', { name: 'Cancel' }).click();
    await tokenRow(page, ROTATED).getByText(/^rotating — old secret valid until /).waitFor();

    await page.getByRole('button', { name: `Edit ${ROTATED}`, exact: true }).click();
    await edit.getByRole('button', { name: 'End overlap now' }).click();
    await edit.getByText(/^rotating — /).waitFor({ state: 'detached' });
    const refused = await callPublicApi(suite.server.url, '/api/public/clients', rotatedOld);
    expect(refused).toMatchObject({ status: 401, body: { code: 'X-0005' } });
    expect((await callPublicApi(suite.server.url, '/api/public/clients', fresh)).status).toBe(200);
    await edit.getByRole('button', { name: 'Cancel' }).click();
  });

  it('finds two live secrets, a deleted one and a forged one in a pasted text, and revokes the live ones in one action', async () => {
    const [one, two] = live as [string, string];
    const forged = `${one.slice(0, -1)}${one.endsWith('A') ? 'B' : 'A'}`;
    suite.secrets.add(forged);
    await section(page, 'Leaked secret');
    const text = `Found in a ticket:\nWIFOX_TOKEN=${one}\nold config: ${deleted}\nchat: "try ${forged}" then ${two}.`;
    await page.getByLabel('Text to check for leaked secrets').fill(text);
    await page.getByRole('button', { name: 'Find secrets' }).click();

    const table = page.getByRole('table', { name: 'Secrets found' });
    await table.waitFor();
    const rowOf = (hasText: string) => table.getByRole('row').filter({ hasText });
    await rowOf('LeakedE2E one').getByText('Live: this is the token’s current secret.').waitFor();
    expect(await rowOf('LeakedE2E one').textContent()).toContain('Read-only Clients');
    expect(await rowOf('LeakedE2E one').textContent()).toContain('127.0.0.0/8');
    await rowOf('LeakedE2E two').getByText('Live', { exact: true }).waitFor();
    await rowOf('Already revoked').getByText(/the token “LeakedE2E gone” was deleted/).waitFor();
    await rowOf('Malformed').waitFor();
    expect(await table.textContent()).not.toContain(one.slice(8));
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Delete chosen tokens' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Delete' }).click();
    await page.getByText('“LeakedE2E one” deleted.', { exact: false }).waitFor();
    await page.getByText('“LeakedE2E two” deleted.', { exact: false }).waitFor();

    for (const secret of [one, two]) {
      expect(await callPublicApi(suite.server.url, '/api/public/clients', secret)).toMatchObject({ status: 401, body: { code: 'X-0005' } });
    }
  });
});

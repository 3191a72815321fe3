import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nodeSha256Hex } from '../../main/inventory/sha256';
import { parseSnapshotText } from '../../shared/inventory';
import type { ConsoleHarness } from './support/console-harness';
import { adminLogin } from './support/public-api';
import { E2E_ADMIN } from './support/reference-server';
import { type Suite, startSuite } from './support/suite';
import { pick, section } from './support/ui';

describe('offline mode and offline review', { shuffle: false }, () => {
  let suite: Suite;
  let ui: ConsoleHarness;
  let page: Page;

  beforeAll(async () => {
    suite = await startSuite('offline');
    ui = await suite.openSignedIn();
    page = ui.page;
  });
  afterEach(async (context) => {
    expect(await suite.afterFlow(context.task, page)).toEqual([]);
  });
  afterAll(async () => {
    await suite?.close();
  });

  it('flow 9: with the server stopped the cached inventory is shown read-only; live data returns by itself', async () => {
    await suite.server.stop();
    // Coming back to the list reloads it, and the server does not answer.
    await section(page, 'Roles');
    await section(page, 'Identification tokens');
    const banner = page.getByText(/^Offline — inventory as of \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await banner.waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Edit NewIdentForTest', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '+ Add' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Delete NewIdentForTest', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('status', { name: 'Connection: offline' }).waitFor();

    await suite.server.restart();
    // Main retries in the background (first after 5 s) and the console returns to live data.
    await banner.waitFor({ state: 'detached', timeout: 40_000 });
    await page.getByRole('status', { name: 'Connection: online' }).waitFor();
    expect(await page.getByRole('button', { name: '+ Add' }).isEnabled()).toBe(true);
  });

  it('flow 10: exports a snapshot and a CSV, opens the snapshot without a server, compares it with live data', async () => {
    await section(page, 'Inventory review');
    const exportAs = async (format: 'Snapshot (JSON)' | 'CSV (spreadsheet)', path: string) => {
      ui.dialogs.saves.push(path);
      await page.getByRole('button', { name: 'Export inventory…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export inventory' });
      await dialog.getByRole('radio', { name: format }).check();
      await dialog.getByRole('button', { name: 'Export' }).click();
      await page.getByText(`Inventory exported to ${path}`).waitFor();
      await dialog.waitFor({ state: 'detached' }).catch(() => undefined);
    };
    const snapshotPath = join(suite.root, 'review.json');
    const csvPath = join(suite.root, 'review.csv');
    await exportAs('Snapshot (JSON)', snapshotPath);
    await exportAs('CSV (spreadsheet)', csvPath);

    const parsed = await parseSnapshotText(readFileSync(snapshotPath, 'utf8'), nodeSha256Hex);
    expect(parsed.ok).toBe(true);
    const tokenCount = parsed.ok ? parsed.snapshot.tokens.length : 0;
    expect(tokenCount).toBeGreaterThanOrEqual(12);
    const csvLines = readFileSync(csvPath, 'utf8').trim().split(/\r\n/);
    expect(csvLines).toHaveLength(tokenCount + 1);
    expect(csvLines[0]).toContain('Name');

    await suite.server.stop();
    ui.dialogs.opens.push(snapshotPath);
    await page.getByRole('button', { name: 'Open inventory…' }).click();
    const details = page.getByRole('region', { name: 'Inventory details' });
    await details.waitFor();
    expect(await details.textContent()).toContain(suite.server.url);
    await page.getByRole('button', { name: /NewIdentForTest/ }).first().waitFor();

    await suite.server.restart();
    const access = await adminLogin(suite.server.url, E2E_ADMIN.email, E2E_ADMIN.password);
    const created = await fetch(new URL('/api/admin/identification-tokens', suite.server.url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${access}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'AddedAfterSnapshot', roleId: parsed.ok ? parsed.snapshot.roles[0]?.id : 0 }),
    });
    expect(created.status).toBe(201);
    suite.secrets.add(((await created.json()) as { secret: string }).secret);

    // The live inventory is offered again once the console sees the server back.
    await page.getByRole('status', { name: 'Connection: online' }).waitFor({ timeout: 40_000 });
    await page.getByRole('tab', { name: 'Compare' }).click();
    await pick(page, page.getByRole('combobox', { name: 'Earlier inventory' }), /^review\.json \(/);
    await pick(page, page.getByRole('combobox', { name: 'Later inventory' }), /^Live inventory/);
    await page.getByRole('button', { name: 'Compare' }).click();
    const added = page.getByRole('region', { name: 'Added tokens' });
    await added.waitFor({ timeout: 30_000 });
    expect(await added.textContent()).toContain('AddedAfterSnapshot');
    expect(existsSync(snapshotPath)).toBe(true);
  });
});

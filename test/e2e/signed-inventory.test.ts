import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../server/src/db/open-store';
import type { SigningKeysResponse } from '../../shared/api/signing';
import { formatDisplayDate, todayIn } from '../../shared/domain';
import { canonicalJson, type InventorySnapshot } from '../../shared/inventory';
import { formatFingerprint } from '../../shared/inventory/signature';
import type { ConsoleHarness } from './support/console-harness';
import { findLeaks } from './support/leak-scan';
import { adminLogin } from './support/public-api';
import { E2E_ADMIN } from './support/reference-server';
import { type Suite, startSuite } from './support/suite';
import { section } from './support/ui';

describe('signed inventories', { shuffle: false }, () => {
  let suite: Suite;
  let ui: ConsoleHarness;
  let page: Page;

  beforeAll(async () => {
    suite = await startSuite('signed');
    ui = await suite.openSignedIn();
    page = ui.page;
  });
  afterEach(async (context) => {
    expect(await suite.afterFlow(context.task, page)).toEqual([]);
  });
  afterAll(async () => {
    await suite?.close();
  });

  it('flow: exports a signed inventory; one edited byte is refused while the untouched copy verifies with the server stopped', async () => {
    const published = (await (await fetch(new URL('/api/public/signing-keys', suite.server.url))).json()) as SigningKeysResponse;
    const current = published.keys.find((key) => key.keyId === published.currentKeyId);
    if (!current) throw new Error('no current signing key published');

    // The key was recorded at sign-in: its fingerprint is the server's.
    await section(page, 'Inventory review');
    await page.getByRole('tab', { name: 'Signing keys' }).click();
    const keys = page.getByRole('region', { name: 'Server signing keys' });
    await keys.getByText(formatFingerprint(current.fingerprint)).waitFor();
    expect(await keys.textContent()).toContain('Signs now');
    await page.getByRole('tab', { name: 'Review' }).click();

    const signedPath = join(suite.root, 'signed.json');
    ui.dialogs.saves.push(signedPath);
    await page.getByRole('button', { name: 'Export inventory…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export inventory' });
    await dialog.getByRole('radio', { name: 'Snapshot (JSON)' }).check();
    await dialog.getByRole('button', { name: 'Export' }).click();
    await page.getByText(`Inventory exported to ${signedPath}, signed by ${published.server}`).waitFor();
    await dialog.waitFor({ state: 'detached' }).catch(() => undefined);

    const text = readFileSync(signedPath, 'utf8');
    const snapshot = JSON.parse(text) as InventorySnapshot;
    expect(snapshot.signature?.keyId).toBe(current.keyId);

    // One byte of one token's name changed.
    const editedPath = join(suite.root, 'edited.json');
    const at = text.indexOf('"NewIdentForTest"') + 1;
    writeFileSync(editedPath, `${text.slice(0, at)}n${text.slice(at + 1)}`);
    // The same edit with the digest recomputed, as anyone could: only the signature shows it.
    const { digest: _digest, signature, ...content } = JSON.parse(readFileSync(editedPath, 'utf8')) as InventorySnapshot;
    const recomputed = createHash('sha256').update(canonicalJson(content)).digest('hex');
    const forgedPath = join(suite.root, 'forged.json');
    writeFileSync(forgedPath, JSON.stringify({ ...content, digest: { algorithm: 'SHA-256', value: recomputed }, signature }));

    await suite.server.stop();
    const open = async (path: string) => {
      ui.dialogs.opens.push(path);
      await page.getByRole('button', { name: 'Open inventory…' }).click();
    };

    await open(editedPath);
    const refused = page.getByRole('alert').filter({ hasText: 'The file could not be opened' });
    await refused.getByText(/no longer matches its SHA-256 digest/).waitFor();
    await open(forgedPath);
    await refused.getByText(/changed since the server signed it/).waitFor();

    await open(signedPath);
    const signedOn = formatDisplayDate(todayIn(snapshot.timeZone, new Date(snapshot.signature?.signedAt ?? '')));
    const banner = page.getByRole('status', { name: 'Signature' });
    await banner.getByText(`Signed by ${published.server} on ${signedOn}, unaltered`).waitFor();
    await page.getByRole('region', { name: 'Inventory details' }).waitFor();
    await suite.server.restart();

    // The private signing key stays in the server's database: not in the console's user data,
    // not in a log line, not in an audit row or an API answer.
    const store = await openStore(join(suite.dbDir, 'wifox.db'));
    const privateKeys = (await store.db.selectFrom('signing_keys').select('private_key').execute()).map((row) => row.private_key);
    await store.close();
    const seeds = privateKeys.map((key) => Buffer.from(key, 'base64').subarray(-32));
    const needles = [...privateKeys, ...seeds.map((seed) => seed.toString('hex')), ...seeds.map((seed) => seed.toString('base64').slice(0, 40))];
    const access = await adminLogin(suite.server.url, E2E_ADMIN.email, E2E_ADMIN.password);
    const audit = await (await fetch(new URL('/api/admin/audit-events?limit=500', suite.server.url), { headers: { Authorization: `Bearer ${access}` } })).text();
    expect(audit).toContain('inventory.signed');
    expect(findLeaks(needles, { dirs: [suite.userDataDir], logs: [...suite.server.logs, ...ui.logs, audit, JSON.stringify(published)] })).toEqual([]);
  });
});

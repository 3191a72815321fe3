import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startReferenceServer, E2E_ADMIN } from './support/reference-server';
import { REPO_ROOT } from './support/paths';
import { chooseRole } from './support/ui';

// The packaged shape for real, where Electron's binary exists. Its download comes from outside
// the package registries, so on machines without it this test reports itself skipped; every
// behaviour it touches is also covered by the Chromium suite with the real main-side services.
const electronBinary = (): string | null => {
  const pathFile = join(REPO_ROOT, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(REPO_ROOT, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
};

const binary = electronBinary();

describe('Electron smoke test', () => {
  it.skipIf(binary === null)('launches, signs in, lists, creates a token and reveals it once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wifox-electron-'));
    const server = await startReferenceServer(join(dir, 'wifox.db'));
    const app = await electron.launch({
      executablePath: binary ?? '',
      args: [join(REPO_ROOT, 'out/main/index.js'), `--user-data-dir=${join(dir, 'user-data')}`, '--no-sandbox'],
      env: { ...process.env, WIFOX_API_URL: server.url, WIFOX_DEMO_EMAIL: E2E_ADMIN.email },
    });
    try {
      const page = await app.firstWindow();
      await page.getByLabel('Password').fill(E2E_ADMIN.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Edit NewIdentForTest', exact: true }).waitFor();
      expect(await page.evaluate(() => Object.keys(window).includes('wifox'))).toBe(true);
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');

      await page.getByRole('button', { name: '+ Add' }).click();
      await page.getByLabel('Name').fill('ElectronSmoke');
      await chooseRole(page, page.locator('body'), 'Read-only Clients');
      await page.getByRole('button', { name: 'Generate token' }).click();
      const secret = await page.getByLabel('Token secret').inputValue();
      expect(secret).toMatch(/^wfx_[0-9A-Za-z]{38}$/);
      await page.getByRole('button', { name: 'Copy' }).click();
      // Close before the copy is confirmed asks "Close without copying?" instead.
      await page.getByText(/^Copied/).waitFor();
      await page.getByRole('button', { name: 'Close' }).click();
      expect(await page.content()).not.toContain(secret);
    } finally {
      await app.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

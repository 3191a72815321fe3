import { act, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { addDays, formatDisplayDate } from '../../../shared/domain';
import { FakeWifox, ROLES, seededFake, today } from '../fake-bridge';
import { choose, renderApp, type Rendered } from '../render';

const FILE_LABEL = 'inventory-1.json (http://127.0.0.1:4010, as of 10/02/2026 09:00)';

/** The console opened on Security → Inventory review (the section survives a reload). */
async function renderInventory(fake: FakeWifox): Promise<Rendered> {
  sessionStorage.setItem('wifox.section', 'inventory');
  const rendered = renderApp(fake);
  await screen.findByRole('heading', { name: 'Inventory review' }, { timeout: 5000 });
  return rendered;
}

const inventoryTable = () => screen.findByRole('table', { name: 'Inventory tokens' }, { timeout: 5000 });

const namesIn = (table: HTMLElement): string[] =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent ?? '');

async function openFile(user: UserEvent, fake: FakeWifox, text: string): Promise<void> {
  fake.openDialog.push(text);
  await user.click(screen.getByRole('button', { name: 'Open inventory…' }));
}

describe('Security → Inventory review', () => {
  it('is a section of the sidebar under Security', async () => {
    sessionStorage.setItem('wifox.section', 'tokens');
    const { user } = renderApp(seededFake());
    await user.click(await screen.findByRole('menuitem', { name: /Inventory review/ }));
    expect(await screen.findByRole('heading', { name: 'Inventory review' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export inventory…' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open inventory…' })).toBeInTheDocument();
  });

  it('opens a snapshot file without any connection and shows it read-only, with flags, counts and filters', async () => {
    const fake = seededFake();
    const text = await fake.snapshotText('2026-02-10T08:00:00.000Z');
    fake.goOffline();
    const { user } = await renderInventory(fake);
    await openFile(user, fake, text);
    const table = await inventoryTable();

    expect(screen.getByRole('combobox', { name: 'Inventory to review' }).closest('.ant-select')).toHaveTextContent(FILE_LABEL);
    const details = screen.getByRole('region', { name: 'Inventory details' });
    expect(details).toHaveTextContent('Serverhttp://127.0.0.1:4010');
    expect(details).toHaveTextContent('Taken at10/02/2026 09:00');
    expect(details).toHaveTextContent('Taken byAda Admin (admin@wifox.test)');
    expect(details).toHaveTextContent('Time zoneEurope/Paris');

    expect(namesIn(table)).toEqual(['BackendAutomation', 'NewIdentForTest', 'ReportingScript', 'WebhookListener']);
    const headers = within(table).getAllByRole('columnheader').map((header) => header.textContent);
    expect(headers).toEqual(['Token', 'Permissions', 'Whitelisted IPs', 'Expired Date', 'Review']);
    expect(within(table).queryByRole('button', { name: /^(Edit|Delete) / })).toBeNull();
    expect(screen.queryByRole('button', { name: '+ Add' })).toBeNull();

    const counts = screen.getByRole('region', { name: 'Review counts' });
    await user.click(within(counts).getByRole('button', { name: 'Expired 1' }));
    await waitFor(() => expect(namesIn(table)).toEqual(['WebhookListener']));

    await user.click(within(table).getByRole('button', { name: 'WebhookListener' }));
    const view = await screen.findByRole('dialog', { name: 'Token details' });
    expect(view).toHaveTextContent('Recorded in an inventory file: nothing can be changed here.');
    expect(within(view).queryAllByRole('textbox')).toEqual([]);
    expect(fake.callsOf('inventory.open')).toHaveLength(1);
  });

  it('shows how far a file has got while it opens', async () => {
    const fake = seededFake();
    const text = await fake.snapshotText('2026-02-10T08:00:00.000Z');
    const release = fake.pauseOpen();
    const { user } = await renderInventory(fake);
    await openFile(user, fake, text);

    const status = await screen.findByRole('status', { name: 'Opening the inventory file' });
    await waitFor(() => expect(status).toHaveTextContent('Checking tokens against the digest: 4 of 4'));
    expect(within(status).getByRole('progressbar', { name: 'Opening progress' })).toHaveAttribute('aria-valuenow', '100');
    act(() => release());
    await waitFor(() => expect(screen.queryByRole('status', { name: 'Opening the inventory file' })).toBeNull(), { timeout: 5000 });
    expect(screen.getByRole('combobox', { name: 'Inventory to review' }).closest('.ant-select')).toHaveTextContent(FILE_LABEL);
  });

  it('shows a big file from its first rows, says how many are still on their way, then reviews them all', async () => {
    const fake = new FakeWifox();
    for (let i = 0; i < 4_100; i++) fake.addToken({ name: `Token-${String(i).padStart(4, '0')}`, roleId: 3 + (i % 3), whitelist: i < 4_000 ? ['10.0.0.0/24'] : [] });
    const text = await fake.snapshotText('2026-02-10T08:00:00.000Z');
    const release = fake.pauseRows();
    const { user } = await renderInventory(fake);
    await openFile(user, fake, text);

    const table = await inventoryTable();
    expect(await screen.findByText(/^Showing 2,000 of the 4,100 tokens in this file: the others are on their way/)).toBeInTheDocument();
    expect(namesIn(table)[0]).toBe('Token-0000');
    // The file's last 100 tokens have no IP restriction: none of them is here yet.
    expect(within(screen.getByRole('region', { name: 'Review counts' })).queryByRole('button', { name: /^No IP restriction/ })).toBeNull();

    act(() => release());
    await waitFor(() => expect(screen.queryByText(/^Showing .* tokens in this file/)).toBeNull(), { timeout: 5000 });
    expect(within(screen.getByRole('region', { name: 'Review counts' })).getByRole('button', { name: 'No IP restriction 100' })).toBeInTheDocument();
    expect(fake.callsOf('inventory.rows')).toEqual([
      { id: 'file-1', offset: 2_000 },
      { id: 'file-1', offset: 4_000 },
    ]);
  });

  it('says how much of a big file is shown when main no longer holds the rest', async () => {
    const fake = new FakeWifox();
    for (let i = 0; i < 2_500; i++) fake.addToken({ name: `Token-${String(i).padStart(4, '0')}`, roleId: 3 });
    const text = await fake.snapshotText('2026-02-10T08:00:00.000Z');
    const release = fake.pauseRows();
    const { user } = await renderInventory(fake);
    await openFile(user, fake, text);
    await inventoryTable();
    act(() => release({ forget: true }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Only 2,000 of the 2,500 tokens in this file could be shownThat inventory file is no longer open: open it again.');
  });

  it('shows why a file is refused, in main’s words', async () => {
    const fake = seededFake();
    const text = await fake.snapshotText('2026-02-10T08:00:00.000Z');
    const { user } = await renderInventory(fake);

    await openFile(user, fake, text.replace('"NewIdentForTest"', '"NewIdentForTesT"'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The file could not be openedThe file has been changed since it was exported: its content no longer matches its SHA-256 digest.',
    );
    await openFile(user, fake, text.replace('"version": 1', '"version": 2'));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('This inventory was written by a newer version (format 2) of the Wifox Token Console.'),
    );
    expect(screen.queryByRole('option', { name: /^inventory-\d+\.json/ })).toBeNull();
  });

  it('exports as CSV with progress, then says where the file was saved', async () => {
    const fake = seededFake();
    const { user } = await renderInventory(fake);
    await inventoryTable();
    fake.saveDialog.push('/home/ada/wifox-inventory.csv');
    const release = fake.pauseExport();

    await user.click(screen.getByRole('button', { name: 'Export inventory…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export inventory' });
    // The digest is called what it is: a corruption check, not a seal anyone could not recompute.
    expect(dialog).toHaveTextContent('SHA-256 corruption check');
    expect(dialog).toHaveTextContent('not a deliberate edit');
    expect(dialog).not.toHaveTextContent(/sealed/i);
    expect(dialog).toHaveTextContent('Inventory: Live inventory');
    await user.click(within(dialog).getByRole('radio', { name: 'CSV (spreadsheet)' }));
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));

    // Two tokens per chunk: the first of two chunks is written, the second waits.
    const progress = await within(dialog).findByRole('progressbar', { name: 'Export progress' });
    expect(progress).toHaveAttribute('aria-valuenow', '50');
    expect(dialog).toHaveTextContent('2 of 4 tokens written');

    act(() => release());
    // The rest of the export runs through the fake's chunks: on a busy machine that takes a moment.
    expect(await screen.findByText('Inventory exported to /home/ada/wifox-inventory.csv', {}, { timeout: 5000 })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Export inventory' })).toBeNull());
    expect(fake.callsOf('inventory.export')).toEqual([{ source: { kind: 'live' }, format: 'csv' }]);
    const csv = fake.files.get('/home/ada/wifox-inventory.csv') ?? '';
    expect(csv.split('\r\n')[0]).toBe('\uFEFFName,Role,Modules,Whitelist,Expiry,Status,Created,Last used,Review flags,Owner,Description');
    expect(csv).toContain('WebhookListener');
  });

  it('closes quietly when the save dialog is cancelled, and says why an export failed', async () => {
    const fake = seededFake();
    const { user } = await renderInventory(fake);
    await inventoryTable();
    await user.click(screen.getByRole('button', { name: 'Export inventory…' }));
    let dialog = await screen.findByRole('dialog', { name: 'Export inventory' });
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Export inventory' })).toBeNull());
    expect(screen.queryByText(/Inventory exported/)).toBeNull();
    expect(fake.callsOf('inventory.export')).toEqual([{ source: { kind: 'live' }, format: 'json' }]);

    fake.failNext('inventory.export', { code: 'forbidden', message: 'The console is not allowed to write "x.json". Choose another location.' });
    await user.click(screen.getByRole('button', { name: 'Export inventory…' }));
    dialog = await screen.findByRole('dialog', { name: 'Export inventory' });
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The console is not allowed to write "x.json". Choose another location.');
  });

  it('charts tokens by status and by flag, and the expiries of the next 90 days', async () => {
    await renderInventory(seededFake());
    await inventoryTable();
    const summary = screen.getByRole('region', { name: 'Inventory summary' });
    expect(within(summary).getByRole('img', { name: /^Tokens by status:/ })).toHaveAccessibleName(
      'Tokens by status: 2 active, 1 expiring soon, 1 expired.',
    );
    const byFlag = within(summary).getByRole('img', { name: /^Tokens by review flag:/ });
    expect(byFlag).toHaveAccessibleName(
      'Tokens by review flag: 2 tokens without IP restriction; 0 tokens allowing every address or a very wide range; 1 token without expiry date; 1 token expiring within 7 days; 1 expired token; 1 token unused for 90 days; 1 token with a privileged role; 0 tokens without owner; 0 tokens breaking the token policy.',
    );
    // The bars' counts are drawn next to them.
    expect([...byFlag.querySelectorAll('text')].map((text) => text.textContent).filter((t) => /^\d+$/.test(t ?? ''))).toEqual([
      '2', '0', '1', '1', '1', '1', '1', '0', '0',
    ]);

    const soon = formatDisplayDate(addDays(today(), 3));
    const later = formatDisplayDate(addDays(today(), 60));
    expect(within(summary).getByRole('img', { name: /^Expiry timeline/ })).toHaveAccessibleName(
      `Expiry timeline for the next 90 days: 2 tokens expire, the first on ${soon}, the most (1) on ${soon}.`,
    );
    const timeline = within(summary).getByRole('table', { name: 'Tokens expiring in the next 90 days' });
    expect(within(timeline).getAllByRole('row').map((row) => row.textContent)).toEqual(['DateTokens expiring', `${soon}1`, `${later}1`]);
  });

  it('compares an opened file with the live inventory: added, removed, and each changed field old → new', async () => {
    const fake = seededFake();
    const earlier = await fake.snapshotText('2026-02-10T08:00:00.000Z');
    const expiry = fake.tokens.find((t) => t.name === 'NewIdentForTest')?.expiresOn ?? '';
    // Since the file: one token deleted, one created, one renamed with a new role, whitelist and no expiry.
    const cbRole = ROLES[2];
    if (!cbRole) throw new Error('role 3');
    fake.tokens = fake.tokens
      .filter((t) => t.name !== 'WebhookListener')
      .map((t) =>
        t.name === 'NewIdentForTest'
          ? {
              ...t,
              name: 'RenamedIdent',
              roleId: cbRole.id,
              roleName: cbRole.name,
              permissions: cbRole.modules,
              whitelist: ['192.168.31.0/24', '10.1.0.0/16'],
              expiresOn: null,
              expiresAt: null,
              status: 'active' as const,
              version: t.version + 1,
            }
          : t,
      );
    fake.addToken({ name: 'FreshToken', roleId: 5, whitelist: ['198.51.100.9'] });

    const { user } = await renderInventory(fake);
    await openFile(user, fake, earlier);
    await inventoryTable();
    await user.click(screen.getByRole('tab', { name: 'Compare' }));
    await choose(user, 'Earlier inventory', FILE_LABEL);
    expect(screen.getByRole('combobox', { name: 'Later inventory' }).closest('.ant-select')).toHaveTextContent('Live inventory');
    await user.click(screen.getByRole('button', { name: 'Compare' }));

    const result = await screen.findByRole('region', { name: 'Comparison result' });
    expect(result).toHaveTextContent('1 added, 1 removed, 1 changed, 2 unchanged');
    expect(within(result).getByRole('region', { name: 'Added tokens' })).toHaveTextContent('FreshTokenRead-only Clients · no expiry · whitelist 198.51.100.9');
    expect(within(result).getByRole('region', { name: 'Removed tokens' })).toHaveTextContent('WebhookListener');
    const changes = within(result).getByRole('article', { name: 'Changes to RenamedIdent' });
    const lines = [...changes.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
    expect(lines).toEqual([
      'Name: NewIdentForTest → RenamedIdent',
      'Role: Clients, Actions, Logs → CB Accounts & Transactions',
      'Modules added: CB Accounts, CB Transactions',
      'Modules removed: Clients, KYC Documents, Requests, Actions, Logs',
      'Whitelist entries added: 10.1.0.0/16',
      'Whitelist entries removed: 203.0.113.45',
      `Expiry: ${formatDisplayDate(expiry)} → No expiry`,
    ]);
    expect(fake.callsOf('inventory.compare')).toEqual([{ left: { kind: 'opened', id: 'file-1' }, right: { kind: 'live' } }]);
  });
});

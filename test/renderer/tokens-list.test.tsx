import { ERROR_WORDING } from '../../shared/ipc/error-wording';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain';
import { FakeWifox, seededFake, today } from './fake-bridge';
import { bodyRows, renderApp, renderTokenList, rowOf, shownNames } from './render';

const cellsOf = (name: string): string[] => within(rowOf(name)).getAllByRole('cell').map((cell) => cell.textContent ?? '');

describe('Identification tokens list', () => {
  it('shows Token, Permissions, Whitelisted IPs, Expired Date, Review and Actions for each token', async () => {
    await renderTokenList(seededFake());
    const headers = screen.getAllByRole('columnheader').map((header) => header.textContent?.trim());
    // Review (issue 6) is on by default, just before Actions; the live list starts with the
    // selection column (its header is the "Select all" checkbox).
    expect(headers).toEqual(['', 'Token', 'Permissions', 'Whitelisted IPs', 'Expired Date', 'Review', 'Actions']);

    const [token, permissions, whitelist, expiry] = cellsOf('NewIdentForTest');
    expect(token).toBe('NewIdentForTest');
    expect(permissions).toContain('Clients');
    expect(whitelist).toBe('192.168.31.0/24203.0.113.45');
    const [y, m, d] = addDays(today(), 3).split('-');
    // The badge is said once per row: by the Review column when it is shown.
    expect(expiry).toBe(`${d}/${m}/${y}`);
    expect(cellsOf('NewIdentForTest')[4]).toContain('Expiring soon');
    expect(rowOf('NewIdentForTest').textContent?.match(/Expiring soon/g)).toHaveLength(1);
    expect(rowOf('WebhookListener').textContent?.match(/Expired/g)).toHaveLength(1);
    expect(within(rowOf('NewIdentForTest')).getByRole('button', { name: 'Delete NewIdentForTest' })).toBeInTheDocument();
  });

  it('leaves blank whitelist and expiry cells, with a hint that blank means no IP restriction', async () => {
    await renderTokenList(seededFake());
    const row = rowOf('BackendAutomation');
    const [, , whitelist, expiry] = within(row).getAllByRole('cell');
    // Visually blank: the words are for screen readers only.
    expect(whitelist?.textContent).toBe('No IP restriction');
    expect(within(whitelist as HTMLElement).getByText('No IP restriction')).toHaveStyle({ position: 'absolute', width: '1px' });
    expect(expiry?.textContent).toBe('No expiry date');
    expect(screen.getByRole('img', { name: 'Blank means no IP restriction' })).toBeInTheDocument();
  });

  it('shows the first three modules and "+X Show all" for the rest', async () => {
    const { user } = await renderTokenList(seededFake());
    const permissions = within(rowOf('NewIdentForTest')).getAllByRole('cell')[1] as HTMLElement;
    // Clients, KYC Documents, Requests, Actions, Logs: three shown, two behind the link.
    expect(within(permissions).getAllByText(/^(Clients|KYC Documents|Requests|Actions|Logs)$/)).toHaveLength(3);
    const showAll = within(permissions).getByRole('button', { name: /^\+2 Show all/ });
    expect(showAll).toHaveTextContent('+2 Show all');
    await user.click(showAll);
    expect(within(permissions).getByText('Actions')).toBeInTheDocument();
    expect(within(permissions).getByText('Logs')).toBeInTheDocument();
    expect(within(permissions).getByRole('button', { name: /Show fewer/ })).toHaveAttribute('aria-expanded', 'true');

    const fewer = within(rowOf('BackendAutomation')).getAllByRole('cell')[1] as HTMLElement;
    expect(within(fewer).queryByRole('button')).toBeNull();
  });

  it('filters by name as you type, clears with ×, and filters by status and role', async () => {
    const { user } = await renderTokenList(seededFake());
    const search = screen.getByRole('textbox', { name: 'Search tokens' });
    expect(search).toHaveAttribute('placeholder', 'Search…');
    await user.type(search, 'webhook');
    await waitFor(() => expect(shownNames()).toEqual(['WebhookListener']));
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('1 of 4 tokens');
    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    await waitFor(() => expect(shownNames()).toHaveLength(4));

    await user.click(screen.getByRole('combobox', { name: 'Filter by status' }));
    await user.click(await screen.findByTitle('Expired'));
    await waitFor(() => expect(shownNames()).toEqual(['WebhookListener']));
    await user.click(screen.getByRole('combobox', { name: 'Filter by status' }));
    await user.click(await screen.findByTitle('All statuses'));
    await waitFor(() => expect(shownNames()).toHaveLength(4));

    await user.click(screen.getByRole('combobox', { name: 'Filter by role' }));
    await user.click(await screen.findByTitle('CB Accounts & Transactions'));
    await waitFor(() => expect(shownNames()).toEqual(['BackendAutomation']));
  });

  it('keeps 10,000 tokens to a window of rows and filters them all', async () => {
    const fake = new FakeWifox();
    for (let i = 0; i < 10_000; i++) {
      fake.addToken({ name: `Token-${String(i).padStart(5, '0')}`, roleId: 3 + (i % 3), whitelist: i % 2 ? ['10.0.0.0/8'] : [] });
    }
    const { user } = await renderTokenList(fake);
    expect(await screen.findByText('10000 tokens', {}, { timeout: 5000 })).toBeInTheDocument();
    const rendered = bodyRows().length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(100);
    await user.type(screen.getByRole('textbox', { name: 'Search tokens' }), '09999');
    await waitFor(() => expect(shownNames()).toEqual(['Token-09999']));
    expect(screen.getByText('1 of 10000 tokens')).toBeInTheDocument();
  });

  it('sorts by expiry and keeps search, sort and columns after a reload', async () => {
    const fake = seededFake();
    const first = await renderTokenList(fake);
    await first.user.click(screen.getByRole('columnheader', { name: 'Expired Date' }));
    // Soonest first; tokens without a date last.
    await waitFor(() => expect(shownNames()).toEqual(['WebhookListener', 'NewIdentForTest', 'ReportingScript', 'BackendAutomation']));
    await first.user.click(screen.getByRole('button', { name: 'Columns' }));
    await first.user.click(await screen.findByRole('checkbox', { name: 'Role' }));
    await waitFor(() => expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toContain('Role'));
    await first.user.type(screen.getByRole('textbox', { name: 'Search tokens' }), 'en');
    first.unmount();

    await renderTokenList(fake);
    expect(screen.getByRole('textbox', { name: 'Search tokens' })).toHaveValue('en');
    expect(screen.getByRole('columnheader', { name: 'Expired Date' })).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toContain('Role');
    await waitFor(() => expect(shownNames()).toEqual(['WebhookListener', 'NewIdentForTest', 'BackendAutomation']));
  });

  it('shows a skeleton while loading, then the rows', async () => {
    const fake = seededFake();
    const release = fake.hold('tokens.list');
    renderApp(fake);
    expect(await screen.findByLabelText('Loading tokens')).toHaveAttribute('aria-busy', 'true');
    act(() => release());
    await screen.findByRole('table', { name: 'Identification tokens' });
    expect(bodyRows()).toHaveLength(4);
  });

  it('explains how to add the first token when there is none', async () => {
    await renderTokenList(new FakeWifox());
    expect(screen.getByText(/No identification tokens yet\. Click \+ Add to generate the first one/)).toBeInTheDocument();
  });

  it('shows why the list failed to load and retries', async () => {
    const fake = seededFake().failNext('tokens.list', 'offline');
    const { user } = renderApp(fake);
    expect(await screen.findByText('The tokens could not be loaded')).toBeInTheDocument();
    expect(screen.getByText(ERROR_WORDING.offline)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByRole('table', { name: 'Identification tokens' });
    expect(bodyRows()).toHaveLength(4);
  });
});

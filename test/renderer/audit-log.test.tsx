import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/api/audit';
import { AuditLogPage } from '../../renderer/audit/AuditLogPage';
import { seededFake, type FakeWifox } from './fake-bridge';
import { choose, renderFocused } from './render';

const denied = (id: number, ip: string, at: string): AuditEvent => ({
  id,
  at,
  actor: { type: 'token', id: 41, name: 'Nightly Export' },
  action: 'token.denied',
  tokenId: 41,
  tokenName: 'Nightly Export',
  ip,
  reason: 'unknown_token:deleted',
});

function withEvents(): FakeWifox {
  const fake = seededFake();
  fake.audit = [
    denied(3, '203.0.113.9', '2026-12-02T10:00:00.000Z'),
    {
      id: 2,
      at: '2026-12-01T09:30:00.000Z',
      actor: { type: 'employee', id: 1, name: 'Ada Admin' },
      action: 'token.updated',
      tokenId: 40,
      tokenName: 'Backend',
      ip: '127.0.0.1',
      changes: { expiresOn: ['2026-12-31', '2027-01-31'] },
    },
    { id: 1, at: '2026-11-30T08:00:00.000Z', actor: { type: 'employee', id: null, name: 'who@example.test' }, action: 'login.failed', tokenId: null, tokenName: null, ip: '198.51.100.4', reason: 'unknown_email' },
  ];
  return fake;
}

const table = () => screen.getByRole('table', { name: 'Audit events' });
const lastPageCall = (fake: FakeWifox) => fake.callsOf('auditLog.page').at(-1);

describe('Security → Audit log', () => {
  it('lists events newest first as sentences, with old → new, and filters them on the server', async () => {
    const fake = withEvents();
    const { user } = renderFocused(<AuditLogPage />, fake);
    expect(await within(table()).findByText('A request from 203.0.113.9 was refused: it used the secret of deleted token “Nightly Export”.')).toBeInTheDocument();
    expect(within(table()).getByText('Expiry date changed from 31/12/2026 to 31/01/2027.')).toBeInTheDocument();
    // Times in the organisation's zone (Paris, UTC+1), DD/MM/YYYY.
    expect(within(table()).getByText('02/12/2026 11:00')).toBeInTheDocument();

    await choose(user, 'Action', 'Request refused');
    for (const [label, text] of [['Token', 'nightly export'], ['Address', '203.0.113.9'], ['From', '01/12/2026']] as const) {
      await user.click(screen.getByLabelText(label));
      await user.paste(text);
    }
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() =>
      expect(lastPageCall(fake)).toEqual({ filter: { action: 'token.denied', tokenName: 'nightly export', ip: '203.0.113.9', from: '2026-12-01' }, limit: 50 }),
    );
    await waitFor(() => expect(within(table()).getAllByRole('row')).toHaveLength(2));
  });

  it('refuses a mistyped date on its field without sending anything', async () => {
    const fake = withEvents();
    const { user } = renderFocused(<AuditLogPage />, fake);
    await within(await screen.findByRole('table', { name: 'Audit events' })).findByText('A sign-in failed.');
    const calls = fake.callsOf('auditLog.page').length;
    await user.click(screen.getByLabelText('To'));
    await user.paste('31/02/2026');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByText('31/02/2026 is not a date in the calendar.')).toBeInTheDocument();
    expect(fake.callsOf('auditLog.page')).toHaveLength(calls);
    expect(screen.getByLabelText('To')).toHaveValue('31/02/2026');
  });

  it('groups refusals by address and by token, and a click shows that group\'s events', async () => {
    const fake = withEvents();
    fake.refusalGroups = {
      window: '24h',
      since: '2026-12-01T10:00:00.000Z',
      byAddress: [{ ip: '203.0.113.9', kind: 'deleted_token', count: 412, tokens: 1, lastAt: '2026-12-02T10:00:00.000Z' }],
      byToken: [{ tokenId: 41, tokenName: 'Nightly Export', kind: 'deleted_token', count: 412, addresses: 3, lastAt: '2026-12-02T10:00:00.000Z' }],
    };
    const { user } = renderFocused(<AuditLogPage />, fake);
    expect(await screen.findByText('“Nightly Export” (deleted) was tried 412 times from 3 addresses')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'By token' })).getByRole('button', { name: '“Nightly Export” (deleted) was tried 412 times from 3 addresses' })).toBeInTheDocument();
    await user.click(within(screen.getByRole('list', { name: 'By source address' })).getByRole('button', { name: '203.0.113.9 tried a deleted token 412 times' }));
    await waitFor(() => expect(lastPageCall(fake)).toEqual({ filter: { action: 'token.denied', ip: '203.0.113.9' }, limit: 50 }));
    expect(screen.getByLabelText('Address')).toHaveValue('203.0.113.9');
    await user.click(screen.getByRole('radio', { name: 'Last 7 days' }).closest('label') ?? document.body);
    await waitFor(() => expect(fake.callsOf('auditLog.refusals').at(-1)).toEqual({ window: '7d' }));
  });

  it('says so under a column with no group, rather than an empty list', async () => {
    const fake = withEvents();
    // Only refusals by address in this period (as when no known token was named).
    fake.refusalGroups = {
      window: '24h',
      since: '2026-12-01T10:00:00.000Z',
      byAddress: [{ ip: '203.0.113.9', kind: 'ip_not_allowed', count: 3, tokens: 1, lastAt: '2026-12-02T10:00:00.000Z' }],
      byToken: [],
    };
    renderFocused(<AuditLogPage />, fake);
    const byAddress = await screen.findByRole('list', { name: 'By source address' });
    expect(within(byAddress).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.queryByRole('list', { name: 'By token' })).toBeNull();
    expect(screen.getByText('By token').closest('div')).toContainElement(screen.getByText('None in this period.'));
  });

  it('pages with Older and Newer over the server\'s cursors', async () => {
    const fake = seededFake();
    fake.audit = Array.from({ length: 60 }, (_, i) => denied(100 - i, `10.0.0.${i}`, `2026-12-02T10:${String(59 - i).padStart(2, '0')}:00.000Z`));
    const { user } = renderFocused(<AuditLogPage />, fake);
    await within(await screen.findByRole('table', { name: 'Audit events' })).findByText('10.0.0.0');
    expect(within(table()).getAllByRole('row')).toHaveLength(51);
    await user.click(screen.getByRole('button', { name: 'Older' }));
    expect(await within(table()).findByText('10.0.0.59')).toBeInTheDocument();
    expect(within(table()).getAllByRole('row')).toHaveLength(11);
    expect(screen.getByRole('button', { name: 'Older' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Newer' }));
    expect(await within(table()).findByText('10.0.0.0')).toBeInTheDocument();
  });

  it('says when the events come from the cached window, offline', async () => {
    const fake = withEvents();
    fake.auditCachedAt = '2026-12-02T10:05:00.000Z';
    renderFocused(<AuditLogPage />, fake);
    expect(await screen.findByText('Offline — cached events as of 02/12/2026 11:05')).toBeInTheDocument();
  });

  it('exports the filtered events through main\'s save dialog and says where', async () => {
    const fake = withEvents();
    fake.saveDialog = ['/home/ada/audit.csv'];
    const { user } = renderFocused(<AuditLogPage />, fake);
    await within(await screen.findByRole('table', { name: 'Audit events' })).findByText('A sign-in failed.');
    await choose(user, 'Action', 'Sign-in failed');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await user.click(screen.getByRole('button', { name: 'Export CSV…' }));
    expect(await screen.findByText('1 event exported to /home/ada/audit.csv.')).toBeInTheDocument();
    expect(fake.callsOf('auditLog.export')).toEqual([{ filter: { action: 'login.failed' } }]);
  });
});

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { ConfigProvider } from 'antd';
import { describe, expect, it } from 'vitest';
import { addDays, formatDisplayDate } from '../../shared/domain';
import { BridgeProvider } from '../../renderer/ipc/BridgeContext';
import { TokenPolicyPage } from '../../renderer/policy/TokenPolicyPage';
import { seededFake, today, type FakeWifox } from './fake-bridge';
import { choose, renderTokenList, shownNames } from './render';

const ADD = 'Add Identification Token';

async function openAdd(user: UserEvent): Promise<HTMLElement> {
  await user.click(screen.getByRole('button', { name: '+ Add' }));
  return screen.findByRole('dialog', { name: ADD });
}

async function fillValid(user: UserEvent, d: HTMLElement, name: string): Promise<void> {
  await user.type(within(d).getByRole('textbox', { name: 'Name' }), name);
  await choose(user, 'Role', 'Clients, Actions, Logs', d);
  await user.click(within(d).getByRole('button', { name: '+ New IP' }));
  await user.type(within(d).getByRole('textbox', { name: 'IP address 1' }), '203.0.113.45');
}

const POLICY_30_DAYS = { maxLifetimeDays: 30, requireWhitelist: false, widestIpv4Prefix: null, widestIpv6Prefix: null };

describe('owner and description in the drawers', () => {
  it('creates a token with an owner and a description, and finds it by its owner', async () => {
    const fake = seededFake();
    const { user } = await renderTokenList(fake);
    const d = await openAdd(user);
    await fillValid(user, d, 'InvoiceExport');
    const owner = within(d).getByRole('textbox', { name: 'Owner' });
    await user.type(owner, 'bob@');
    await user.tab();
    expect(within(d).getByText('Enter the owner\'s email address as name@example.com.')).toBeInTheDocument();
    expect(within(d).getByRole('button', { name: 'Generate token' })).toBeDisabled();
    await user.clear(owner);
    await user.type(owner, '  Billing Team ');
    await user.type(within(d).getByRole('textbox', { name: 'Description' }), 'Nightly invoice export');
    await user.click(within(d).getByRole('button', { name: 'Generate token' }));
    await waitFor(() => expect(fake.tokens.find((token) => token.name === 'InvoiceExport')).toMatchObject({ owner: 'Billing Team', description: 'Nightly invoice export' }));
    const create = fake.calls.find((c) => c.channel === 'tokens.create');
    expect(create?.arg).toMatchObject({ owner: 'Billing Team', description: 'Nightly invoice export' });
  });

  it('edits an owner, sending only what changed, and the search box finds tokens by owner', async () => {
    const fake = seededFake();
    fake.addToken({ name: 'LedgerSync', roleId: 3, owner: null });
    const { user } = await renderTokenList(fake);
    await user.click(screen.getByRole('button', { name: 'Edit LedgerSync' }));
    const d = await screen.findByRole('dialog', { name: /Edit/ });
    await user.type(within(d).getByRole('textbox', { name: 'Owner' }), 'finance-ops@example.com');
    await user.click(within(d).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.calls.find((c) => c.channel === 'tokens.update')?.arg).toMatchObject({ changes: { owner: 'finance-ops@example.com' } }));
    const update = fake.calls.find((c) => c.channel === 'tokens.update')?.arg as { changes: Record<string, unknown> };
    expect(Object.keys(update.changes)).toEqual(['owner']);

    await user.type(screen.getByRole('textbox', { name: 'Search tokens' }), 'FINANCE-OPS');
    await waitFor(() => expect(shownNames()).toEqual(['LedgerSync']));
  });
});

describe('token policy in the drawers', () => {
  it('shows the rule before anything is typed and names it on the expiry field', async () => {
    const fake = seededFake();
    fake.policy = { ...fake.policy, ...POLICY_30_DAYS };
    const { user } = await renderTokenList(fake);
    const d = await openAdd(user);
    const latest = formatDisplayDate(addDays(today(), 30));
    expect(await within(d).findByText(`Token policy: maximum lifetime 30 days: an expiry date is required, on or before ${latest}.`)).toBeInTheDocument();
    await fillValid(user, d, 'NoExpiryToken');
    expect(within(d).getByRole('button', { name: 'Generate token' })).toBeDisabled();
  });

  it('shows the server\'s refusal on the field, naming the rule, and keeps what was typed', async () => {
    const fake = seededFake();
    const { user } = await renderTokenList(fake);
    const d = await openAdd(user);
    await fillValid(user, d, 'NoExpiryToken');
    await user.type(within(d).getByRole('textbox', { name: 'Owner' }), 'Platform');
    // The policy changes on the server after the drawer read it.
    fake.policy = { ...fake.policy, ...POLICY_30_DAYS };
    await user.click(within(d).getByRole('button', { name: 'Generate token' }));
    const latest = formatDisplayDate(addDays(today(), 30));
    expect(await within(d).findByText(`Token policy: maximum lifetime 30 days: an expiry date is required, on or before ${latest}.`)).toBeInTheDocument();
    expect(within(d).getByRole('textbox', { name: 'Name' })).toHaveValue('NoExpiryToken');
    expect(within(d).getByRole('textbox', { name: 'Owner' })).toHaveValue('Platform');
    expect(fake.tokens.some((token) => token.name === 'NoExpiryToken')).toBe(false);
  });

  it('flags existing tokens that break the policy, without changing them', async () => {
    const fake = seededFake();
    fake.policy = { ...fake.policy, ...POLICY_30_DAYS };
    await renderTokenList(fake);
    // BackendAutomation never expires and ReportingScript expires in 60 days.
    expect(await screen.findByTitle('2 tokens breaking the token policy')).toHaveTextContent('Breaks token policy 2');
    expect(fake.tokens.find((token) => token.name === 'BackendAutomation')?.expiresOn).toBeNull();
  });
});

function renderPolicy(fake: FakeWifox) {
  const user = userEvent.setup();
  render(
    <ConfigProvider theme={{ zeroRuntime: true }}>
      <BridgeProvider bridge={fake.bridge}>
        <TokenPolicyPage />
      </BridgeProvider>
    </ConfigProvider>,
  );
  return user;
}

describe('Settings → Token policy', () => {
  it('saves a maximum lifetime and a widest IPv4 range with the version it loaded', async () => {
    const fake = seededFake();
    const user = renderPolicy(fake);
    await user.click(await screen.findByRole('checkbox', { name: 'Limit the lifetime of tokens' }));
    const days = screen.getByRole('spinbutton', { name: 'Maximum lifetime in days' });
    await user.clear(days);
    await user.type(days, '30');
    await user.click(screen.getByRole('checkbox', { name: 'Limit IPv4 ranges' }));
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(await screen.findByText(/The token policy was saved/)).toBeInTheDocument();
    expect(fake.calls.find((c) => c.channel === 'policy.update')?.arg).toEqual({
      version: 1,
      rules: { maxLifetimeDays: 30, requireWhitelist: false, widestIpv4Prefix: 16, widestIpv6Prefix: null },
    });
  });

  it('keeps the choice on a conflict and offers to reload the other admin\'s rules', async () => {
    const fake = seededFake();
    const user = renderPolicy(fake);
    await user.click(await screen.findByRole('checkbox', { name: 'Require a whitelist' }));
    fake.policy = { ...fake.policy, version: 2 };
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(await screen.findByText(/Someone else changed the token policy/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Require a whitelist' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
  });

  it('is read-only without Manage all on Security', async () => {
    const fake = seededFake();
    fake.policy = { ...fake.policy, editable: false, maxLifetimeDays: 90 };
    renderPolicy(fake);
    expect(await screen.findByText(/Read only: changing the token policy needs Manage all on Security/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Limit the lifetime of tokens' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Limit the lifetime of tokens' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save policy' })).toBeNull();
  });
});

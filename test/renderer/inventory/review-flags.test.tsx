import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seededFake } from '../fake-bridge';
import { choose, renderTokenList, rowOf, shownNames } from '../render';

// Token, Permissions, Whitelisted IPs, Expired Date, Review, Actions.
const reviewCell = (name: string): HTMLElement => within(rowOf(name)).getAllByRole('cell')[4] as HTMLElement;

function reviewedFake() {
  const fake = seededFake();
  fake.addToken({ name: 'OpenToTheWorld', roleId: 5, whitelist: ['0.0.0.0/0'], expiresOn: null, lastUsedAt: new Date().toISOString() });
  return fake;
}

describe('Review flags on the token list', () => {
  it('tags each row with its review flags', async () => {
    await renderTokenList(reviewedFake());
    expect(screen.getByRole('columnheader', { name: 'Review' })).toBeInTheDocument();
    expect(reviewCell('BackendAutomation')).toHaveTextContent(/^No IP restrictionNo expiry$/);
    // The Owner role manages Security: privileged. No whitelist, expiry in 60 days.
    expect(reviewCell('ReportingScript')).toHaveTextContent(/^No IP restrictionPrivileged role$/);
    // Last used in January 2025: unused for 90 days; expires in 3 days.
    expect(reviewCell('NewIdentForTest')).toHaveTextContent(/^Expiring soonUnused$/);
    expect(reviewCell('WebhookListener')).toHaveTextContent(/^Expired$/);
    expect(reviewCell('OpenToTheWorld')).toHaveTextContent(/^Allows every addressNo expiry$/);
  });

  it('counts tokens per flag at the top, one line per flag present, each filtering the list', async () => {
    const { user } = await renderTokenList(reviewedFake());
    const counts = screen.getByRole('region', { name: 'Review counts' });
    // One compact line: short labels with their counts, each named in full.
    expect(within(counts).getAllByRole('button').map((line) => line.textContent)).toEqual([
      'No IP restriction 2',
      'Allows every address 1',
      'No expiry 2',
      'Expiring soon 1',
      'Expired 1',
      'Unused 1',
      'Privileged role 1',
    ]);
    expect(within(counts).getAllByRole('button').map((line) => line.getAttribute('title'))).toEqual([
      '2 tokens without IP restriction',
      '1 token allowing every address or a very wide range',
      '2 tokens without expiry date',
      '1 token expiring within 7 days',
      '1 expired token',
      '1 token unused for 90 days',
      '1 token with a privileged role',
    ]);

    const noIp = within(counts).getByRole('button', { name: 'No IP restriction 2' });
    expect(noIp).toHaveAccessibleDescription('2 tokens without IP restriction');
    await user.click(noIp);
    await waitFor(() => expect(shownNames()).toEqual(['BackendAutomation', 'ReportingScript']));
    expect(noIp).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('2 of 5 tokens')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Filter by review flag' }).closest('.ant-select')).toHaveTextContent('No IP restriction');

    // A second click clears the filter.
    await user.click(noIp);
    await waitFor(() => expect(shownNames()).toHaveLength(5));
    expect(noIp).toHaveAttribute('aria-pressed', 'false');
  });

  it('filters by one flag from the toolbar, with the other filters', async () => {
    const { user } = await renderTokenList(reviewedFake());
    await choose(user, 'Filter by review flag', 'No expiry');
    await waitFor(() => expect(shownNames()).toEqual(['BackendAutomation', 'OpenToTheWorld']));
    await choose(user, 'Filter by role', 'Read-only Clients');
    await waitFor(() => expect(shownNames()).toEqual(['OpenToTheWorld']));
    await choose(user, 'Filter by review flag', 'All review flags');
    await waitFor(() => expect(shownNames()).toEqual(['OpenToTheWorld', 'WebhookListener']));
  });

  it('lets the Review column be switched off', async () => {
    const { user } = await renderTokenList(reviewedFake());
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    const review = await screen.findByRole('checkbox', { name: 'Review' });
    expect(review).toBeChecked();
    await user.click(review);
    await waitFor(() => expect(screen.queryByRole('columnheader', { name: 'Review' })).toBeNull());
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TokenUsage } from '../../renderer/tokens/usage/TokenUsage';
import { seededFake } from './fake-bridge';
import { renderFocused, renderTokenList, rowOf, shownNames } from './render';

describe('the edit drawer\'s Usage tab', () => {
  it('draws the last 30 days, days without requests included, and lists the source addresses', async () => {
    const fake = seededFake();
    fake.usage.set(2, {
      tokenId: 2,
      from: '2026-11-03',
      to: '2026-12-02',
      days: [
        { day: '2026-11-20', accepted: 12, refused: 0 },
        { day: '2026-12-02', accepted: 200, refused: 5 },
      ],
      addresses: ['203.0.113.45', '198.51.100.7'],
      asOf: '2026-12-02T10:00:00.000Z',
    });
    renderFocused(<TokenUsage tokenId={2} timeZone="Europe/Paris" />, fake);
    const summary = '217 requests over the last 30 days (212 accepted, 5 refused); busiest day 02/12/2026 (205).';
    const chart = await screen.findByRole('img', { name: summary });
    expect(chart.querySelectorAll('g')).toHaveLength(30);
    expect(within(chart).getByText('02/12/2026: 200 accepted, 5 refused')).toBeInTheDocument();
    expect(within(chart).getByText('21/11/2026: 0 accepted, 0 refused')).toBeInTheDocument();
    expect(screen.getByLabelText('Source addresses')).toHaveTextContent('203.0.113.45198.51.100.7');
    expect(fake.callsOf('usage.token')).toEqual([{ id: 2 }]);
  });

  it('says when a token was not used', async () => {
    renderFocused(<TokenUsage tokenId={3} timeZone="Europe/Paris" />, seededFake());
    expect(await screen.findByText('No requests over the last 30 days.')).toBeInTheDocument();
    expect(screen.getByText('None seen over the last 30 days.')).toBeInTheDocument();
  });
});

describe('the token list sorted by requests of the last 30 days', () => {
  it('shows the server\'s 30-day counts in their column and sorts by them, most used first', async () => {
    const fake = seededFake();
    const idOf = (name: string) => fake.tokens.find((token) => token.name === name)?.id ?? 0;
    const usage = (name: string, accepted: number, refused: number) =>
      fake.usage.set(idOf(name), {
        tokenId: idOf(name),
        from: '2026-11-03',
        to: '2026-12-02',
        days: [{ day: '2026-12-01', accepted, refused }],
        addresses: [],
        asOf: '2026-12-02T10:00:00.000Z',
      });
    usage('ReportingScript', 40, 2);
    usage('WebhookListener', 1_500, 0);
    usage('NewIdentForTest', 3, 0);
    const { user } = await renderTokenList(fake);
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Requests (30 days)' }));
    const header = await screen.findByRole('columnheader', { name: 'Requests (30 days)' });
    await user.click(header);
    await user.click(header);
    await waitFor(() => expect(shownNames()).toEqual(['WebhookListener', 'ReportingScript', 'NewIdentForTest', 'BackendAutomation']));
    expect(within(rowOf('WebhookListener')).getByText('1,500')).toBeInTheDocument();
    expect(within(rowOf('BackendAutomation')).getByText('0')).toBeInTheDocument();
    expect(fake.callsOf('usage.totals').length).toBeGreaterThan(0);
  });
});

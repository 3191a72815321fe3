import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { tooManyEntriesMessage } from '../../shared/domain';
import { seededFake } from './fake-bridge';
import { renderTokenList, rowOf } from './render';

const ip = (d: HTMLElement, n: number) => within(d).getByRole('textbox', { name: `IP address ${n}` });

describe('Whitelist limits and IPv4-mapped entries', () => {
  it('says the limit before it is hit and why "+ New IP" is unavailable at 100 entries', async () => {
    const fake = seededFake();
    const full = Array.from({ length: 100 }, (_, i) => `10.0.${Math.floor(i / 200)}.${i % 200}`);
    fake.addToken({ name: 'FullWhitelist', roleId: 5, whitelist: full });
    const { user } = await renderTokenList(fake);
    await user.click(within(rowOf('FullWhitelist')).getByRole('button', { name: 'Edit FullWhitelist' }));
    const d = await screen.findByRole('dialog', { name: 'Edit Identification Token' });

    const add = within(d).getByRole('button', { name: '+ New IP' });
    expect(add).toBeDisabled();
    expect(add).toHaveAccessibleDescription(/^The whitelist is full: a token has at most 100 entries\. Remove one, or cover several/);
    await user.click(within(d).getByRole('button', { name: 'Remove IP address 100' }));
    expect(add).toBeEnabled();
    expect(add).toHaveAccessibleDescription('99 of 100 entries: 1 more can be added.');

    // A refusal of the list as a whole lands on the whitelist, in the same words.
    fake.failNext('tokens.update', { code: 'validation', message: 'The request is invalid.', details: [{ field: 'whitelist', message: tooManyEntriesMessage(101) }] });
    await user.click(within(d).getByRole('button', { name: 'Save' }));
    expect(await within(d).findByText(tooManyEntriesMessage(101))).toBeInTheDocument();
  });

  it('treats an IPv4-mapped address and its IPv4 form as duplicates and offers the IPv4 form', async () => {
    const { user } = await renderTokenList(seededFake());
    await user.click(screen.getByRole('button', { name: '+ Add' }));
    const d = await screen.findByRole('dialog', { name: 'Add Identification Token' });
    await user.click(within(d).getByRole('button', { name: '+ New IP' }));
    await user.paste('::ffff:10.0.0.1');
    expect(ip(d, 1)).toHaveAccessibleDescription(/^::ffff:10\.0\.0\.1 is an IPv4 address written in IPv6 form; 10\.0\.0\.1 matches the same clients/);

    await user.keyboard('{Enter}');
    await user.paste('10.0.0.1');
    expect(ip(d, 2)).toHaveAccessibleDescription('10.0.0.1 matches the same clients as ::ffff:10.0.0.1, already in the list; remove the duplicate.');
    expect(ip(d, 2)).toHaveAttribute('aria-invalid', 'true');
    expect(within(d).getByRole('button', { name: 'Generate token' })).toBeDisabled();

    await user.click(within(d).getByRole('button', { name: 'Use 10.0.0.1' }));
    expect(ip(d, 1)).toHaveValue('10.0.0.1');
    expect(ip(d, 2)).toHaveAccessibleDescription('10.0.0.1 is already in the list; remove the duplicate.');
  });
});

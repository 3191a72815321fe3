import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addDays, formatDisplayDate } from '../../shared/domain';
import { FakeWifox, today } from './fake-bridge';
import { renderTokenList, rowOf, shownNames } from './render';

// Twelve tokens, Bulk 01 … Bulk 12 (names sort as shown).
function fakeWith(count: number): FakeWifox {
  const fake = new FakeWifox();
  for (let i = 1; i <= count; i++) fake.addToken({ name: `Bulk ${String(i).padStart(2, '0')}`, roleId: 4, expiresOn: i % 2 === 0 ? addDays(today(), 10) : null });
  return fake;
}

const checkbox = (name: string) => within(rowOf(name)).getByRole('checkbox', { name: `Select ${name}` });
const bar = () => screen.getByRole('region', { name: 'Bulk actions' });

describe('bulk actions on the token list', () => {
  it('selects with checkboxes, shift-click ranges and "select all N matching the filter"', async () => {
    const fake = fakeWith(6);
    const { user } = await renderTokenList(fake);
    expect(screen.queryByRole('region', { name: 'Bulk actions' })).not.toBeInTheDocument();
    await user.click(checkbox('Bulk 02'));
    await user.keyboard('{Shift>}');
    await user.click(checkbox('Bulk 04'));
    await user.keyboard('{/Shift}');
    expect(within(bar()).getByRole('status')).toHaveTextContent('3 tokens selected');
    expect(checkbox('Bulk 03')).toBeChecked();
    expect(checkbox('Bulk 05')).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Select all' })).toBePartiallyChecked();
    expect(rowOf('Bulk 03')).toHaveClass('ant-table-row-selected');
    expect(rowOf('Bulk 05')).not.toHaveClass('ant-table-row-selected');
    // Shift-clicking a checked box clears the range back to the last box clicked.
    await user.keyboard('{Shift>}');
    await user.click(checkbox('Bulk 03'));
    await user.keyboard('{/Shift}');
    expect(within(bar()).getByRole('status')).toHaveTextContent('1 token selected');
    expect(checkbox('Bulk 02')).toBeChecked();
    await user.click(checkbox('Bulk 03'));
    expect(within(bar()).getByRole('status')).toHaveTextContent('2 tokens selected');

    await user.type(screen.getByPlaceholderText('Search…'), '0');
    await user.click(within(bar()).getByRole('button', { name: 'Select all 6 matching the filter' }));
    expect(within(bar()).getByRole('status')).toHaveTextContent('6 tokens selected');
    await user.clear(screen.getByPlaceholderText('Search…'));
    await user.type(screen.getByPlaceholderText('Search…'), '1');
    await waitFor(() => expect(shownNames()).toEqual(['Bulk 01']));
    expect(within(bar()).getByRole('status')).toHaveTextContent('6 tokens selected (5 not shown by the filter)');
    await user.click(within(bar()).getByRole('button', { name: 'Clear selection' }));
    expect(screen.queryByRole('region', { name: 'Bulk actions' })).not.toBeInTheDocument();
  });

  it('asks to type the number above 10 tokens, deletes each with its version and reports the one changed meanwhile', async () => {
    const fake = fakeWith(12);
    const { user } = await renderTokenList(fake);
    await user.click(screen.getByRole('checkbox', { name: 'Select all' }));
    await user.click(within(bar()).getByRole('button', { name: 'Delete…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete 12 tokens?' });
    expect(dialog).toHaveTextContent('Are you sure? This action cannot be undone.');
    expect(dialog).toHaveTextContent('“Bulk 01”, “Bulk 02”, “Bulk 03”, “Bulk 04”, “Bulk 05” and 7 more.');
    const confirm = within(dialog).getByRole('button', { name: 'Delete 12 tokens' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Type 12 to confirm'), '11');
    expect(confirm).toBeDisabled();
    await user.clear(within(dialog).getByLabelText('Type 12 to confirm'));
    await user.type(within(dialog).getByLabelText('Type 12 to confirm'), '12');

    // Someone edits Bulk 07 after the list was loaded.
    const changed = fake.tokens.find((token) => token.name === 'Bulk 07')!;
    changed.version += 1;
    await user.click(confirm);

    const result = await screen.findByRole('dialog', { name: 'Bulk action result' });
    expect(within(result).getByRole('status')).toHaveTextContent('Deleted 11 of 12 tokens: 1 not done.');
    const failed = within(result).getByRole('list', { name: 'Tokens not done' });
    expect(failed).toHaveTextContent('Bulk 07 — Changed meanwhile (412): Someone else changed this token');
    expect(fake.calls.filter((c) => c.channel === 'tokens.bulk')).toHaveLength(1);
    await user.click(within(result).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(shownNames()).toEqual(['Bulk 07']));
    expect(within(bar()).getByRole('status')).toHaveTextContent('1 token selected');
  });

  it('extends each expiry by N days from its own date, refuses a mistyped date, and moves tokens only to assignable roles', async () => {
    const fake = fakeWith(2);
    const { user } = await renderTokenList(fake);
    await user.click(checkbox('Bulk 01'));
    await user.click(checkbox('Bulk 02'));
    await user.click(within(bar()).getByRole('button', { name: 'Set expiry…' }));
    let dialog = await screen.findByRole('dialog', { name: 'Set the expiry of 2 tokens' });
    await user.click(within(dialog).getByRole('radio', { name: 'Set one date for all' }));
    await user.type(within(dialog).getByLabelText('Expiry date (DD/MM/YYYY)'), '31/02/2030');
    expect(dialog).toHaveTextContent('31/02/2030 is not a date in the calendar.');
    expect(within(dialog).getByRole('button', { name: 'Apply to 2 tokens' })).toBeDisabled();
    await user.click(within(dialog).getByRole('radio', { name: 'Extend by a number of days' }));
    await user.clear(within(dialog).getByLabelText('Days to add'));
    await user.type(within(dialog).getByLabelText('Days to add'), '30');
    await user.click(within(dialog).getByRole('button', { name: 'Apply to 2 tokens' }));
    const result = await screen.findByRole('dialog', { name: 'Bulk action result' });
    expect(within(result).getByRole('status')).toHaveTextContent('Expiry changed for 2 tokens.');
    await user.click(within(result).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(rowOf('Bulk 02')).toHaveTextContent(formatDisplayDate(addDays(today(), 40))));
    expect(rowOf('Bulk 01')).toHaveTextContent(formatDisplayDate(addDays(today(), 30)));

    await user.click(checkbox('Bulk 01'));
    await user.click(within(bar()).getByRole('button', { name: 'Move to role…' }));
    dialog = await screen.findByRole('dialog', { name: 'Move 1 token to another role' });
    await user.click(within(dialog).getByRole('combobox', { name: 'Role' }));
    const offered = [...document.querySelectorAll('.ant-select-item-option')].map((option) => option.textContent);
    // The admin holds rank 3: Owner (1) and Full CB Access (2) are not offered.
    expect(offered).toEqual(['CB Accounts & Transactions', 'Clients, Actions, Logs', 'Read-only Clients']);
    await user.click([...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((option) => option.textContent === 'Read-only Clients')!);
    fake.bulkForbidden.add(fake.tokens.find((token) => token.name === 'Bulk 01')!.id);
    await user.click(within(dialog).getByRole('button', { name: 'Move 1 token' }));
    const refused = await screen.findByRole('dialog', { name: 'Bulk action result' });
    expect(within(refused).getByRole('list', { name: 'Tokens not done' })).toHaveTextContent('Bulk 01 — Not allowed (403)');
  });
});

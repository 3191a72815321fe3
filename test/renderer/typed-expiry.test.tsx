import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatDisplayDate } from '../../shared/domain';
import { seededFake, today } from './fake-bridge';
import { choose, renderTokenList, rowOf } from './render';

// A typed expiry date is never silently lost: whatever the admin typed stays on screen, and a
// date the console cannot take blocks Generate/Save so nothing reaches the server.
const CASES = [
  { kind: 'past', typed: '01/01/2020', message: () => `The expiry date cannot be in the past (today is ${formatDisplayDate(today())}).` },
  { kind: 'impossible', typed: '31/02/2027', message: () => '31/02/2027 is not a date in the calendar.' },
  { kind: 'malformed', typed: '2026-12-31', message: () => '"2026-12-31" is not in the form DD/MM/YYYY (e.g. 05/03/2026).' },
] as const;

const dateField = (d: HTMLElement) => within(d).getByRole('textbox', { name: 'Expired Date' });

async function typeDate(user: UserEvent, d: HTMLElement, typed: string, leave: 'Tab' | 'Enter'): Promise<void> {
  const field = dateField(d);
  await user.click(field);
  await user.keyboard('{Control>}a{/Control}{Backspace}');
  await user.paste(typed);
  await user.keyboard(leave === 'Tab' ? '{Tab}' : '{Enter}');
}

function expectKept(d: HTMLElement, typed: string, message: string): void {
  expect(dateField(d)).toHaveValue(typed);
  expect(within(d).getByText(message)).toBeInTheDocument();
  expect(dateField(d)).toHaveAttribute('aria-invalid', 'true');
  expect(within(d).getByTestId('expiry-until')).not.toHaveTextContent('No expiry date');
}

describe('A typed expiry date', () => {
  for (const { kind, typed, message } of CASES) {
    it(`blocks Generate when ${kind} (${typed}) and creates nothing`, async () => {
      const fake = seededFake();
      const { user } = await renderTokenList(fake);
      await user.click(screen.getByRole('button', { name: '+ Add' }));
      const d = await screen.findByRole('dialog', { name: 'Add Identification Token' });
      await user.click(within(d).getByRole('textbox', { name: 'Name' }));
      await user.paste('TypedDateCheck');
      await choose(user, 'Role', 'Read-only Clients', d);

      await typeDate(user, d, typed, kind === 'past' ? 'Tab' : 'Enter');
      await user.click(within(d).getByRole('textbox', { name: 'Name' }));
      expectKept(d, typed, message());
      const generate = within(d).getByRole('button', { name: 'Generate token' });
      expect(generate).toBeDisabled();
      await user.click(generate);
      expect(fake.callsOf('tokens.create')).toEqual([]);

      // Correcting the text is what unblocks it, with the corrected date.
      await typeDate(user, d, '31/12/2099', 'Tab');
      expect(dateField(d)).toHaveValue('31/12/2099');
      expect(generate).toBeEnabled();
    });

    it(`blocks Save when ${kind} (${typed}) and updates nothing`, async () => {
      const fake = seededFake();
      const { user } = await renderTokenList(fake);
      await user.click(within(rowOf('NewIdentForTest')).getByRole('button', { name: 'Edit NewIdentForTest' }));
      const d = await screen.findByRole('dialog', { name: 'Edit Identification Token' });

      await typeDate(user, d, typed, kind === 'malformed' ? 'Tab' : 'Enter');
      await user.click(within(d).getByRole('textbox', { name: 'Name' }));
      expectKept(d, typed, message());
      const save = within(d).getByRole('button', { name: 'Save' });
      expect(save).toBeDisabled();
      await user.click(save);
      expect(fake.callsOf('tokens.update')).toEqual([]);
    });
  }

  it('Tab leaves the field past its clear button, so Enter cannot wipe the date', async () => {
    const { user } = await renderTokenList(seededFake());
    await user.click(screen.getByRole('button', { name: '+ Add' }));
    const d = await screen.findByRole('dialog', { name: 'Add Identification Token' });
    await typeDate(user, d, '31/12/2099', 'Tab');
    expect(document.activeElement?.closest('.ant-picker')).toBeNull();
    await user.keyboard('{Enter}');
    expect(dateField(d)).toHaveValue('31/12/2099');
    expect(screen.getAllByRole('main')).toHaveLength(1);
  });
});

import { ERROR_WORDING } from '../../shared/ipc/error-wording';
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { addDays, formatDisplayDate } from '../../shared/domain';
import { ADMIN, PASSWORD, TIME_ZONE, seededFake, today } from './fake-bridge';
import { choose, drawer, renderTokenList, rowOf } from './render';

const TITLE = 'Add Identification Token';

async function openAdd(user: UserEvent): Promise<HTMLElement> {
  await user.click(screen.getByRole('button', { name: '+ Add' }));
  return screen.findByRole('dialog', { name: TITLE });
}

const nameInput = (d: HTMLElement) => within(d).getByRole('textbox', { name: 'Name' });
const generate = (d: HTMLElement) => within(d).getByRole('button', { name: 'Generate token' });

async function fillValid(user: UserEvent, d: HTMLElement, name = 'PostmanUser'): Promise<void> {
  await user.type(nameInput(d), name);
  await choose(user, 'Role', 'Clients, Actions, Logs', d);
  await user.click(within(d).getByRole('button', { name: '+ New IP' }));
  await user.type(within(d).getByRole('textbox', { name: 'IP address 1' }), '203.0.113.45');
}

describe('Add Identification Token drawer', () => {
  it('explains every name rule before submit, including a name already in the list', async () => {
    const { user } = await renderTokenList(seededFake());
    const d = await openAdd(user);
    const name = nameInput(d);
    expect(generate(d)).toBeDisabled();

    await user.type(name, 'ab');
    expect(within(d).getByText('The name must be at least 3 characters long.')).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    await user.clear(name);
    expect(within(d).getByText('Enter a name.')).toBeInTheDocument();
    await user.type(name, 'my$token');
    expect(within(d).getByText(/may contain only letters, digits, spaces, "\.", "_" and "-"; "\$" is not allowed/)).toBeInTheDocument();
    await user.clear(name);
    await user.type(name, '-token');
    expect(within(d).getByText('The name must start with a letter or a digit.')).toBeInTheDocument();
    await user.clear(name);
    await user.type(name, 'backendautomation');
    // The message quotes the token that holds the name, as it is written there.
    expect(within(d).getByText(/A token named "BackendAutomation" already exists/)).toBeInTheDocument();
    await user.clear(name);
    await user.type(name, 'PostmanUser');
    expect(name).not.toHaveAttribute('aria-invalid');
    expect(generate(d)).toBeDisabled();
  });

  it('asks for a role when none is chosen', async () => {
    const { user } = await renderTokenList(seededFake());
    const d = await openAdd(user);
    await user.click(within(d).getByRole('combobox', { name: 'Role' }));
    await user.click(nameInput(d));
    expect(await within(d).findByText('Select a role.')).toBeInTheDocument();
    expect(within(d).getByRole('combobox', { name: 'Role' })).toHaveAttribute('aria-invalid', 'true');
  });

  it('offers only the roles the admin may assign, each with its modules, and previews the choice', async () => {
    const { user } = await renderTokenList(seededFake());
    const d = await openAdd(user);
    await user.click(within(d).getByRole('combobox', { name: 'Role' }));
    const listbox = document.querySelector('.ant-select-dropdown') as HTMLElement;
    const offered = [...listbox.querySelectorAll('.ant-select-item-option')].map((option) => option.getAttribute('title'));
    // The admin has rank 3: Owner (1) and Full CB Access (2) are ranked above.
    expect(ADMIN.rank).toBe(3);
    expect(offered).toEqual(['CB Accounts & Transactions', 'Clients, Actions, Logs', 'Read-only Clients']);
    expect(within(listbox).getByText('Clients, KYC Documents, Requests, Actions, Logs')).toBeInTheDocument();
    await user.click(listbox.querySelector('[title="Clients, Actions, Logs"]') as HTMLElement);
    expect(within(d).getByTestId('role-preview')).toHaveTextContent(
      'This token will access: Clients, KYC Documents, Requests, Actions, Logs',
    );
  });

  it('sets the expiry with a quick choice, disables past days and says until when the token works', async () => {
    const { user } = await renderTokenList(seededFake());
    const d = await openAdd(user);
    expect(within(d).getByTestId('expiry-until')).toHaveTextContent('No expiry date: the token works until it is deleted.');
    await user.click(within(d).getByRole('textbox', { name: 'Expired Date' }));
    const panel = document.querySelector('.ant-picker-dropdown') as HTMLElement;
    // Each quick choice says what it gives: a whole day, to its end in the organisation's zone.
    const until = (days: number) => `until ${formatDisplayDate(addDays(today(), days))} 24:00 ${TIME_ZONE}`;
    expect(within(panel).getByText(`Tomorrow — ${until(1)}`)).toBeInTheDocument();
    expect(within(panel).getByText(`In 30 days — ${until(30)}`)).toBeInTheDocument();
    expect(within(panel).getByText(`In 90 days — ${until(90)}`)).toBeInTheDocument();
    expect(panel.querySelector(`td[title="${today()}"]`)).not.toHaveClass('ant-picker-cell-disabled');
    await user.click(panel.querySelector('.ant-picker-header-prev-btn') as HTMLElement);
    const lastMonth = [...panel.querySelectorAll('td.ant-picker-cell-in-view')];
    expect(lastMonth.length).toBeGreaterThan(27);
    for (const cell of lastMonth) expect(cell).toHaveClass('ant-picker-cell-disabled');
    await user.click(within(panel).getByText(`In 7 days — ${until(7)}`));

    const chosen = addDays(today(), 7);
    expect(within(d).getByRole('textbox', { name: 'Expired Date' })).toHaveValue(formatDisplayDate(chosen));
    expect(within(d).getByTestId('expiry-until')).toHaveTextContent(
      `The token works until the end of ${formatDisplayDate(chosen)}: it stops at ${formatDisplayDate(addDays(chosen, 1))} 00:00 (${TIME_ZONE}).`,
    );
  });

  it('says why a typed date is refused', async () => {
    const { user } = await renderTokenList(seededFake());
    const d = await openAdd(user);
    const field = within(d).getByRole('textbox', { name: 'Expired Date' });
    await user.type(field, '31/02/2030');
    await user.click(nameInput(d));
    expect(within(d).getByText('31/02/2030 is not a date in the calendar.')).toBeInTheDocument();
    await user.clear(field);
    const past = formatDisplayDate(addDays(today(), -3));
    await user.type(field, past);
    await user.click(nameInput(d));
    expect(within(d).getByText(`The expiry date cannot be in the past (today is ${formatDisplayDate(today())}).`)).toBeInTheDocument();
  });

  it('validates whitelist entries as you type, offers the corrected network, adds with Enter and removes', async () => {
    const { user } = await renderTokenList(seededFake());
    const d = await openAdd(user);
    expect(within(d).getByText(/No IP restriction: the token will be accepted from any address/)).toBeInTheDocument();

    await user.click(within(d).getByRole('button', { name: '+ New IP' }));
    const first = within(d).getByRole('textbox', { name: 'IP address 1' });
    expect(first).toHaveFocus();
    await user.type(first, '010.0.0.1');
    expect(first).toHaveAttribute('aria-invalid', 'true');
    expect(within(d).getByText(/010\.0\.0\.1/, { selector: 'span' })).toBeInTheDocument();

    await user.clear(first);
    await user.type(first, '192.168.1.5/24');
    expect(within(d).getByText(/has bits set after the prefix/)).toBeInTheDocument();
    await user.click(within(d).getByRole('button', { name: 'Use 192.168.1.0/24' }));
    expect(first).toHaveValue('192.168.1.0/24');
    expect(first).not.toHaveAttribute('aria-invalid');

    await user.type(first, '{Enter}');
    const second = within(d).getByRole('textbox', { name: 'IP address 2' });
    expect(second).toHaveFocus();
    await user.type(second, '0.0.0.0/0');
    expect(within(d).getByText(/allows every address, so it restricts nothing/)).toBeInTheDocument();
    await user.click(within(d).getByRole('button', { name: 'Remove IP address 2' }));
    expect(within(d).queryByRole('textbox', { name: 'IP address 2' })).toBeNull();
    expect(within(d).queryByText(/allows every address/)).toBeNull();

    await user.type(first, '{Enter}');
    await user.type(within(d).getByRole('textbox', { name: 'IP address 2' }), '192.168.1.0/24');
    expect(within(d).getByText('192.168.1.0/24 is already in the list; remove the duplicate.')).toBeInTheDocument();
    expect(generate(d)).toBeDisabled();
  });

  it('generates the token, shows it once and lists it', async () => {
    const fake = seededFake();
    const { user } = await renderTokenList(fake);
    const d = await openAdd(user);
    await fillValid(user, d);
    expect(generate(d)).toBeEnabled();
    await user.click(generate(d));

    const reveal = await screen.findByRole('dialog', { name: 'Token generated: PostmanUser' });
    expect(fake.callsOf('tokens.create')).toEqual([
      { name: 'PostmanUser', roleId: 4, expiresOn: null, whitelist: ['203.0.113.45'] },
    ]);
    expect(fake.issuedSecrets).toHaveLength(1);
    expect(within(reveal).getByRole('textbox', { name: 'Token secret' })).toHaveValue(fake.issuedSecrets[0]);
    expect(screen.queryByRole('dialog', { name: TITLE })).toBeNull();
    expect(rowOf('PostmanUser')).toBeInTheDocument();

    // Closing the dialog puts the focus on the new token's row, not on the page body.
    await user.click(within(reveal).getByRole('button', { name: 'Copy' }));
    await user.click(within(reveal).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(within(rowOf('PostmanUser')).getByRole('button', { name: 'Edit PostmanUser' })).toHaveFocus());
  });

  it('keeps every field as typed whatever the server answers', async () => {
    const fake = seededFake();
    const { user } = await renderTokenList(fake);
    const d = await openAdd(user);
    await fillValid(user, d);

    const kept = () => {
      expect(nameInput(d)).toHaveValue('PostmanUser');
      expect(within(d).getByTestId('role-preview')).toHaveTextContent('Clients, KYC Documents');
      expect(within(d).getByRole('textbox', { name: 'IP address 1' })).toHaveValue('203.0.113.45');
    };

    fake.failNext('tokens.create', { code: 'name_taken', message: 'A token named "PostmanUser" already exists.' });
    await user.click(generate(d));
    expect(await within(d).findByText('A token named "PostmanUser" already exists.')).toBeInTheDocument();
    kept();

    fake.failNext('tokens.create', {
      code: 'validation',
      message: 'Invalid request',
      details: [{ field: 'whitelist.0', message: 'This address is reserved.' }],
    });
    await user.click(generate(d));
    // Refused entries are told on the entry itself, in the server's (shared) words.
    const refused = await within(d).findByText('This address is reserved.');
    expect(within(d).getByRole('textbox', { name: 'IP address 1' })).toHaveAccessibleDescription('This address is reserved.');
    expect(refused).toBeInTheDocument();
    kept();

    // Main words every failure (shared/ipc/error-wording.ts); the drawer shows it as is.
    const general: [Parameters<typeof fake.failNext>[1], string][] = [
      ['offline', ERROR_WORDING.offline],
      ['forbidden', ERROR_WORDING.forbidden],
      [{ code: 'rate_limited', message: 'The Wifox server is receiving too many requests. Try again in 12 s.', retryAfterSeconds: 12 }, 'Try again in 12 s'],
      [{ code: 'internal', message: 'The console could not reach its main process.' }, 'could not reach its main process'],
    ];
    for (const [error, text] of general) {
      fake.failNext('tokens.create', error);
      await user.click(generate(d));
      const alert = await within(d).findByRole('alert');
      expect(alert).toHaveTextContent(text);
      expect(alert).toHaveTextContent('Everything you entered is still here.');
      kept();
      await user.click(within(alert).getByRole('button', { name: 'Dismiss error' }));
      await waitFor(() => expect(within(d).queryByRole('alert')).toBeNull());
    }
    expect(fake.tokens.some((t) => t.name === 'PostmanUser')).toBe(false);
  });

  it('asks to sign in again when the session ended, without closing the drawer', async () => {
    const fake = seededFake();
    const { user } = await renderTokenList(fake);
    const d = await openAdd(user);
    await fillValid(user, d);
    fake.failNext('tokens.create', { code: 'session_expired', message: 'Session expired' });
    await user.click(generate(d));

    const prompt = await screen.findByRole('dialog', { name: 'Sign in again' });
    await user.type(within(prompt).getByLabelText('Password'), 'wrong');
    await user.click(within(prompt).getByRole('button', { name: 'Sign in' }));
    expect(await within(prompt).findByText(ERROR_WORDING.invalid_credentials)).toBeInTheDocument();
    await user.type(within(prompt).getByLabelText('Password'), PASSWORD);
    await user.click(within(prompt).getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Sign in again' })).toBeNull());

    expect(drawer(TITLE)).toBe(d);
    expect(nameInput(d)).toHaveValue('PostmanUser');
    await user.click(generate(d));
    expect(await screen.findByRole('dialog', { name: 'Token generated: PostmanUser' })).toBeInTheDocument();
  });

  it('asks before discarding what was typed', async () => {
    const { user } = await renderTokenList(seededFake());
    const d = await openAdd(user);
    await user.type(nameInput(d), 'Draft');
    await user.click(within(d).getByRole('button', { name: 'Cancel' }));
    const confirm = await screen.findByRole('dialog', { name: 'Discard your changes?' });
    await user.click(within(confirm).getByRole('button', { name: 'Keep editing' }));
    expect(nameInput(d)).toHaveValue('Draft');
    await user.keyboard('{Escape}');
    await user.click(within(await screen.findByRole('dialog', { name: 'Discard your changes?' })).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: TITLE })).toBeNull());
  });
});

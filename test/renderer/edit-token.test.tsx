import { ERROR_WORDING } from '../../shared/ipc/error-wording';
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ADMIN, seededFake, type FakeWifox } from './fake-bridge';
import { choose, renderTokenList, rowOf } from './render';

const TITLE = 'Edit Identification Token';

async function openEdit(user: UserEvent, name: string, via: 'name' | 'pencil' = 'pencil'): Promise<HTMLElement> {
  const row = rowOf(name);
  await user.click(within(row).getByRole('button', { name: via === 'pencil' ? `Edit ${name}` : name }));
  return screen.findByRole('dialog', { name: TITLE });
}

const save = (d: HTMLElement) => within(d).getByRole('button', { name: 'Save' });

function tokenNamed(fake: FakeWifox, name: string) {
  const token = fake.tokens.find((t) => t.name === name);
  if (!token) throw new Error(name);
  return token;
}

describe('Edit Identification Token drawer', () => {
  it('opens from the name, loads the fields and says the secret does not change', async () => {
    const { user } = await renderTokenList(seededFake());
    const d = await openEdit(user, 'NewIdentForTest', 'name');
    expect(within(d).getByRole('textbox', { name: 'Name' })).toHaveValue('NewIdentForTest');
    expect(within(d).getByTestId('role-preview')).toHaveTextContent('Clients, KYC Documents, Requests, Actions, Logs');
    expect(within(d).getByRole('textbox', { name: 'IP address 1' })).toHaveValue('192.168.31.0/24');
    expect(within(d).getByRole('textbox', { name: 'IP address 2' })).toHaveValue('203.0.113.45');
    expect(d).toHaveTextContent('Saving does not change the token’s secret');
    expect(save(d)).toBeDisabled();
  });

  it('saves only what changed, with the version it loaded', async () => {
    const fake = seededFake();
    const { user } = await renderTokenList(fake);
    const before = tokenNamed(fake, 'NewIdentForTest');
    const d = await openEdit(user, 'NewIdentForTest');
    await choose(user, 'Role', 'Read-only Clients', d);
    await user.click(within(d).getByRole('button', { name: 'Remove IP address 1' }));
    await user.click(save(d));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: TITLE })).toBeNull());
    expect(fake.callsOf('tokens.update')).toEqual([
      { id: before.id, version: 1, changes: { roleId: 5, whitelist: ['203.0.113.45'] } },
    ]);
    expect(await screen.findByText('Token “NewIdentForTest” saved.')).toBeInTheDocument();
    const cells = within(rowOf('NewIdentForTest')).getAllByRole('cell');
    // Viewing Clients reaches its linked modules too.
    expect(cells[1]).toHaveTextContent(/^ClientsKYC DocumentsRequests$/);
    expect(cells[2]).toHaveTextContent(/^203\.0\.113\.45$/);
  });

  it('clears the expiry date and renames', async () => {
    const fake = seededFake();
    const { user } = await renderTokenList(fake);
    const d = await openEdit(user, 'NewIdentForTest');
    await user.click(within(d).getByRole('button', { name: 'Clear' }));
    expect(within(d).getByRole('textbox', { name: 'Expired Date' })).toHaveValue('');
    expect(within(d).getByTestId('expiry-until')).toHaveTextContent('No expiry date');
    const name = within(d).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'IdentForTest2');
    await user.click(save(d));
    await waitFor(() => expect(fake.callsOf('tokens.update')).toHaveLength(1));
    expect(fake.callsOf('tokens.update')[0]).toEqual({
      id: tokenNamed(fake, 'IdentForTest2').id,
      version: 1,
      changes: { name: 'IdentForTest2', expiresOn: null },
    });
  });

  it('on a concurrent change, reloads the token without losing the edits on screen', async () => {
    const fake = seededFake();
    const { user } = await renderTokenList(fake);
    const d = await openEdit(user, 'NewIdentForTest');
    await choose(user, 'Role', 'Read-only Clients', d);

    // Someone else adds an address meanwhile.
    const token = tokenNamed(fake, 'NewIdentForTest');
    Object.assign(token, { whitelist: [...token.whitelist, '198.51.100.0/24'], version: 2 });

    await user.click(save(d));
    const alert = await within(d).findByRole('alert');
    expect(alert).toHaveTextContent(ERROR_WORDING.conflict);
    expect(within(d).getByTestId('role-preview')).toHaveTextContent('This token will access: Clients');

    await user.click(within(alert).getByRole('button', { name: 'Reload token' }));
    expect(await within(d).findByText(/Reloaded version 2\. Changed by someone else: Whitelist\./)).toBeInTheDocument();
    expect(within(d).getByTestId('role-preview')).toHaveTextContent('This token will access: Clients');
    expect(within(d).getByRole('textbox', { name: 'IP address 3' })).toHaveValue('198.51.100.0/24');

    await user.click(save(d));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: TITLE })).toBeNull());
    expect(fake.callsOf('tokens.update')).toEqual([
      { id: token.id, version: 1, changes: { roleId: 5 } },
      { id: token.id, version: 2, changes: { roleId: 5 } },
    ]);
    expect(tokenNamed(fake, 'NewIdentForTest').whitelist).toContain('198.51.100.0/24');
  });

  it('keeps the edits on a refused save and asks before leaving them', async () => {
    const fake = seededFake();
    const { user } = await renderTokenList(fake);
    const d = await openEdit(user, 'NewIdentForTest');
    const name = within(d).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'TakenElsewhere');
    fake.failNext('tokens.update', { code: 'name_taken', message: 'A token named "TakenElsewhere" already exists.' });
    await user.click(save(d));
    expect(await within(d).findByText('A token named "TakenElsewhere" already exists.')).toBeInTheDocument();
    expect(name).toHaveValue('TakenElsewhere');

    fake.failNext('tokens.update', 'not_found');
    await user.click(save(d));
    expect(await within(d).findByRole('alert')).toHaveTextContent(ERROR_WORDING.not_found);
    expect(name).toHaveValue('TakenElsewhere');

    await user.keyboard('{Escape}');
    const confirm = await screen.findByRole('dialog', { name: 'Discard your changes?' });
    await user.click(within(confirm).getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByRole('dialog', { name: TITLE })).toBe(d);
  });

  it('shows who created the token, its last use, its secret hint and its history', async () => {
    const fake = seededFake();
    const token = tokenNamed(fake, 'NewIdentForTest');
    fake.audit.push({
      id: 1,
      at: '2025-03-04T09:15:00.000Z',
      actor: { type: 'employee', id: ADMIN.id, name: ADMIN.name },
      action: 'token.updated',
      tokenId: token.id,
      tokenName: token.name,
      ip: '127.0.0.1',
      changes: { roleName: ['Read-only Clients', 'Clients, Actions, Logs'] },
    });
    const { user } = await renderTokenList(fake);
    const d = await openEdit(user, 'NewIdentForTest');
    await user.click(within(d).getByRole('tab', { name: 'Details' }));
    // Details load on demand: wait for them.
    expect(await within(d).findByText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} by Ada Admin$/)).toBeInTheDocument();
    expect(within(d).getByText('02/01/2025 11:30 from 203.0.113.45')).toBeInTheDocument();
    expect(within(d).getByText(`${token.secretHint}…`)).toBeInTheDocument();
    expect(await within(d).findByText('Changed')).toBeInTheDocument();
    expect(within(d).getByText('Role changed from “Read-only Clients” to “Clients, Actions, Logs”.')).toBeInTheDocument();
    expect(within(d).getByText('04/03/2025 10:15 · by Ada Admin')).toBeInTheDocument();
  });

  it('tests access with the shared decision', async () => {
    const { user } = await renderTokenList(seededFake());
    const d = await openEdit(user, 'NewIdentForTest');
    await user.click(within(d).getByRole('tab', { name: 'Test access' }));
    const address = await within(d).findByRole('textbox', { name: 'Client address' });
    await user.type(address, '192.168.31.20');
    expect(within(d).getByRole('status')).toHaveTextContent('Accepted');

    await user.clear(address);
    await user.type(address, '8.8.8.8');
    expect(within(d).getByRole('status')).toHaveTextContent("Requests from 8.8.8.8 are not allowed by the token's IP whitelist.");

    await user.clear(address);
    await user.type(address, '203.0.113.45');
    await choose(user, 'Right', 'Delete', d);
    expect(within(d).getByRole('status')).toHaveTextContent('lacks the "Delete" right on Clients');

    // 24 modules: the list can be searched by name.
    await user.click(within(d).getByRole('combobox', { name: 'Module' }));
    await user.keyboard('KYC');
    const listbox = document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)') as HTMLElement;
    expect([...listbox.querySelectorAll('.ant-select-item-option')].map((option) => option.textContent)).toEqual(['KYC Documents']);
  });

  it('is as wide as the add drawer', async () => {
    const { user } = await renderTokenList(seededFake());
    const width = (d: HTMLElement) => (d.closest('.ant-drawer-content-wrapper') ?? d.closest('.ant-drawer-section') ?? d).getAttribute('style');
    await user.click(screen.getByRole('button', { name: '+ Add' }));
    const add = width(await screen.findByRole('dialog', { name: 'Add Identification Token' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Add Identification Token' })).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add Identification Token' })).toBeNull());
    const edit = width(await openEdit(user, 'NewIdentForTest'));
    expect(add).toMatch(/width: 560px/);
    expect(edit).toBe(add);
  });
});

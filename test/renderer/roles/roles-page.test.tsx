import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfigProvider } from 'antd';
import { describe, expect, it } from 'vitest';
import { BridgeProvider } from '../../../renderer/ipc/BridgeContext';
import { RolesPage } from '../../../renderer/roles/RolesPage';
import { seededFake, type FakeWifox } from '../fake-bridge';

async function renderRoles(fake: FakeWifox) {
  const user = userEvent.setup();
  render(
    <ConfigProvider theme={{ zeroRuntime: true }}>
      <BridgeProvider bridge={fake.bridge}>
        <RolesPage />
      </BridgeProvider>
    </ConfigProvider>,
  );
  await screen.findByText('Clients, Actions, Logs');
  return user;
}

const header = (name: string) => {
  const label = screen.getByText(name, { selector: 'strong' });
  const found = label.closest('.ant-collapse-header');
  if (!(found instanceof HTMLElement)) throw new Error(`no panel ${name}`);
  return found;
};

// Opens a role's panel, where its actions are.
async function openRole(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(header(name));
}

const moduleRow = (drawer: HTMLElement, module: string) => within(drawer).getByRole('row', { name: module });

describe('Settings → Roles', () => {
  it('lists the roles this admin may see with their rank and how many tokens hold each; only lower ranks can be changed', async () => {
    await renderRoles(seededFake());
    expect(screen.queryByText('Owner')).toBeNull();
    expect(header('Clients, Actions, Logs')).toHaveTextContent('Rank 4');
    expect(within(header('Clients, Actions, Logs')).getByLabelText('Tokens holding Clients, Actions, Logs')).toHaveTextContent('1 token');
    expect(within(header('CB Accounts & Transactions')).getByLabelText('Tokens holding CB Accounts & Transactions')).toHaveTextContent('1 token');
    const user = userEvent.setup();
    await openRole(user, 'CB Accounts & Transactions');
    expect(await screen.findByText('Ranked the same as you: it can be duplicated, not changed.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit CB Accounts & Transactions' })).toBeNull();
    await openRole(user, 'Read-only Clients');
    expect(await screen.findByRole('button', { name: 'Edit Read-only Clients' })).toBeInTheDocument();
  });

  it('shows before saving which tokens lose which modules, then saves the grid with the version it loaded', async () => {
    const fake = seededFake();
    const user = await renderRoles(fake);
    await openRole(user, 'Clients, Actions, Logs');
    await user.click(await screen.findByRole('button', { name: 'Edit Clients, Actions, Logs' }));
    const drawer = await screen.findByRole('dialog', { name: /Edit Role/ });
    const clients = moduleRow(drawer, 'Clients');
    await user.click(within(clients).getByRole('radio', { name: 'None' }));

    const impact = await within(drawer).findByLabelText('Effect on tokens');
    expect(impact).toHaveTextContent('1 token will lose Clients, KYC Documents, Requests.');
    await waitFor(() => expect(impact).toHaveTextContent('NewIdentForTest'));
    await user.click(within(drawer).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText(/its tokens use the new rights from their next request/)).toBeInTheDocument();
    const [sent] = fake.callsOf('roles.update') as { id: number; version: number; changes: { rights: Record<string, unknown> } }[];
    expect(sent?.version).toBe(1);
    expect(sent?.changes.rights.clients).toBeUndefined();
    expect(fake.tokens.find((token) => token.name === 'NewIdentForTest')?.permissions).not.toContain('Clients');
  });

  it('keeps the edits when someone else saved first, and saves them over their version after a reload', async () => {
    const fake = seededFake().failNext('roles.update', {
      code: 'conflict',
      message: 'Someone else changed this role since you opened it. Reload it to see their changes.',
    });
    const user = await renderRoles(fake);
    await openRole(user, 'Read-only Clients');
    await user.click(await screen.findByRole('button', { name: 'Edit Read-only Clients' }));
    const drawer = await screen.findByRole('dialog', { name: /Edit Role/ });
    await user.click(within(moduleRow(drawer, 'Logs')).getByRole('radio', { name: 'View all' }));
    await user.click(within(drawer).getByRole('button', { name: 'Save' }));
    const alert = await within(drawer).findByText('Someone else changed this role since you opened it. Reload it to see their changes.');
    expect(alert).toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: 'Reload their version' }));
    await waitFor(() => expect(within(drawer).queryByText(/Someone else changed this role/)).toBeNull());
    expect(within(moduleRow(drawer, 'Logs')).getByRole('radio', { name: 'View all' })).toBeChecked();
    await user.click(within(drawer).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Role "Read-only Clients" saved/)).toBeInTheDocument();
    expect(fake.callsOf('roles.update')).toHaveLength(2);
  });

  it('refuses a right the admin lacks, in the server words, before anything is sent', async () => {
    const fake = seededFake();
    const user = await renderRoles(fake);
    await openRole(user, 'Read-only Clients');
    await user.click(await screen.findByRole('button', { name: 'Edit Read-only Clients' }));
    const drawer = await screen.findByRole('dialog', { name: /Edit Role/ });
    await user.click(within(moduleRow(drawer, 'Clients')).getByRole('checkbox', { name: 'Delete on Clients' }));
    expect(within(moduleRow(drawer, 'Clients')).getByRole('alert')).toHaveTextContent(
      'You cannot grant "Delete" on Clients: you do not hold it yourself.',
    );
    const rank = within(drawer).getByRole('spinbutton', { name: 'Rank' });
    await user.clear(rank);
    await user.type(rank, '2');
    expect(drawer).toHaveTextContent('Choose a rank above 3: you can only define roles ranked below your own (rank 3).');
    expect(within(drawer).getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(fake.callsOf('roles.update')).toEqual([]);
  });

  it('starts a new role from a Wifox template at a rank the admin may give', async () => {
    const fake = seededFake();
    const user = await renderRoles(fake);
    await user.click(screen.getByRole('button', { name: 'Desk manager' }));
    const drawer = await screen.findByRole('dialog', { name: 'Add Role' });
    expect(within(drawer).getByRole('textbox', { name: 'Name' })).toHaveValue('Desk manager');
    expect(within(drawer).getByRole('spinbutton', { name: 'Rank' })).toHaveValue('4');
    expect(within(moduleRow(drawer, 'Clients')).getByRole('radio', { name: 'View all' })).toBeChecked();
    // The template grants Projects, which this admin does not hold: refused until removed.
    expect(within(moduleRow(drawer, 'Projects')).getByRole('alert')).toHaveTextContent('You cannot grant "View own", "Manage own" on Projects');
    expect(within(drawer).getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(fake.callsOf('roles.create')).toEqual([]);
  });

  it('defines a role from scratch', async () => {
    const fake = seededFake();
    const user = await renderRoles(fake);
    await user.click(screen.getByRole('button', { name: '+ Add' }));
    const drawer = await screen.findByRole('dialog', { name: 'Add Role' });
    await user.click(within(drawer).getByRole('textbox', { name: 'Name' }));
    await user.paste('read-only clients');
    expect(drawer).toHaveTextContent('A role named "read-only clients" already exists (names are compared without case).');
    await user.paste(' 2');
    await user.click(within(moduleRow(drawer, 'Logs')).getByRole('radio', { name: 'View all' }));
    await user.click(within(drawer).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Role "read-only clients 2" added.')).toBeInTheDocument();
    expect(fake.callsOf('roles.create')).toEqual([{ name: 'read-only clients 2', type: 'employee', rank: 4, rights: { logs: { view: 'all', manage: [] } } }]);
  });

  it('moves the tokens of a deleted role to the role chosen in the same request', async () => {
    const fake = seededFake();
    const user = await renderRoles(fake);
    await openRole(user, 'Read-only Clients');
    await user.click(await screen.findByRole('button', { name: 'Delete Read-only Clients' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Read-only Clients?' });
    expect(dialog).toHaveTextContent('1 identification token holds this role.');
    expect(within(dialog).getByRole('button', { name: 'Delete' })).toBeDisabled();
    await user.click(within(dialog).getByRole('combobox', { name: 'Move its tokens to' }));
    await user.click(await screen.findByTitle('Clients, Actions, Logs (rank 4)'));
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Role "Read-only Clients" deleted.')).toBeInTheDocument();
    expect(fake.callsOf('roles.delete')).toEqual([{ id: 5, version: 1, moveTokensTo: 4 }]);
    expect(fake.tokens.find((token) => token.name === 'WebhookListener')?.roleName).toBe('Clients, Actions, Logs');
  });
});

import { ERROR_WORDING } from '../../shared/ipc/error-wording';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seededFake } from './fake-bridge';
import { renderTokenList, rowOf, shownNames } from './render';

describe('Deleting a token', () => {
  it('asks "Are you sure? This action cannot be undone." with Cancel and Delete', async () => {
    const fake = seededFake();
    const { user } = await renderTokenList(fake);
    await user.click(within(rowOf('NewIdentForTest')).getByRole('button', { name: 'Delete NewIdentForTest' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete NewIdentForTest?' });
    expect(dialog).toHaveTextContent('Are you sure? This action cannot be undone.');
    const buttons = within(dialog).getAllByRole('button').map((button) => button.textContent);
    expect(buttons).toEqual(expect.arrayContaining(['Cancel', 'Delete']));
    expect(within(dialog).getByRole('button', { name: 'Delete' })).toHaveClass('ant-btn-dangerous');

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Delete NewIdentForTest?' })).toBeNull());
    expect(fake.callsOf('tokens.delete')).toEqual([]);
    expect(shownNames()).toContain('NewIdentForTest');
  });

  it('removes the row after Delete and confirms it', async () => {
    const fake = seededFake();
    const { user } = await renderTokenList(fake);
    const id = fake.tokens.find((t) => t.name === 'NewIdentForTest')?.id;
    await user.click(within(rowOf('NewIdentForTest')).getByRole('button', { name: 'Delete NewIdentForTest' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete NewIdentForTest?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByText('Token “NewIdentForTest” deleted.')).toBeInTheDocument();
    expect(fake.callsOf('tokens.delete')).toEqual([{ id }]);
    await waitFor(() => expect(shownNames()).not.toContain('NewIdentForTest'));
    expect(shownNames()).toHaveLength(3);
  });

  it('keeps the row and says why when the server refuses', async () => {
    const fake = seededFake().failNext('tokens.delete', 'forbidden');
    const { user } = await renderTokenList(fake);
    await user.click(within(rowOf('BackendAutomation')).getByRole('button', { name: 'Delete BackendAutomation' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete BackendAutomation?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(ERROR_WORDING.forbidden);
    expect(shownNames()).toContain('BackendAutomation');
  });
});

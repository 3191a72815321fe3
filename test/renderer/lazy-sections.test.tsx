import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seededFake } from './fake-bridge';
import { renderTokenList } from './render';

// Sections other than the token list load on demand: a named loading state shows meanwhile.
describe('sections loaded on demand', () => {
  it('shows a labelled loading state, then the section', async () => {
    const { user } = await renderTokenList(seededFake());
    await user.click(screen.getByRole('menuitem', { name: /Roles/ }));
    expect(await screen.findByRole('status', { name: 'Loading roles' })).toBeInTheDocument();
    expect(await screen.findByText('Clients, Actions, Logs')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('status', { name: 'Loading roles' })).not.toBeInTheDocument());
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { syncingText } from '../../renderer/tokens/SyncingNote';
import { seededFake } from './fake-bridge';
import { renderApp, rowOf, shownNames } from './render';

const SYNCING = 'The list is being brought up to date with the server; editing opens once it is.';

describe('Token list from the saved copy', () => {
  it('paints the saved copy at once, dated and read-only, then the synced list', async () => {
    const fake = seededFake();
    fake.saveOfflineCopy('2026-03-01T09:05:00.000Z');
    fake.addToken({ name: 'CreatedAfterTheCopy', roleId: 4 });
    const release = fake.hold('tokens.list');
    renderApp(fake);

    expect(await screen.findByText('As of 01/03/2026 10:05 — updating…', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(shownNames()).not.toContain('CreatedAfterTheCopy');
    const edit = within(rowOf('NewIdentForTest')).getByRole('button', { name: 'Edit NewIdentForTest' });
    expect(edit).toBeDisabled();
    expect(edit).toHaveAccessibleDescription(SYNCING);

    release();
    expect(await screen.findByRole('button', { name: 'CreatedAfterTheCopy' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText(/— updating…$/)).not.toBeInTheDocument());
    expect(within(rowOf('NewIdentForTest')).getByRole('button', { name: 'Edit NewIdentForTest' })).toBeEnabled();
  });

  it('says only the time for a copy of today', () => {
    expect(syncingText('2026-03-01T09:05:00.000Z', 'Europe/Paris', new Date('2026-03-01T20:00:00.000Z'))).toBe('As of 10:05 — updating…');
    expect(syncingText('2026-03-01T09:05:00.000Z', 'Europe/Paris', new Date('2026-03-02T20:00:00.000Z'))).toBe('As of 01/03/2026 10:05 — updating…');
  });
});

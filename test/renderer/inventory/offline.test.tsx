import { ERROR_WORDING } from '../../../shared/ipc/error-wording';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatDisplayDateTime } from '../../../shared/domain';
import { PROFILE, TIME_ZONE, seededFake } from '../fake-bridge';
import { bodyRows, renderApp, renderTokenList, rowOf, shownNames } from '../render';

const REASON = 'The server cannot be reached: the list is read-only until it answers.';
const BANNER = /^Offline — inventory as of /;

const table = () => screen.findByRole('table', { name: 'Identification tokens' }, { timeout: 5000 });

describe('Identification tokens offline', () => {
  it('shows the saved copy read-only under "Offline — inventory as of …", every change disabled with the reason', async () => {
    const fake = seededFake();
    fake.saveOfflineCopy('2026-03-01T09:05:00.000Z');
    // Created on the server after the copy was saved: not in the offline list.
    fake.addToken({ name: 'CreatedAfterTheCopy', roleId: 4 });
    fake.goOffline();
    const { user } = renderApp(fake);
    await table();

    // 09:05 UTC is 10:05 in Paris, the organisation's zone recorded in the copy.
    expect(screen.getByText('Offline — inventory as of 01/03/2026 10:05')).toBeInTheDocument();
    expect(shownNames()).toEqual(['BackendAutomation', 'NewIdentForTest', 'ReportingScript', 'WebhookListener']);

    const add = screen.getByRole('button', { name: '+ Add' });
    expect(add).toBeDisabled();
    expect(add).toHaveAccessibleDescription(REASON);
    const edit = within(rowOf('NewIdentForTest')).getByRole('button', { name: 'Edit NewIdentForTest' });
    const remove = within(rowOf('NewIdentForTest')).getByRole('button', { name: 'Delete NewIdentForTest' });
    expect(edit).toBeDisabled();
    expect(remove).toBeDisabled();
    expect(edit).toHaveAccessibleDescription(REASON);
    expect(remove).toHaveAccessibleDescription(REASON);

    await user.hover(edit.parentElement as HTMLElement);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(REASON);

    // The name opens a read-only view; Ctrl+N opens nothing.
    await user.click(within(rowOf('NewIdentForTest')).getByRole('button', { name: 'NewIdentForTest' }));
    const details = await screen.findByRole('dialog', { name: 'Token details' });
    expect(within(details).queryAllByRole('textbox')).toEqual([]);
    expect(details).toHaveTextContent('203.0.113.45');
    expect(details).toHaveTextContent(REASON);
    await user.click(within(details).getByRole('button', { name: 'Close token details' }));
    await user.keyboard('{Control>}n{/Control}');
    expect(screen.queryByRole('dialog', { name: 'Add Identification Token' })).toBeNull();
    expect(fake.callsOf('tokens.create')).toEqual([]);
  });

  it('goes offline under a loaded list and back to live data when main reports the server online', async () => {
    const fake = seededFake();
    const { user } = await renderTokenList(fake);
    expect(screen.queryByText(BANNER)).toBeNull();

    act(() => fake.goOffline());
    const banner = await screen.findByText(BANNER);
    // The copy saved by the list's own full load: its time, in the organisation's zone.
    const info = await fake.bridge.inventory.cachedInfo({ profileId: PROFILE.id });
    if (!info.ok || info.value === null) throw new Error('no offline copy');
    expect(banner).toHaveTextContent(`Offline — inventory as of ${formatDisplayDateTime(info.value.takenAt, TIME_ZONE)}`);
    await waitFor(() => expect(within(rowOf('BackendAutomation')).getByRole('button', { name: 'Edit BackendAutomation' })).toBeDisabled());

    fake.addToken({ name: 'CreatedWhileOffline', roleId: 3 });
    act(() => fake.goOnline());
    await waitFor(() => expect(shownNames()).toContain('CreatedWhileOffline'));
    expect(screen.queryByText(BANNER)).toBeNull();
    const edit = within(rowOf('CreatedWhileOffline')).getByRole('button', { name: 'Edit CreatedWhileOffline' });
    expect(edit).toBeEnabled();
    expect(screen.getByRole('button', { name: '+ Add' })).toBeEnabled();
    await user.click(edit);
    expect(await screen.findByRole('dialog', { name: 'Edit Identification Token' })).toBeInTheDocument();
  });

  it('falls back to the saved copy when the list times out, and tries again on request', async () => {
    const fake = seededFake();
    fake.saveOfflineCopy('2026-07-14T21:30:00.000Z');
    fake.failNext('tokens.list', 'timeout');
    const { user } = renderApp(fake);
    expect(await screen.findByText('Offline — inventory as of 14/07/2026 23:30')).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(4);

    await user.click(screen.getByRole('button', { name: 'Try again now' }));
    await waitFor(() => expect(screen.queryByText(BANNER)).toBeNull());
    expect(screen.getByRole('button', { name: '+ Add' })).toBeEnabled();
  });

  it('says when no offline copy exists yet, with a retry, and loads once the server answers', async () => {
    const fake = seededFake();
    fake.goOffline();
    const { user } = renderApp(fake);
    expect(await screen.findByText('The tokens could not be loaded', undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText(/No offline copy of this inventory has been saved yet/)).toBeInTheDocument();
    expect(screen.getByText(ERROR_WORDING.offline)).toBeInTheDocument();

    // Still unreachable: the retry asks again and answers the same.
    const asked = fake.callsOf('tokens.list').length;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(fake.callsOf('tokens.list').length).toBe(asked + 1));
    expect(screen.getByText('The tokens could not be loaded')).toBeInTheDocument();

    act(() => fake.goOnline());
    await table();
    expect(bodyRows()).toHaveLength(4);
  });
});

import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../shared/domain';
import { seededFake, TIME_ZONE } from './fake-bridge';
import { renderTokenList, shownNames } from './render';

const sections = () => screen.getByRole('navigation', { name: 'Main navigation' });

describe('expiry reminders in the console', () => {
  it('shows main’s count as a badge on Identification tokens and follows its updates', async () => {
    const fake = seededFake();
    fake.reminderStatus = { expiringSoon: 2, horizonDays: 7, checkedAt: new Date().toISOString() };
    await renderTokenList(fake);
    expect(await within(sections()).findByLabelText('2 tokens expire within 7 days')).toBeInTheDocument();
    act(() => fake.emit('reminders.changed', { expiringSoon: 1, horizonDays: 14, checkedAt: new Date().toISOString() }));
    expect(await within(sections()).findByLabelText('1 token expires within 14 days')).toBeInTheDocument();
    act(() => fake.emit('reminders.changed', { expiringSoon: 0, horizonDays: 14, checkedAt: new Date().toISOString() }));
    await waitFor(() => expect(within(sections()).queryByLabelText(/within 14 days/)).not.toBeInTheDocument());
  });

  it('opens the token list filtered on "Expiring soon" when the notification is clicked, from another section and a search', async () => {
    const fake = seededFake();
    const { user } = await renderTokenList(fake);
    await user.type(screen.getByPlaceholderText('Search…'), 'Backend');
    await waitFor(() => expect(shownNames()).toEqual(['BackendAutomation']));
    await user.click(screen.getByRole('menuitem', { name: /Preferences/ }));
    await screen.findByRole('heading', { name: 'Preferences' });

    act(() => fake.emit('reminders.openExpiring', { horizonDays: 7 }));
    await waitFor(() => expect(shownNames()).toEqual(['NewIdentForTest']));
    expect(screen.getByRole('combobox', { name: 'Filter by status' }).closest('.ant-select')).toHaveTextContent('Expiring soon');
    expect(screen.getByPlaceholderText('Search…')).toHaveValue('');
  });

  it('at a wider horizon, lands on exactly the tokens the notification counted, and the filter can be left', async () => {
    const fake = seededFake();
    // Day 10 (inside 14 days, past "Expiring soon"), day 14 (the horizon's last day), day 15 (outside).
    fake.addToken({ name: 'TenDays', roleId: 3, expiresOn: addDays(todayIn(TIME_ZONE, new Date()), 9) });
    fake.addToken({ name: 'LastDay', roleId: 3, expiresOn: addDays(todayIn(TIME_ZONE, new Date()), 13) });
    fake.addToken({ name: 'DayAfter', roleId: 3, expiresOn: addDays(todayIn(TIME_ZONE, new Date()), 14) });
    const { user } = await renderTokenList(fake);
    act(() => fake.emit('reminders.openExpiring', { horizonDays: 14 }));
    await waitFor(() => expect(shownNames()).toEqual(['LastDay', 'NewIdentForTest', 'TenDays']));
    const status = screen.getByRole('combobox', { name: 'Filter by status' });
    expect(status.closest('.ant-select')).toHaveTextContent('Expiring within 14 days');
    expect(screen.getByText(`3 of ${fake.tokens.length} tokens`)).toBeInTheDocument();

    await user.click(status);
    await user.click((await screen.findAllByTitle('All statuses')).find((e) => e.closest('.ant-select-dropdown')) as HTMLElement);
    await waitFor(() => expect(shownNames()).toHaveLength(fake.tokens.length));
    expect(status.closest('.ant-select')).not.toHaveTextContent('Expiring within');
  });

  it('saves the horizon and the notification switch in Preferences', async () => {
    const fake = seededFake();
    const { user } = await renderTokenList(fake);
    await user.click(screen.getByRole('menuitem', { name: /Preferences/ }));
    await user.click(await screen.findByRole('combobox', { name: 'Remind me of tokens expiring within' }));
    await user.click((await screen.findAllByTitle('14 days')).find((e) => e.closest('.ant-select-dropdown')) as HTMLElement);
    await waitFor(() => expect(fake.settings.reminderHorizonDays).toBe(14));
    const notifications = screen.getByRole('switch', { name: 'Expiry notifications' });
    expect(notifications).toBeChecked();
    await user.click(notifications);
    await waitFor(() => expect(fake.settings.expiryNotifications).toBe(false));
    expect(fake.callsOf('settings.set')).toEqual([{ reminderHorizonDays: 14 }, { expiryNotifications: false }]);
  });
});

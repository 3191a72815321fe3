import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seededFake } from './fake-bridge';
import { renderTokenList, rowOf, shownNames } from './render';

describe('Fresh data', () => {
  it('reloads the list with Refresh, F5, Ctrl+R and on focus, and says when it was loaded', async () => {
    const fake = seededFake();
    const { user } = await renderTokenList(fake);
    expect(screen.getByTestId('loaded-at')).toHaveTextContent(/^· loaded \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

    fake.addToken({ name: 'AddedElsewhere', roleId: 5 });
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByRole('button', { name: 'AddedElsewhere' })).toBeInTheDocument();

    fake.addToken({ name: 'SecondOutsider', roleId: 5 });
    fireEvent.keyDown(window, { key: 'F5' });
    expect(await screen.findByRole('button', { name: 'SecondOutsider' })).toBeInTheDocument();

    fake.addToken({ name: 'ThirdOutsider', roleId: 5 });
    fireEvent.keyDown(window, { key: 'r', ctrlKey: true });
    expect(await screen.findByRole('button', { name: 'ThirdOutsider' })).toBeInTheDocument();

    fake.addToken({ name: 'FourthOutsider', roleId: 5 });
    act(() => window.dispatchEvent(new Event('focus')));
    expect(await screen.findByRole('button', { name: 'FourthOutsider' })).toBeInTheDocument();
    expect(shownNames()).toHaveLength(8);
  });

  it('shows the last use in the edit drawer as soon as the window gets the focus back', async () => {
    const fake = seededFake();
    const { user } = await renderTokenList(fake);
    await user.click(within(rowOf('BackendAutomation')).getByRole('button', { name: 'Edit BackendAutomation' }));
    const d = await screen.findByRole('dialog', { name: 'Edit Identification Token' });
    await user.click(within(d).getByRole('tab', { name: 'Details' }));
    // Details load on demand: wait for them.
    expect(await within(d).findByText('Never used')).toBeInTheDocument();

    const token = fake.tokens.find((t) => t.name === 'BackendAutomation');
    if (!token) throw new Error('BackendAutomation');
    token.lastUsedAt = '2026-01-02T10:30:00.000Z';
    token.lastUsedIp = '198.51.100.20';
    act(() => window.dispatchEvent(new Event('focus')));
    expect(await within(d).findByText(/from 198\.51\.100\.20$/)).toBeInTheDocument();
  });
});

import { ERROR_WORDING } from '../../shared/ipc/error-wording';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PASSWORD, PROFILE, seededFake } from './fake-bridge';
import { renderApp, renderTokenList } from './render';

describe('Sign-in screen', () => {
  it('signs in with the chosen profile and says what went wrong on the way', async () => {
    const fake = seededFake({ signedIn: false });
    const { user } = renderApp(fake);
    expect(await screen.findByRole('heading', { name: 'Sign in to Wifox' })).toBeInTheDocument();
    expect(await screen.findByText(`${PROFILE.email} on ${PROFILE.baseUrl}`)).toBeInTheDocument();
    const password = screen.getByLabelText('Password');
    const signIn = screen.getByRole('button', { name: 'Sign in' });

    await user.type(password, 'nope');
    await user.click(signIn);
    expect(await screen.findByRole('alert')).toHaveTextContent(ERROR_WORDING.invalid_credentials);

    fake.failNext('session.signIn', { code: 'locked', message: 'Locked', retryAfterSeconds: 42 });
    await user.click(signIn);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Try again in 42 s.'));
    expect(signIn).toBeDisabled();
  });

  it('says when the server cannot be reached, then signs in', async () => {
    const fake = seededFake({ signedIn: false }).failNext('session.signIn', 'offline');
    const { user } = renderApp(fake);
    await user.type(await screen.findByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(ERROR_WORDING.offline);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('table', { name: 'Identification tokens' })).toBeInTheDocument();
  });

  it('adds a profile, refusing plain http to another machine', async () => {
    const fake = seededFake({ signedIn: false });
    const { user } = renderApp(fake);
    await user.click(await screen.findByRole('button', { name: 'Add profile' }));
    await user.type(screen.getByRole('textbox', { name: 'Profile name' }), 'Production');
    const url = screen.getByRole('textbox', { name: 'Server address' });
    await user.clear(url);
    await user.type(url, 'http://wifox.example.com');
    await user.type(screen.getByRole('textbox', { name: 'Email' }), 'ops@example.com');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(screen.getByText(/Use https:\/\/ — plain http:\/\/ is only allowed for this computer/)).toBeInTheDocument();
    expect(fake.callsOf('profiles.save')).toEqual([]);

    await user.clear(url);
    await user.type(url, 'https://wifox.example.com/');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('ops@example.com on https://wifox.example.com')).toBeInTheDocument();
    expect(fake.callsOf('profiles.save')).toEqual([{ name: 'Production', baseUrl: 'https://wifox.example.com', email: 'ops@example.com' }]);
  });
});

describe('Layout', () => {
  it('opens and closes the sidebar with ☰ and shows profile, admin and connection', async () => {
    const fake = seededFake();
    const { user } = await renderTokenList(fake);
    const banner = screen.getByRole('banner');
    expect(within(banner).getByTestId('header-profile')).toHaveTextContent('Profile: Local demo');
    expect(within(banner).getByTestId('header-admin')).toHaveTextContent('Signed in as Ada Admin');
    expect(within(banner).getByRole('status', { name: 'Connection: online' })).toHaveTextContent('Online');

    const toggle = screen.getByRole('button', { name: 'Close menu' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toHaveTextContent('Identification tokens');
    await user.click(toggle);
    expect(screen.queryByRole('navigation', { name: 'Main navigation' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Open menu' })).toHaveAttribute('aria-expanded', 'false');

    act(() => fake.emit('connection.changed', { profileId: PROFILE.id, state: 'offline' }));
    expect(within(banner).getByRole('status', { name: 'Connection: offline' })).toHaveTextContent('Offline');
  });

  it('asks for the password when main says the session ended, and signs out on request', async () => {
    const fake = seededFake();
    const { user } = await renderTokenList(fake);
    act(() => fake.emit('session.ended', { profileId: PROFILE.id, reason: 'expired', message: 'Your session expired.' }));
    const prompt = await screen.findByRole('dialog', { name: 'Sign in again' });
    expect(prompt).toHaveTextContent('Your session expired.');
    await user.click(within(prompt).getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Wifox' })).toBeInTheDocument();
  });

  it('opens the add drawer with Ctrl+N and the search with Ctrl+F', async () => {
    const { user } = await renderTokenList(seededFake());
    await user.keyboard('{Control>}f{/Control}');
    expect(screen.getByRole('textbox', { name: 'Search tokens' })).toHaveFocus();
    await user.keyboard('{Control>}n{/Control}');
    expect(await screen.findByRole('dialog', { name: 'Add Identification Token' })).toBeInTheDocument();
  });
});

describe('Settings → Roles', () => {
  it('shows each role with its rank and a module × rights grid', async () => {
    const { user } = await renderTokenList(seededFake());
    await user.click(screen.getByRole('menuitem', { name: /Roles/ }));
    expect(await screen.findByRole('heading', { name: 'Roles' })).toBeInTheDocument();
    const header = (await screen.findByText('Clients, Actions, Logs')).closest('[role="button"]') as HTMLElement;
    expect(header).toHaveTextContent('Rank 4');
    // Employee is every role's type here: no tag repeats it, and the page does not send the
    // admin to "the Wifox console" from inside this console.
    expect(header).not.toHaveTextContent('Employee');
    expect(screen.getByText(/A change applies at once to every token holding the role/)).toBeInTheDocument();
    await user.click(header);
    const grid = await screen.findByRole('table', { name: 'Rights of Clients, Actions, Logs' });
    const headers = within(grid).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Module', 'View', 'Create/Edit', 'Manage own', 'Manage all', 'Delete']);
    const kyc = within(grid).getByText('KYC Documents').closest('tr') as HTMLElement;
    expect(kyc).toHaveTextContent('View all (from Clients)');
  });
});

describe('Settings → Preferences', () => {
  it('saves the theme and the clipboard delay through main', async () => {
    const fake = seededFake();
    const { user } = await renderTokenList(fake);
    await user.click(screen.getByRole('menuitem', { name: /Preferences/ }));
    await user.click(await screen.findByRole('radio', { name: 'Dark' }));
    await waitFor(() => expect(fake.settings.theme).toBe('dark'));
    await user.click(screen.getByRole('combobox', { name: 'Clear the clipboard after copying a token' }));
    await user.click((await screen.findAllByTitle('After 2 min')).find((e) => e.closest('.ant-select-dropdown')) as HTMLElement);
    await waitFor(() => expect(fake.settings.clipboardClearSeconds).toBe(120));
    expect(fake.callsOf('settings.set')).toEqual([{ theme: 'dark' }, { clipboardClearSeconds: 120 }]);
  });
});

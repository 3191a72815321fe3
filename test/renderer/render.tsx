import { render, screen, within, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { App } from '../../renderer/app/App';
import { Providers } from '../../renderer/app/Providers';
import { BridgeProvider } from '../../renderer/ipc/BridgeContext';
import type { FakeWifox } from './fake-bridge';

// The drawers and their tabs load on demand in the app (React.lazy). Importing them here has
// Vitest transform them while the test file loads, not inside the first test that opens one;
// the app still goes through its loading state, only shorter.
await Promise.all([
  import('../../renderer/tokens/drawers/AddTokenDrawer'),
  import('../../renderer/tokens/drawers/EditTokenDrawer'),
  import('../../renderer/tokens/details/TokenDetails'),
  import('../../renderer/tokens/details/TestAccess'),
]);

export type Rendered = RenderResult & { user: UserEvent };

/** The whole console against the fake main process. */
export function renderApp(fake: FakeWifox): Rendered {
  const user = userEvent.setup();
  // zeroRuntime: antd injects no CSS-in-JS here. jsdom's getComputedStyle matches every rule
  // against every element, which makes role queries take seconds with antd's 400 kB of CSS.
  return {
    user,
    ...render(
      <ConfigProvider theme={{ zeroRuntime: true }}>
        <App bridge={fake.bridge} />
      </ConfigProvider>,
    ),
  };
}

/** Signed in on the token list, once its rows are on screen. */
export async function renderTokenList(fake: FakeWifox): Promise<Rendered> {
  const rendered = renderApp(fake);
  await screen.findByRole('table', { name: 'Identification tokens' }, { timeout: 5000 });
  return rendered;
}

export function tokenTable(): HTMLElement {
  return screen.getByRole('table', { name: 'Identification tokens' });
}

/** Body rows in display order, the header row left out. */
export function bodyRows(): HTMLElement[] {
  return within(tokenTable()).getAllByRole('row').slice(1);
}

/** The names shown in the Token column, in display order. */
export function shownNames(): string[] {
  return bodyRows().map((row) => within(row).getAllByRole('cell')[0]?.textContent ?? '');
}

/** The body row of the token with this name. */
export function rowOf(name: string): HTMLElement {
  const row = bodyRows().find((candidate) => within(candidate).queryByRole('button', { name: `Edit ${name}` }));
  if (!row) throw new Error(`No row for ${name}`);
  return row;
}

/** Opens an antd Select by its accessible name and picks the option with this title. */
export async function choose(user: UserEvent, combobox: string, option: string, within_: HTMLElement = document.body): Promise<void> {
  await user.click(within(within_).getByRole('combobox', { name: combobox }));
  const items = await screen.findAllByTitle(option);
  const item = items.find((element) => element.closest('.ant-select-dropdown') && element.classList.contains('ant-select-item-option'));
  if (!item) throw new Error(`No option "${option}" in ${combobox}`);
  await user.click(item);
}

/** The drawer (dialog) with this title. */
export function drawer(title: string): HTMLElement {
  return screen.getByRole('dialog', { name: title });
}

/** One component with the providers the app would give it, against the fake main process. */
export function renderFocused(ui: ReactNode, fake: FakeWifox): Rendered {
  const user = userEvent.setup();
  return {
    user,
    ...render(
      <ConfigProvider theme={{ zeroRuntime: true }}>
        <BridgeProvider bridge={fake.bridge}>
          <Providers>{ui}</Providers>
        </BridgeProvider>
      </ConfigProvider>,
    ),
  };
}

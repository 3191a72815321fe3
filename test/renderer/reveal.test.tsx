import { act, screen, waitFor, within } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { RevealHost, type RevealHandle } from '../../renderer/common/reveal/RevealDialog';
import { FakeWifox } from './fake-bridge';
import { renderFocused } from './render';

const SECRET = 'wfx_AbCdEfGhIjKlMnOpQrStUvWxYz012345Zz9Yx8';

function showReveal(fake = new FakeWifox()) {
  const ref = createRef<RevealHandle>();
  const rendered = renderFocused(<RevealHost ref={ref} />, fake);
  act(() => ref.current?.show({ tokenName: 'PostmanUser', secret: SECRET }));
  return { ...rendered, fake, dialog: screen.getByRole('dialog', { name: 'Token generated: PostmanUser' }) };
}

const secretGone = () => {
  expect(screen.queryByRole('dialog', { name: 'Token generated: PostmanUser' })).toBeNull();
  expect(document.body.innerHTML).not.toContain(SECRET);
  expect(JSON.stringify({ ...sessionStorage })).not.toContain(SECRET);
  expect(JSON.stringify({ ...localStorage })).not.toContain(SECRET);
};

describe('The reveal dialog', () => {
  it('shows the whole secret once, in a monospace field, and says it will not be shown again', () => {
    const { dialog } = showReveal();
    const field = within(dialog).getByRole('textbox', { name: 'Token secret' });
    expect(field).toHaveValue(SECRET);
    expect(field).toHaveAttribute('readonly');
    expect(field.style.fontFamily).toMatch(/monospace/);
    expect(dialog).toHaveTextContent('This is the only time the token is shown in full.');
    expect(within(dialog).getAllByRole('button', { name: 'Copy' })).toHaveLength(1);
  });

  it('copies through main and says when the clipboard clears', async () => {
    const fake = new FakeWifox();
    fake.settings.clipboardClearSeconds = 10;
    const { user, dialog } = showReveal(fake);
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(fake.clipboard).toEqual([SECRET]);
    expect(await within(dialog).findByText('Copied — the clipboard clears in 10 s')).toBeInTheDocument();
    // Said once, where the admin is looking: no toast repeats it.
    expect(screen.getAllByText(/Copied/)).toHaveLength(1);
    expect(dialog).not.toHaveTextContent('clipboard history');
  });

  it('says clipboard history may keep a copy where the desktop cannot exclude it', async () => {
    const fake = new FakeWifox();
    fake.clipboardHistoryExcluded = false;
    const { user, dialog } = showReveal(fake);
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(await within(dialog).findByText(/clipboard history: it may keep a copy of the token/)).toBeInTheDocument();
  });

  it('cannot be closed by Escape or by clicking outside', async () => {
    const { user, dialog } = showReveal();
    await user.keyboard('{Escape}');
    await user.click(document.querySelector('.ant-modal-wrap') as HTMLElement);
    expect(screen.getByRole('dialog', { name: 'Token generated: PostmanUser' })).toBe(dialog);
    expect(screen.queryByText('You have not copied the token. Close anyway?')).toBeNull();
  });

  it('asks before closing when the secret was not copied, and drops it once closed', async () => {
    const { user, dialog } = showReveal();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    const confirm = await screen.findByRole('dialog', { name: 'Close without copying?' });
    expect(confirm).toHaveTextContent('You have not copied the token. Close anyway?');
    await user.click(within(confirm).getByRole('button', { name: 'Go back' }));
    expect(within(dialog).getByRole('textbox', { name: 'Token secret' })).toHaveValue(SECRET);

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Close without copying?' })).getByRole('button', { name: 'Close anyway' }));
    await waitFor(secretGone);
  });

  it('closes at once after copying (default 30 s) and cannot show the secret again', async () => {
    const { user, dialog, fake } = showReveal();
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(await within(dialog).findByText('Copied — the clipboard clears in 30 s')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(secretGone);
    expect(screen.queryByRole('dialog', { name: 'Close without copying?' })).toBeNull();
    // The only secret that ever crossed the bridge from the renderer is the one copied.
    expect(fake.calls.filter((call) => JSON.stringify(call.arg ?? null).includes(SECRET)).map((call) => call.channel)).toEqual([
      'clipboard.copySecret',
    ]);
  });
});

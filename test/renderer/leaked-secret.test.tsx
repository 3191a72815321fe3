import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatSecret, secretHint } from '../../shared/domain';
import { seededFake, type FakeWifox } from './fake-bridge';
import { renderTokenList } from './render';

await import('../../renderer/leaks/LeakedSecretPage');

async function issue(fake: FakeWifox, name: string): Promise<string> {
  const result = await fake.bridge.tokens.create({ name, roleId: 5, whitelist: ['203.0.113.0/24'] });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.secret;
}

async function openPage(fake: FakeWifox) {
  const rendered = await renderTokenList(fake);
  await rendered.user.click(screen.getByRole('menuitem', { name: /Leaked secret/ }));
  await screen.findByRole('heading', { name: 'Leaked secret' });
  return rendered;
}

const unknown = formatSecret('Q'.repeat(32));
// The fake's secrets share their first characters (and so their hints): rows are found by text.
const rowWith = (text: string): HTMLElement => {
  const row = within(screen.getByRole('table', { name: 'Secrets found' })).getAllByRole('row').find((candidate) => candidate.textContent?.includes(text));
  if (!row) throw new Error(text);
  return row;
};

describe('Security → Leaked secret', () => {
  it('finds the secrets in a pasted text, reports each one, and deletes the live ones chosen in one action', async () => {
    const fake = seededFake();
    const first = await issue(fake, 'Leaked one');
    const second = await issue(fake, 'Leaked two');
    const forged = `${first.slice(0, -1)}${first.endsWith('A') ? 'B' : 'A'}`;
    const { user } = await openPage(fake);

    const text = `ticket #42: WIFOX=${first}\nalso ${second} and ${unknown}\nand ${forged}`;
    await user.click(screen.getByRole('textbox', { name: 'Text to check for leaked secrets' }));
    await user.paste(text);
    await user.click(screen.getByRole('button', { name: 'Find secrets' }));

    await screen.findByRole('table', { name: 'Secrets found' });
    expect(fake.callsOf('leaks.check')).toEqual([{ text }]);
    expect(rowWith('Leaked one')).toHaveTextContent('203.0.113.0/24');
    expect(rowWith('Leaked one')).toHaveTextContent('Never used');
    expect(rowWith('Leaked one')).toHaveTextContent('Live: this is the token’s current secret.');
    expect(rowWith('Leaked two')).toHaveTextContent(secretHint(second));
    expect(rowWith(secretHint(unknown))).toHaveTextContent('Unknown: no token you can see has this secret.');
    // A forged secret shares the hint of the real one: its row is the malformed one.
    const malformed = within(screen.getByRole('table', { name: 'Secrets found' })).getAllByRole('row').filter((row) => row.textContent?.includes('Malformed'));
    expect(malformed).toHaveLength(1);
    // No secret is ever shown back, only hints.
    expect(screen.getByRole('table', { name: 'Secrets found' }).textContent).not.toContain(first.slice(8));

    await user.click(screen.getByRole('button', { name: 'Delete chosen tokens' }));
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    expect(await screen.findByText(`${secretHint(first)}…: “Leaked one” deleted.`)).toBeInTheDocument();
    expect(screen.getByText(`${secretHint(second)}…: “Leaked two” deleted.`)).toBeInTheDocument();
    expect(fake.tokens.map((t) => t.name)).not.toContain('Leaked one');
    expect(fake.tokens.map((t) => t.name)).not.toContain('Leaked two');
  });

  it('rotates the chosen ones with no overlap and shows each new secret once, one after the other', async () => {
    const fake = seededFake();
    const first = await issue(fake, 'Rotate me');
    const second = await issue(fake, 'Keep me');
    const { user } = await openPage(fake);
    await user.click(screen.getByRole('textbox', { name: 'Text to check for leaked secrets' }));
    await user.paste(`${first} ${second}`);
    await user.click(screen.getByRole('button', { name: 'Find secrets' }));
    await screen.findByRole('table', { name: 'Secrets found' });
    await user.click(within(rowWith('Keep me')).getByRole('checkbox', { name: `Revoke ${secretHint(second)}… (Keep me)` }));

    await user.click(screen.getByRole('button', { name: 'Rotate chosen secrets (no overlap)' }));
    const reveal = await screen.findByRole('dialog', { name: 'New secret for Rotate me' });
    expect(fake.callsOf('tokens.rotateSecret')).toEqual([expect.objectContaining({ overlapHours: 0 })]);
    expect(within(reveal).getByRole('textbox', { name: 'Token secret' })).toHaveValue(fake.issuedSecrets.at(-1));
    await user.click(within(reveal).getByRole('button', { name: 'Copy' }));
    await user.click(within(reveal).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New secret for Rotate me' })).toBeNull());
    expect(fake.tokens.map((t) => t.name)).toContain('Keep me');
  });

  it('says what went wrong and keeps the pasted text when the check fails', async () => {
    const fake = seededFake();
    const { user } = await openPage(fake);
    fake.failNext('leaks.check', 'offline');
    await user.click(screen.getByRole('textbox', { name: 'Text to check for leaked secrets' }));
    await user.paste(unknown);
    await user.click(screen.getByRole('button', { name: 'Find secrets' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The Wifox server cannot be reached.');
    expect(screen.getByRole('textbox', { name: 'Text to check for leaked secrets' })).toHaveValue(unknown);
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { seededFake, type FakeWifox } from './fake-bridge';
import { renderTokenList, rowOf } from './render';

const TITLE = 'Edit Identification Token';
const NAME = 'NewIdentForTest';

async function openEdit(user: UserEvent): Promise<HTMLElement> {
  await user.click(within(rowOf(NAME)).getByRole('button', { name: `Edit ${NAME}` }));
  return screen.findByRole('dialog', { name: TITLE });
}

function token(fake: FakeWifox) {
  const found = fake.tokens.find((t) => t.name === NAME);
  if (!found) throw new Error(NAME);
  return found;
}

describe('Rotate secret in the edit drawer', () => {
  it('rotates with the overlap chosen, shows the new secret once, and the list says the old one is valid until when', async () => {
    const fake = seededFake();
    const { user } = await renderTokenList(fake);
    const before = token(fake);
    const drawer = await openEdit(user);
    await user.click(within(drawer).getByRole('button', { name: 'Rotate secret' }));
    const ask = await screen.findByRole('dialog', { name: `Rotate the secret of ${NAME}` });
    await user.click(within(ask).getByRole('radio', { name: '24 hours' }));
    await user.click(within(ask).getByRole('button', { name: 'Rotate secret' }));

    const reveal = await screen.findByRole('dialog', { name: `New secret for ${NAME}` });
    const secret = fake.issuedSecrets.at(-1) as string;
    expect(within(reveal).getByRole('textbox', { name: 'Token secret' })).toHaveValue(secret);
    expect(fake.callsOf('tokens.rotateSecret')).toEqual([{ id: before.id, version: before.version, overlapHours: 24 }]);
    await user.click(within(reveal).getByRole('button', { name: 'Copy' }));
    await user.click(within(reveal).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: `New secret for ${NAME}` })).toBeNull());

    // The drawer now edits the rotated version and offers to end the overlap.
    expect(within(drawer).getByText(/^rotating — old secret valid until \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)).toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: 'Cancel' }));
    expect(within(rowOf(NAME)).getByText(/^rotating — old secret valid until \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)).toBeInTheDocument();
  });

  it('ends the overlap in one action, with the version after the rotation', async () => {
    const fake = seededFake();
    const { user } = await renderTokenList(fake);
    const drawer = await openEdit(user);
    await user.click(within(drawer).getByRole('button', { name: 'Rotate secret' }));
    const ask = await screen.findByRole('dialog', { name: `Rotate the secret of ${NAME}` });
    await user.click(within(ask).getByRole('button', { name: 'Rotate secret' }));
    const reveal = await screen.findByRole('dialog', { name: `New secret for ${NAME}` });
    await user.click(within(reveal).getByRole('button', { name: 'Copy' }));
    await user.click(within(reveal).getByRole('button', { name: 'Close' }));

    const rotatedVersion = token(fake).version;
    await user.click(await within(drawer).findByRole('button', { name: 'End overlap now' }));
    await waitFor(() => expect(within(drawer).queryByText(/^rotating — /)).toBeNull());
    expect(fake.callsOf('tokens.endOverlap')).toEqual([{ id: token(fake).id, version: rotatedVersion }]);
    expect(token(fake).previousSecret).toBeNull();
  });

  it('keeps the dialog and the choice open with a clear message when the token changed meanwhile', async () => {
    const fake = seededFake();
    const { user } = await renderTokenList(fake);
    const drawer = await openEdit(user);
    fake.failNext('tokens.rotateSecret', { code: 'conflict', message: 'The token changed meanwhile.' });
    await user.click(within(drawer).getByRole('button', { name: 'Rotate secret' }));
    const ask = await screen.findByRole('dialog', { name: `Rotate the secret of ${NAME}` });
    await user.click(within(ask).getByRole('radio', { name: '7 days' }));
    await user.click(within(ask).getByRole('button', { name: 'Rotate secret' }));
    expect(await within(ask).findByRole('alert')).toHaveTextContent('Someone else changed this token since you opened it.');
    expect(within(ask).getByRole('radio', { name: '7 days' })).toBeChecked();
    expect(screen.queryByRole('dialog', { name: `New secret for ${NAME}` })).toBeNull();
  });
});

import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { InventorySignature } from '../../../shared/api/signing';
import { seededFake, PROFILE, type FakeWifox } from '../fake-bridge';
import { renderApp, type Rendered } from '../render';

// Who vouches for an opened inventory file (main checks; the page says it), and the profile's
// recorded server keys with their fingerprints.

const SIGNATURE: InventorySignature = {
  algorithm: 'Ed25519',
  keyId: '3f2a9c1b00112233',
  server: 'Acme Bank',
  // 23:30 UTC is already the 11th in Paris, the inventory's zone.
  signedAt: '2026-02-10T23:30:00.000Z',
  signedFor: { id: 7, name: 'Ada Admin' },
  value: `${'A'.repeat(86)}==`,
};
const FINGERPRINT = '3F2A 9C1B 0011 2233 4455 6677 8899 AABB CCDD EEFF 0011 2233 4455 6677 8899 AABB';

async function renderInventory(fake: FakeWifox): Promise<Rendered> {
  sessionStorage.setItem('wifox.section', 'inventory');
  const rendered = renderApp(fake);
  await screen.findByRole('heading', { name: 'Inventory review' }, { timeout: 5000 });
  return rendered;
}

async function openFile(user: UserEvent, fake: FakeWifox): Promise<void> {
  fake.openDialog.push(await fake.snapshotText('2026-02-10T08:00:00.000Z'));
  await user.click(screen.getByRole('button', { name: 'Open inventory…' }));
}

const banner = () => screen.findByRole('status', { name: 'Signature' }, { timeout: 5000 });

describe('signed inventory files', () => {
  it('says who signed an unaltered file, on which day in the organisation’s zone', async () => {
    const fake = seededFake();
    fake.signatureOf = () => ({ state: 'signed', signature: SIGNATURE, profileName: 'Production', fingerprint: FINGERPRINT });
    fake.goOffline();
    const { user } = await renderInventory(fake);
    await openFile(user, fake);
    const shown = await banner();
    expect(shown).toHaveTextContent('Signed by Acme Bank on 11/02/2026, unaltered');
    expect(shown).toHaveTextContent(`the profile “Production” (fingerprint ${FINGERPRINT})`);
    expect(shown).toHaveTextContent('at the request of Ada Admin');
  });

  it('warns that an unsigned file proves nothing about its origin', async () => {
    const fake = seededFake();
    const { user } = await renderInventory(fake);
    await openFile(user, fake);
    const shown = await banner();
    expect(shown).toHaveTextContent('Unsigned inventory: where it comes from cannot be proved');
    expect(shown).not.toHaveTextContent('unaltered');
  });

  it('warns about a file signed by a key no profile trusts, naming an announced key to compare', async () => {
    const fake = seededFake();
    fake.signatureOf = () => ({ state: 'foreign', signature: SIGNATURE, fingerprint: FINGERPRINT });
    const { user } = await renderInventory(fake);
    await openFile(user, fake);
    const shown = await banner();
    expect(shown).toHaveTextContent('Signed by a key this console does not trust');
    expect(shown).toHaveTextContent('signed by Acme Bank on 11/02/2026 with key 3f2a9c1b00112233');
    expect(shown).toHaveTextContent(`fingerprint ${FINGERPRINT}`);
    expect(shown).not.toHaveTextContent('unaltered');
  });

  it('refuses a file whose signature no longer matches, in main’s words, and opens nothing', async () => {
    const fake = seededFake();
    const message = 'The file has been changed since the server signed it: its content no longer matches its signature.';
    fake.signatureOf = () => ({ code: 'validation', message });
    const { user } = await renderInventory(fake);
    await openFile(user, fake);
    expect(await screen.findByRole('alert')).toHaveTextContent(`The file could not be opened${message}`);
    expect(screen.queryByRole('status', { name: 'Signature' })).toBeNull();
    expect(screen.queryByText(/inventory-1\.json/)).toBeNull();
  });
});

describe('exporting a snapshot', () => {
  async function exportJson(fake: FakeWifox, user: UserEvent, path: string): Promise<void> {
    fake.saveDialog.push(path);
    await user.click(screen.getByRole('button', { name: 'Export inventory…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export inventory' });
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
  }

  it('says the file was signed, and by which server', async () => {
    const fake = seededFake();
    fake.exportSignature = { state: 'signed', signature: SIGNATURE, profileName: 'Production', fingerprint: FINGERPRINT };
    const { user } = await renderInventory(fake);
    await exportJson(fake, user, '/home/ada/signed.json');
    expect(await screen.findByText('Inventory exported to /home/ada/signed.json, signed by Acme Bank', {}, { timeout: 5000 })).toBeInTheDocument();
  });

  it('warns when the server could not sign it', async () => {
    const fake = seededFake();
    fake.exportSignature = { state: 'unsigned' };
    const { user } = await renderInventory(fake);
    await exportJson(fake, user, '/home/ada/unsigned.json');
    expect(
      await screen.findByText(/^Inventory exported to \/home\/ada\/unsigned\.json unsigned: the server could not sign it/, {}, { timeout: 5000 }),
    ).toBeInTheDocument();
  });
});

describe('the profile’s server signing keys', () => {
  it('lists the recorded fingerprints and trusts an announced key only when accepted', async () => {
    const fake = seededFake();
    const key = { createdAt: '2026-01-05T09:00:00.000Z', recordedAt: '2026-01-06T10:00:00.000Z' };
    fake.signingKeys.set(PROFILE.id, {
      server: 'Acme Bank',
      keys: [
        { ...key, keyId: '3f2a9c1b00112233', fingerprint: FINGERPRINT, retiredAt: '2026-02-01T00:00:00.000Z', trusted: true },
        { ...key, keyId: 'aabbccddeeff0011', fingerprint: 'AABB CCDD EEFF 0011', retiredAt: null, trusted: false },
      ],
    });
    const { user } = await renderInventory(fake);
    await user.click(screen.getByRole('tab', { name: 'Signing keys' }));
    const list = await screen.findByRole('region', { name: 'Server signing keys' });
    expect(list).toHaveTextContent('Inventory signing keys of Acme Bank');
    expect(list).toHaveTextContent(FINGERPRINT);
    expect(within(list).getByText('Not trusted yet')).toBeInTheDocument();

    await user.click(within(list).getByRole('button', { name: 'Accept key' }));
    expect(await within(list).findByText('Signs now')).toBeInTheDocument();
    expect(within(list).queryByText('Not trusted yet')).toBeNull();
    expect(fake.callsOf('profiles.acceptSigningKey')).toEqual([{ profileId: PROFILE.id, keyId: 'aabbccddeeff0011' }]);
  });

  it('says a profile that never connected has no key yet', async () => {
    const fake = seededFake();
    const { user } = await renderInventory(fake);
    await user.click(screen.getByRole('tab', { name: 'Signing keys' }));
    expect(await screen.findByText('Server signing key: recorded when this profile first connects.')).toBeInTheDocument();
  });
});

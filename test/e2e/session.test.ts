import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Suite, startSuite } from './support/suite';

describe('flow 1: sign in, restart, sign out', () => {
  let suite: Suite;
  beforeAll(async () => {
    suite = await startSuite('session');
  });
  afterAll(async () => {
    await suite?.close();
  });

  it('keeps the session across a restart through the keychain and forgets it on sign-out', async () => {
    const first = await suite.open();
    await first.page.getByRole('button', { name: 'Sign in' }).waitFor();
    await suite.signIn(first);
    const profiles = first.services.profiles.list();
    expect(profiles).toHaveLength(1);
    const profileId = profiles[0]!.id;
    await first.close();

    if (suite.keychainAvailable) {
      expect(await suite.keychain.get(profileId)).toMatch(/\S{20,}/);
    }

    // A new launch over the same user data folder and keychain.
    const second = await suite.open();
    if (suite.keychainAvailable) {
      await second.page.getByRole('button', { name: 'Sign out' }).waitFor();
      expect(second.calls).not.toContain('session.signIn');
      await second.page.getByRole('button', { name: 'Sign out' }).click();
      await second.page.getByRole('button', { name: 'Sign in' }).waitFor();
      expect(await suite.keychain.get(profileId)).toBeNull();
    } else {
      // Without a keychain nothing was remembered, so the console asks for the password again.
      await second.page.getByRole('button', { name: 'Sign in' }).waitFor();
    }
    await second.close();

    const third = await suite.open();
    await third.page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(suite.leaks()).toEqual([]);
  });
});

import { KeyringSecretStore } from '../../main/adapters/keyring';

// Whether a Secret Service / keychain answers right now: tests on a machine without one say so
// instead of failing on the keychain.
export const probeKeychain = async (service: string): Promise<boolean> => {
  try {
    await new KeyringSecretStore(service).get('__probe__');
    return true;
  } catch {
    return false;
  }
};

import { AsyncEntry } from '@napi-rs/keyring';
import { KeychainUnavailableError, type SecretStore } from '../ports';

export const KEYCHAIN_SERVICE = 'Wifox Token Console';

// The OS keychain through @napi-rs/keyring. On Linux the entry is pinned to the Secret Service:
// the library's fallback, the kernel keyring, forgets everything at logout, which would look
// like storage while not being it. No Secret Service means "unavailable", said plainly.
export class KeyringSecretStore implements SecretStore {
  constructor(private readonly service: string = KEYCHAIN_SERVICE) {}

  private entry(account: string): AsyncEntry {
    try {
      return new AsyncEntry(this.service, account, { linux: { store: 'secret-service' } });
    } catch {
      throw new KeychainUnavailableError('no Secret Service or keychain answered');
    }
  }

  async get(account: string): Promise<string | null> {
    try {
      return await this.entry(account).getPassword();
    } catch (error) {
      throw unavailable(error);
    }
  }

  async set(account: string, secret: string): Promise<void> {
    try {
      await this.entry(account).setPassword(secret);
    } catch (error) {
      throw unavailable(error);
    }
  }

  async delete(account: string): Promise<boolean> {
    try {
      return await this.entry(account).deleteCredential();
    } catch (error) {
      throw unavailable(error);
    }
  }
}

// The library's own message can quote D-Bus addresses; only a fixed phrase leaves this file.
const unavailable = (error: unknown): KeychainUnavailableError =>
  error instanceof KeychainUnavailableError ? error : new KeychainUnavailableError('the keychain refused the request');

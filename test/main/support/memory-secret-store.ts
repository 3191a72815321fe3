import { KeychainUnavailableError, type SecretStore } from '../../../main/ports';

// A keychain stand-in for tests and harnesses; `available: false` behaves like a machine
// without a Secret Service.
export class MemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>();

  constructor(private readonly options: { available?: boolean } = {}) {}

  private check(): void {
    if (this.options.available === false) throw new KeychainUnavailableError('no keychain in this environment');
  }

  async get(account: string): Promise<string | null> {
    this.check();
    return this.secrets.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.check();
    this.secrets.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    this.check();
    return this.secrets.delete(account);
  }
}

import type { KeyValueStore, SecretStore } from '../ports';
import { KeychainUnavailableError } from '../ports';

export class MemoryStore implements KeyValueStore {
  private readonly values = new Map<string, unknown>();

  get(key: string): unknown {
    const value = this.values.get(key);
    return value === undefined ? undefined : structuredClone(value);
  }

  set(key: string, value: unknown): void {
    this.values.set(key, structuredClone(value));
  }

  delete(key: string): void {
    this.values.delete(key);
  }
}

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

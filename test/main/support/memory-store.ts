import type { KeyValueStore } from '../../../main/ports';

// For tests whose subject is not persistence and which make thousands of calls (the IPC
// property test): electron-store syncs every write to disk, which would be the test's whole
// running time. Everything that is about what lands on disk uses electron-store itself
// (test/support/electron-store.ts).
export class InMemoryStore implements KeyValueStore {
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

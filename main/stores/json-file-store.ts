import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KeyValueStore } from '../ports';

// The same role as electron-store, for plain Node (tests, the browser harness): one JSON file,
// replaced atomically so a crash mid-write leaves the previous content.
export class JsonFileStore implements KeyValueStore {
  private data: Record<string, unknown>;

  constructor(private readonly filePath: string) {
    this.data = JsonFileStore.read(filePath);
  }

  private static read(filePath: string): Record<string, unknown> {
    let text: string;
    try {
      text = readFileSync(filePath, 'utf8');
    } catch {
      return {};
    }
    try {
      const parsed: unknown = JSON.parse(text);
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : {};
    } catch {
      return {};
    }
  }

  get(key: string): unknown {
    const value = this.data[key];
    return value === undefined ? undefined : structuredClone(value);
  }

  set(key: string, value: unknown): void {
    this.data = { ...this.data, [key]: structuredClone(value) };
    this.flush();
  }

  delete(key: string): void {
    const { [key]: _removed, ...rest } = this.data;
    this.data = rest;
    this.flush();
  }

  private flush(): void {
    mkdirSync(dirname(this.filePath), { recursive: true });
    const temp = `${this.filePath}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(this.data, null, 2)}\n`, { mode: 0o600 });
    renameSync(temp, this.filePath);
  }
}

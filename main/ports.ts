import type { EventName, EventPayload } from '../shared/ipc/contract';

// The seams between plain services and the platform. Production implementations live in
// main/adapters (Electron, keyring); tests and the browser harness bring their own.

export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

// Holds refresh tokens. Every method throws KeychainUnavailableError when the OS keychain
// cannot be used (missing, locked, refused); callers then keep the secret in memory only.
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

export class KeychainUnavailableError extends Error {
  constructor(reason: string) {
    super(`The system keychain is not available (${reason}).`);
    this.name = 'KeychainUnavailableError';
  }
}

// Async because Electron's clipboard is (and so is the browser's).
export interface ClipboardPort {
  readText(): Promise<string>;
  // Writes the secret with the formats that keep it out of clipboard history where the platform
  // has them; says whether it does.
  writeSecret(secret: string): Promise<{ historyExcluded: boolean }>;
  clear(): void | Promise<void>;
}

export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export interface Logger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

export interface Scheduler {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemScheduler: Scheduler = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

// A desktop notification (Electron's Notification in production). `onClick` runs when the
// person clicks it; a desktop without notifications shows nothing and says so.
export type DesktopNotice = { title: string; body: string; onClick: () => void };
export interface NotificationPort {
  isSupported(): boolean;
  show(notice: DesktopNotice): void;
}

// The current instant: the expiry reminders' idea of "today" (a fixed clock in tests).
export type Clock = () => Date;

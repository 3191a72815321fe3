// Hand-written stand-ins for Electron's own modules (and nothing else): the slices of
// webContents, clipboard and ipcMain that the main process touches, with the same shapes.
import type { HardenableContents } from '../../../main/window/harden';
import type { ClipboardPort } from '../../../main/ports';

type Listener = (...args: never[]) => void;
type Callable = (...args: unknown[]) => void;

export class FakeWebContents implements HardenableContents {
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' } | { action: 'allow' }) | null = null;
  permissionRequestHandler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheckHandler: ((webContents: unknown, permission: string) => boolean) | null = null;

  readonly session = {
    setPermissionRequestHandler: (handler: FakeWebContents['permissionRequestHandler']) => {
      this.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler: (handler: FakeWebContents['permissionCheckHandler']) => {
      this.permissionCheckHandler = handler;
    },
  };

  setWindowOpenHandler(handler: NonNullable<FakeWebContents['windowOpenHandler']>): void {
    this.windowOpenHandler = handler;
  }

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  // Fires an event the way Electron does and reports whether a listener prevented it.
  emitPreventable(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    const electronEvent = { preventDefault: () => (prevented = true) };
    for (const listener of this.listeners.get(event) ?? []) (listener as Callable)(electronEvent, ...args);
    return prevented;
  }
}

// The clipboard port as main's services see it.
export class FakeClipboard implements ClipboardPort {
  text = '';
  writes = 0;
  clears = 0;
  historyExcluded = true;

  async readText(): Promise<string> {
    return this.text;
  }

  async writeSecret(text: string): Promise<{ historyExcluded: boolean }> {
    this.text = text;
    this.writes++;
    return { historyExcluded: this.historyExcluded };
  }

  clear(): void {
    this.text = '';
    this.clears++;
  }
}

type InvokeHandler = (event: FakeInvokeEvent, arg: unknown) => unknown;

export type FakeInvokeEvent = {
  sender: { id: number; mainFrame: object };
  senderFrame: { url: string } | null;
};

export class FakeIpcMain {
  readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  // What ipcRenderer.invoke does on the other side.
  async invoke(channel: string, arg: unknown, from: { webContentsId: number; url: string; subFrame?: boolean }): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const mainFrame = { url: from.url };
    const event: FakeInvokeEvent = {
      sender: { id: from.webContentsId, mainFrame },
      senderFrame: from.subFrame ? { url: from.url } : mainFrame,
    };
    return handler(event, arg);
  }
}

export class FakeSenderContents {
  readonly sent: { channel: string; payload: unknown }[] = [];
  destroyed = false;

  constructor(readonly id: number) {}

  isDestroyed(): boolean {
    return this.destroyed;
  }

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
}

// Electron 45's ClipboardItem: one clipboard entry, MIME type or custom format → payload.
export class FakeClipboardItem {
  readonly types: string[];
  constructor(readonly items: Record<string, string | Blob>) {
    this.types = Object.keys(items);
  }
}

// Electron 45's own clipboard module (promise-based, W3C-like): records every write as the
// list of entries written in one transaction.
export class FakeElectronClipboard {
  readonly transactions: FakeClipboardItem[][] = [];
  text = '';

  async write(items: FakeClipboardItem[]): Promise<void> {
    this.transactions.push(items);
    const plain = items.find((item) => 'text/plain' in item.items)?.items['text/plain'];
    this.text = typeof plain === 'string' ? plain : '';
  }

  async writeText(text: string): Promise<void> {
    this.transactions.push([new FakeClipboardItem({ 'text/plain': text })]);
    this.text = text;
  }

  async readText(): Promise<string> {
    return this.text;
  }

  clear(): void {
    this.text = '';
  }
}

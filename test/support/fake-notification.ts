// Electron's Notification class, faked (Electron's own module, nothing else): each notice shown
// is recorded, and a test clicks it as the person would.
export type FakeNotice = { title: string; body: string; click(): void };

export type FakeNotificationClass = {
  new (options: { title: string; body: string; silent?: boolean }): { on(event: 'click', listener: () => void): unknown; show(): void };
  isSupported(): boolean;
  supported: boolean;
  readonly shown: FakeNotice[];
};

// A fresh class per console, so notices never mix between tests.
export const fakeNotificationClass = (): FakeNotificationClass => {
  const shown: FakeNotice[] = [];
  return class Notification {
    static supported = true;
    static readonly shown = shown;
    private readonly listeners: (() => void)[] = [];

    static isSupported(): boolean {
      return Notification.supported;
    }

    constructor(private readonly options: { title: string; body: string; silent?: boolean }) {}

    on(event: 'click', listener: () => void): this {
      if (event === 'click') this.listeners.push(listener);
      return this;
    }

    show(): void {
      shown.push({ title: this.options.title, body: this.options.body, click: () => this.listeners.forEach((listener) => listener()) });
    }
  };
};

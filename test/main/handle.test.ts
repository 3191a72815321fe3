import { describe, expect, it } from 'vitest';
import { AppError } from '../../main/errors';
import { createIpcRouter, type IpcHandlers, type SenderInfo } from '../../main/ipc/handle';
import { createTrustedSenderCheck } from '../../main/ipc/trusted-sender';
import { createConsoleLogger } from '../../main/logger';
import { CHANNELS } from '../../shared/ipc/contract';
import { APP_SENDER, buildConsole } from './support/console';

const trusted = createTrustedSenderCheck({ isAppWebContents: (id) => id === 1 });

// Handlers that record what reached them; each test swaps in the behaviour it needs.
const recordingHandlers = (overrides: Partial<IpcHandlers> = {}): { handlers: IpcHandlers; calls: string[] } => {
  const { services } = buildConsole();
  const calls: string[] = [];
  const handlers = { ...services.handlers, ...overrides } as IpcHandlers;
  const wrapped = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      (arg: unknown, sender: SenderInfo) => {
        calls.push(channel);
        return (handlers[channel] as (arg: unknown, sender: SenderInfo) => unknown)(arg, sender);
      },
    ]),
  ) as unknown as IpcHandlers;
  return { handlers: wrapped, calls };
};

describe('trusted senders', () => {
  it('accepts only the main frame of our own window loaded from app://wifox', () => {
    expect(trusted(APP_SENDER)).toBe(true);
    expect(trusted({ ...APP_SENDER, webContentsId: 2 })).toBe(false);
    expect(trusted({ ...APP_SENDER, isMainFrame: false })).toBe(false);
    expect(trusted({ ...APP_SENDER, frameUrl: 'https://evil.example/index.html' })).toBe(false);
    expect(trusted({ ...APP_SENDER, frameUrl: 'app://other/index.html' })).toBe(false);
    expect(trusted({ ...APP_SENDER, frameUrl: 'file:///tmp/index.html' })).toBe(false);
    expect(trusted({ ...APP_SENDER, frameUrl: null })).toBe(false);
  });

  it('trusts a dev-server origin only when it is given', () => {
    const dev = createTrustedSenderCheck({ isAppWebContents: () => true, extraOrigins: ['http://localhost:5173'] });
    expect(dev({ ...APP_SENDER, frameUrl: 'http://localhost:5173/' })).toBe(true);
    expect(dev({ ...APP_SENDER, frameUrl: 'http://localhost:5174/' })).toBe(false);
    expect(trusted({ ...APP_SENDER, frameUrl: 'http://localhost:5173/' })).toBe(false);
  });
});

describe('createIpcRouter', () => {
  it('drops a call from an untrusted sender before any handler runs', async () => {
    const logs: string[] = [];
    const { handlers, calls } = recordingHandlers();
    const router = createIpcRouter(handlers, { isTrustedSender: trusted, logger: createConsoleLogger((_l, line) => logs.push(line)) });
    const envelope = await router.dispatch('profiles.list', undefined, { ...APP_SENDER, frameUrl: 'https://evil.example/' });
    expect(envelope).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('did not come from a console window') } });
    expect(calls).toEqual([]);
    expect(logs.join('\n')).toContain('untrusted sender');
  });

  it('refuses an unknown channel', async () => {
    const { handlers, calls } = recordingHandlers();
    const router = createIpcRouter(handlers, { isTrustedSender: trusted });
    const envelope = await router.dispatch('shell.exec', { cmd: 'rm -rf /' }, APP_SENDER);
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) expect(envelope.error).toMatchObject({ code: 'validation', message: 'Unknown channel "shell.exec".' });
    expect(calls).toEqual([]);
  });

  it('refuses a malformed argument with the fields at fault, without calling the handler', async () => {
    const { handlers, calls } = recordingHandlers();
    const router = createIpcRouter(handlers, { isTrustedSender: trusted });
    const envelope = await router.dispatch('tokens.update', { id: 'seven', version: 0, changes: { roleId: -1 } }, APP_SENDER);
    expect(calls).toEqual([]);
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('validation');
    const fields = envelope.error.details?.map((detail) => detail.field);
    expect(fields).toEqual(expect.arrayContaining(['id', 'version', 'changes.roleId']));
    for (const detail of envelope.error.details ?? []) expect(detail.message.length).toBeGreaterThan(0);
  });

  it('parses the argument as unknown: extra keys and prototypes do not reach the handler', async () => {
    let received: unknown;
    const { handlers } = recordingHandlers({
      'settings.set': (patch) => {
        received = patch;
        return { clipboardClearSeconds: 30, theme: 'dark', reminderHorizonDays: 7, expiryNotifications: true };
      },
    });
    const router = createIpcRouter(handlers, { isTrustedSender: trusted });
    const envelope = await router.dispatch('settings.set', { theme: 'dark', __proto__: { admin: true }, extra: 1 }, APP_SENDER);
    expect(envelope.ok).toBe(true);
    expect(received).toEqual({ theme: 'dark' });
  });

  it('maps a service error to its code and message, keeping details and retry time', async () => {
    const { handlers } = recordingHandlers({
      'session.signIn': () => {
        throw new AppError('locked', 'Too many failed sign-in attempts. Try again in 42 s.', { retryAfterSeconds: 42 });
      },
    });
    const router = createIpcRouter(handlers, { isTrustedSender: trusted });
    const envelope = await router.dispatch('session.signIn', { profileId: 'p1', password: 'x' }, APP_SENDER);
    expect(envelope).toEqual({
      ok: false,
      error: { code: 'locked', message: 'Too many failed sign-in attempts. Try again in 42 s.', retryAfterSeconds: 42 },
    });
  });

  it('turns an unexpected exception into "internal" with no stack, and masks secrets in messages', async () => {
    const secret = `wfx_${'A'.repeat(38)}`;
    const { handlers } = recordingHandlers({
      'tokens.get': () => {
        throw new TypeError(`cannot read ${secret} at /home/user/app/main.js:10:5`);
      },
      'tokens.delete': () => {
        throw new AppError('not_found', `Token ${secret} is gone`);
      },
    });
    const router = createIpcRouter(handlers, { isTrustedSender: trusted });
    const crash = await router.dispatch('tokens.get', { id: 1 }, APP_SENDER);
    expect(crash.ok).toBe(false);
    if (!crash.ok) {
      expect(crash.error.code).toBe('internal');
      expect(JSON.stringify(crash)).not.toMatch(/main\.js|TypeError|wfx_A/);
    }
    const gone = await router.dispatch('tokens.delete', { id: 1 }, APP_SENDER);
    expect(JSON.stringify(gone)).not.toContain(secret);
    expect(JSON.stringify(gone)).toContain('[redacted]');
  });

  it('refuses a result outside the contract and a code the channel does not declare', async () => {
    const { handlers } = recordingHandlers({
      'settings.get': () => ({ clipboardClearSeconds: 7, theme: 'neon' }) as never,
      'profiles.list': () => {
        throw new AppError('name_taken', 'not a profiles.list error');
      },
    });
    const router = createIpcRouter(handlers, { isTrustedSender: trusted });
    const shape = await router.dispatch('settings.get', undefined, APP_SENDER);
    expect(shape.ok === false && shape.error.code).toBe('internal');
    const code = await router.dispatch('profiles.list', undefined, APP_SENDER);
    expect(code.ok === false && code.error.code).toBe('internal');
  });

  it('passes a valid call through to the real handler and back', async () => {
    const { call } = buildConsole();
    const saved = await call('profiles.save', { name: 'Prod', baseUrl: 'https://wifox.example.com/', email: 'me@example.com' });
    expect(saved).toMatchObject({ ok: true, value: { name: 'Prod', baseUrl: 'https://wifox.example.com', email: 'me@example.com' } });
    const listed = await call('profiles.list');
    expect(listed).toMatchObject({ ok: true, value: [{ name: 'Prod' }] });
  });
});

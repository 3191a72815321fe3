import { describe, expect, it } from 'vitest';
import { CHANNELS, ipcEvents, type EventName } from '../../shared/ipc/contract';
import { CHANNEL_NAMES, EVENT_NAMES_LIST } from '../../shared/ipc/names';
import { makeBridge, type Invoke } from '../../shared/ipc/bridge';
import { APP_SENDER, buildConsole } from './support/console';

const EVENT_NAMES = Object.keys(ipcEvents) as EventName[];

const noEvents = () => () => {};

const bridgeAnswering = (answer: unknown): ReturnType<typeof makeBridge> => makeBridge(async () => answer, noEvents);

describe('makeBridge', () => {
  it('exposes every contract channel as namespace.method', () => {
    const bridge = makeBridge(async () => ({ ok: true, value: null }), noEvents) as unknown as Record<string, Record<string, unknown>>;
    for (const channel of CHANNELS) {
      const [namespace, method] = channel.split('.') as [string, string];
      expect(typeof bridge[namespace]?.[method]).toBe('function');
    }
    expect(typeof bridge.on).toBe('function');
  });

  it('sends the channel and argument, and returns the checked value', async () => {
    const sent: unknown[] = [];
    const invoke: Invoke = async (channel, arg) => {
      sent.push([channel, arg]);
      return { ok: true, value: { clearsInSeconds: 30 } };
    };
    const bridge = makeBridge(invoke, noEvents);
    const result = await bridge.clipboard.copySecret({ secret: 'wfx_x' });
    expect(sent).toEqual([['clipboard.copySecret', { secret: 'wfx_x' }]]);
    expect(result).toEqual({ ok: true, value: { clearsInSeconds: 30 } });
  });

  it('keeps the zod-free name lists equal to the contract, both ways', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual([...CHANNELS].sort());
    expect([...EVENT_NAMES_LIST].sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('passes main\'s answer through as sent: main has checked it against the contract', async () => {
    const answer = { ok: true, value: { clearsInSeconds: 30, historyExcluded: true } };
    expect(await bridgeAnswering(answer).clipboard.copySecret({ secret: 's' })).toEqual(answer);
  });

  it('refuses an answer that is not an envelope, and never rejects when the transport fails', async () => {
    const malformed = await bridgeAnswering('<html>').settings.get();
    expect(malformed.ok === false && malformed.error.code).toBe('internal');
    const broken = makeBridge(async () => {
      throw new Error('No handler registered');
    }, noEvents);
    await expect(broken.settings.get()).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('passes error envelopes through', async () => {
    const declared = await bridgeAnswering({ ok: false, error: { code: 'conflict', message: 'changed' } }).tokens.update({
      id: 1,
      version: 1,
      changes: {},
    });
    expect(declared).toEqual({ ok: false, error: { code: 'conflict', message: 'changed' } });
    const noMessage = await bridgeAnswering({ ok: false, error: { code: 'conflict' } }).settings.get();
    expect(noMessage.ok === false && noMessage.error.code).toBe('internal');
  });

  it('delivers contract events only', () => {
    const listeners = new Map<EventName, (payload: unknown) => void>();
    const bridge = makeBridge(
      async () => null,
      (event, listener) => {
        listeners.set(event, listener);
        return () => listeners.delete(event);
      },
    );
    const seen: unknown[] = [];
    const stop = bridge.on('session.ended', (event) => seen.push(event.reason));
    listeners.get('session.ended')?.({ profileId: 'p1', reason: 'expired', message: 'Sign in again.' });
    expect(seen).toEqual(['expired']);
    (bridge.on as (event: string, listener: () => void) => () => void)('electron-store-get-data', () => undefined);
    expect([...listeners.keys()]).toEqual(['session.ended']);
    stop();
    expect(listeners.has('session.ended')).toBe(false);
  });

  it('works end to end over the real router and services', async () => {
    const { router } = buildConsole();
    const bridge = makeBridge((channel, arg) => router.dispatch(channel, arg, APP_SENDER), noEvents);
    const saved = await bridge.profiles.save({ name: 'Staging', baseUrl: 'http://wifox.example.com', email: 'a@b.c' });
    expect(saved).toMatchObject({ ok: false, error: { code: 'insecure_url', details: [{ field: 'baseUrl' }] } });
    const settings = await bridge.settings.set({ clipboardClearSeconds: 10 });
    expect(settings).toEqual({ ok: true, value: { clipboardClearSeconds: 10, theme: 'system', reminderHorizonDays: 7, expiryNotifications: true } });
    const state = await bridge.session.state();
    expect(state).toEqual({ ok: true, value: { status: 'signedOut', lastProfileId: null } });
    const list = await bridge.tokens.list();
    expect(list.ok === false && list.error.code).toBe('not_signed_in');
  });
});

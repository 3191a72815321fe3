/*
 * makeBridge turns the contract into the object the preload exposes as `window.wifox`.
 *
 *   const result = await window.wifox.tokens.list();
 *   if (result.ok) show(result.value); else showError(result.error); // error.code is typed
 *   const stop = window.wifox.on('session.ended', (event) => askForPassword(event));
 *
 * Methods never reject: every failure, a broken transport included, comes back as
 * `{ ok: false, error }`. Envelopes are plain data because contextBridge copies objects but
 * drops the custom properties of thrown errors. Main checks every argument, result, error code
 * and event payload against the contract (main/ipc/handle.ts), so the bridge trusts what main
 * sends and carries no schema: the preload stays a few kilobytes, without zod.
 * Runs in a sandboxed preload and in a plain browser page: no Node or Electron imports here.
 */
import type { Channel, ChannelArg, ChannelErrorCode, ChannelResult, EventName, EventPayload, IpcContract } from './contract';
import type { IpcError, Result } from './errors';
import { CHANNEL_NAMES, isBridgeEvent } from './names';

export type Invoke = (channel: Channel, arg: unknown) => Promise<unknown>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

type Namespace<C extends string> = C extends `${infer N}.${string}` ? N : never;
type Method<C extends string> = C extends `${string}.${infer M}` ? M : never;

export type BridgeMethod<C extends Channel> =
  undefined extends ChannelArg<C>
    ? (arg?: ChannelArg<C>) => Promise<Result<ChannelResult<C>, ChannelErrorCode<C>>>
    : (arg: ChannelArg<C>) => Promise<Result<ChannelResult<C>, ChannelErrorCode<C>>>;

type ChannelsIn<N extends string> = Extract<Channel, `${N}.${string}`>;

export type BridgeApi = {
  [N in Namespace<Channel>]: { [C in ChannelsIn<N> as Method<C>]: BridgeMethod<C> };
};

export type BridgeEvents = {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export type WifoxBridge = BridgeApi & BridgeEvents;

const internalError = (message: string): IpcError<'internal'> => ({ code: 'internal', message });

// Only the envelope's shape is checked: anything else means the transport, not main, answered.
const isEnvelope = (raw: unknown): raw is Result<unknown> => {
  if (raw === null || typeof raw !== 'object') return false;
  const envelope = raw as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
  if (envelope.ok === true) return 'value' in envelope;
  return (
    envelope.ok === false &&
    typeof envelope.error === 'object' &&
    envelope.error !== null &&
    typeof envelope.error.code === 'string' &&
    typeof envelope.error.message === 'string'
  );
};

const callChannel = async (invoke: Invoke, name: Channel, arg: unknown): Promise<Result<unknown>> => {
  let raw: unknown;
  try {
    raw = await invoke(name, arg);
  } catch {
    return { ok: false, error: internalError('The console could not reach its main process. Restart it if this persists.') };
  }
  if (!isEnvelope(raw)) {
    return { ok: false, error: internalError(`The console answered ${name} in an unexpected form.`) };
  }
  return raw;
};

export const makeBridge = (invoke: Invoke, subscribe: Subscribe): WifoxBridge => {
  const api: Record<string, Record<string, (arg?: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of CHANNEL_NAMES) {
    const [namespace, method] = name.split('.') as [string, string];
    const group = (api[namespace] ??= {});
    group[method] = (arg?: unknown) => callChannel(invoke, name, arg);
  }
  const on = (event: EventName, listener: (payload: never) => void): (() => void) => {
    // The page can pass any string: only contract events may reach the transport's listeners.
    if (!isBridgeEvent(event)) return () => undefined;
    return subscribe(event, (payload) => listener(payload as never));
  };
  return { ...api, on } as unknown as WifoxBridge;
};

export type { IpcContract };

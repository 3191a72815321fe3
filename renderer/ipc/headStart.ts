import type { WifoxBridge } from '../../shared/ipc/bridge';
import type { Channel, ChannelArg } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/errors';

/** One call the first screen will make, exactly as it will make it. */
export type HeadStartCall = { [C in Channel]: undefined extends ChannelArg<C> ? readonly [C] | readonly [C, ChannelArg<C>] : readonly [C, ChannelArg<C>] }[Channel];

/** How long a call started ahead waits to be taken: past it, the answer may be stale. */
export const HEAD_START_MS = 5_000;

type Started = { promise: Promise<Result<unknown>>; at: number };
type Method = (arg?: unknown) => Promise<Result<unknown>>;

const keyOf = (channel: string, arg: unknown): string => `${channel} ${JSON.stringify(arg ?? null)}`;

/**
 * The bridge, with `calls` already on their way: the renderer's script starts them before
 * React draws anything, so main answers while the first screen renders instead of after it
 * (otherwise the token list is asked for only once the session and the settings have answered).
 * The first matching call takes the answer (a failed one is asked again, an old one not taken);
 * every other call goes straight to the bridge.
 */
export function withHeadStart(bridge: WifoxBridge, calls: readonly HeadStartCall[], now: () => number = () => performance.now()): WifoxBridge {
  if (calls.length === 0) return bridge;
  const started = new Map<string, Started>();
  const namespaces = bridge as unknown as Record<string, Record<string, Method>>;
  const wrapped: Record<string, Record<string, Method>> = {};
  for (const [channel, arg] of calls) {
    const [namespace, name] = channel.split('.') as [string, string];
    const group = namespaces[namespace];
    const original = group?.[name];
    if (!group || !original) continue;
    started.set(keyOf(channel, arg), { promise: original(arg), at: now() });
    const methods = (wrapped[namespace] ??= { ...group });
    methods[name] = (next?: unknown) => {
      const key = keyOf(channel, next);
      const ahead = started.get(key);
      if (ahead === undefined) return original(next);
      started.delete(key);
      if (now() - ahead.at > HEAD_START_MS) return original(next);
      return ahead.promise.then((result) => (result.ok ? result : original(next)));
    };
  }
  return { ...bridge, ...wrapped } as WifoxBridge;
}

import type { BridgeMethod, WifoxBridge } from '../../shared/ipc/bridge';
import type { Channel, ChannelArg, ChannelResult } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/errors';

/** One call the first screen will make, exactly as it will make it. */
export type HeadStartCall = { [C in Channel]: undefined extends ChannelArg<C> ? readonly [C] | readonly [C, ChannelArg<C>] : readonly [C, ChannelArg<C>] }[Channel];

/** How long a call started ahead waits to be taken: past it, the answer may be stale. */
export const HEAD_START_MS = 5_000;

/**
 * The answers of calls started ahead that are already in, for a first render that shows them at
 * once instead of a loading state it draws, commits and lays out only to replace it.
 */
export type FirstAnswers = {
  /**
   * The value main answered to `channel` with `arg`, taken (once, like a call); undefined when
   * no such call was started, it has not answered, it failed or its answer is stale. The
   * component then calls the bridge as usual.
   */
  take<C extends Channel>(channel: C, ...arg: Parameters<BridgeMethod<C>>): ChannelResult<C> | undefined;
};

/** No call started ahead: components load as they mount (tests, a section without a head start). */
export const NO_FIRST_ANSWERS: FirstAnswers = { take: () => undefined };

export type HeadStart = {
  bridge: WifoxBridge;
  answers: FirstAnswers;
  /** Resolves once every call started ahead has answered, or after `waitMs`, whichever is first. */
  settled(waitMs: number): Promise<void>;
};

type Started = { promise: Promise<Result<unknown>>; at: number; answer?: Result<unknown> };
type Method = (arg?: unknown) => Promise<Result<unknown>>;

const keyOf = (channel: string, arg: unknown): string => `${channel} ${JSON.stringify(arg ?? null)}`;

/**
 * The bridge, with `calls` already on their way: the renderer's script starts them before
 * React draws anything, so main answers while the first screen renders instead of after it
 * (otherwise the token list is asked for only once the session and the settings have answered).
 * The first matching call, or `answers.take`, takes the answer (a failed one is asked again, an
 * old one not taken); every other call goes straight to the bridge.
 */
export function withHeadStart(bridge: WifoxBridge, calls: readonly HeadStartCall[], now: () => number = () => performance.now()): HeadStart {
  const started = new Map<string, Started>();
  const namespaces = bridge as unknown as Record<string, Record<string, Method>>;
  const wrapped: Record<string, Record<string, Method>> = {};
  const fresh = (entry: Started): boolean => now() - entry.at <= HEAD_START_MS;
  for (const [channel, arg] of calls) {
    const [namespace, name] = channel.split('.') as [string, string];
    const group = namespaces[namespace];
    const original = group?.[name];
    if (!group || !original) continue;
    const entry: Started = { promise: original(arg), at: now() };
    void entry.promise.then(
      (answer) => {
        entry.answer = answer;
      },
      () => undefined,
    );
    started.set(keyOf(channel, arg), entry);
    const methods = (wrapped[namespace] ??= { ...group });
    methods[name] = (next?: unknown) => {
      const key = keyOf(channel, next);
      const ahead = started.get(key);
      if (ahead === undefined) return original(next);
      started.delete(key);
      if (!fresh(ahead)) return original(next);
      return ahead.promise.then((result) => (result.ok ? result : original(next)));
    };
  }
  const answers: FirstAnswers = {
    take: (channel, ...arg) => {
      const key = keyOf(channel, arg[0]);
      const ahead = started.get(key);
      if (ahead?.answer?.ok !== true || !fresh(ahead)) return undefined;
      started.delete(key);
      return ahead.answer.value as ChannelResult<typeof channel>;
    },
  };
  const all = Promise.allSettled([...started.values()].map((entry) => entry.promise)).then(() => undefined);
  return {
    bridge: started.size === 0 ? bridge : ({ ...bridge, ...wrapped } as WifoxBridge),
    answers,
    settled: (waitMs) => Promise.race([all, new Promise<void>((resolve) => setTimeout(resolve, waitMs))]),
  };
}

import { createContext, useContext, useState, type ReactNode } from 'react';
import type { BridgeMethod, WifoxBridge } from '../../shared/ipc/bridge';
import type { Channel, ChannelResult } from '../../shared/ipc/contract';
import { NO_FIRST_ANSWERS, type FirstAnswers } from './headStart';

const BridgeContext = createContext<WifoxBridge | null>(null);
const FirstAnswersContext = createContext<FirstAnswers>(NO_FIRST_ANSWERS);

/**
 * Supplies the bridge to the tree: `window.wifox` in the app, an in-memory fake in tests; and
 * the answers main already gave to the first screen's calls (see withHeadStart).
 */
export function BridgeProvider({ bridge, first = NO_FIRST_ANSWERS, children }: { bridge: WifoxBridge; first?: FirstAnswers | undefined; children: ReactNode }) {
  return (
    <BridgeContext.Provider value={bridge}>
      <FirstAnswersContext.Provider value={first}>{children}</FirstAnswersContext.Provider>
    </BridgeContext.Provider>
  );
}

export function useBridge(): WifoxBridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge needs a BridgeProvider above it.');
  return bridge;
}

/**
 * Main's answer to a call the first screen started ahead, if it is already in: taken when the
 * component mounts and the same for its whole life. Undefined means: call the bridge as usual.
 */
export function useFirstAnswer<C extends Channel>(channel: C, ...arg: Parameters<BridgeMethod<C>>): ChannelResult<C> | undefined {
  const first = useContext(FirstAnswersContext);
  const [answer] = useState(() => first.take(channel, ...arg));
  return answer;
}

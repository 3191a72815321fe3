import { Tooltip } from 'antd';
import type { ReactNode } from 'react';

/** Why the token list cannot be changed while the server is out of reach. */
export const OFFLINE_REASON = 'The server cannot be reached: the list is read-only until it answers.';

/**
 * A disabled control with its reason in a tooltip. Disabled buttons receive no pointer
 * events in browsers, so the wrapper takes the hover and the button lets it through.
 */
export function DisabledReason({ reason, children }: { reason: string; children: ReactNode }) {
  return (
    <Tooltip title={reason}>
      <span style={{ display: 'inline-block', cursor: 'not-allowed' }}>
        {children}
      </span>
    </Tooltip>
  );
}

/** Style for a disabled control inside DisabledReason (the hover goes to the wrapper). */
export const passThroughPointer = { pointerEvents: 'none' } as const;

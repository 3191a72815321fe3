import type { CSSProperties } from 'react';

/** Read by screen readers, not shown: for cells that are blank on purpose. */
export const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

/** Addresses and secrets: every character distinct (0/O, l/1). */
export const monospace: CSSProperties = {
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
};

/**
 * Small items side by side, wrapping: what antd's Space and Flex draw, as a plain element. The
 * token list's cells use it, drawn again for every visible row at each keystroke in Search.
 */
export const inlineRow = (gap: number): CSSProperties => ({ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap });

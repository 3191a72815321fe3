import { useState, type ReactNode } from 'react';
import { RowButton } from '../rowParts';
import { inlineRow } from '../styles';

export const VISIBLE_ITEMS = 3;

// Two of these in every row of the token list: plain flex boxes (see inlineRow).
const row = { ...inlineRow(4), display: 'flex' } as const;
const NO_PADDING = { paddingInline: 0 } as const;
const column = { display: 'flex', flexDirection: 'column', gap: 4, alignItems: 'flex-start' } as const;

/** The first three items and a "+X Show all" link for the rest (the Wifox convention). */
export function CollapsedList({
  items,
  render,
  label,
  vertical = false,
}: {
  items: readonly string[];
  render: (item: string) => ReactNode;
  /** What the list is, for the link's accessible description: "permissions of BackendAutomation". */
  label: string;
  vertical?: boolean;
}) {
  const [expanded, setExpanded] = useState(false);
  const hidden = items.length - VISIBLE_ITEMS;
  const shown = expanded || hidden <= 0 ? items : items.slice(0, VISIBLE_ITEMS);
  return (
    <div style={vertical ? column : row}>
      {shown.map((item) => (
        // Capped to the column, so a long item ellipsizes instead of running over the next one.
        <span key={item} style={{ maxWidth: '100%', minWidth: 0 }}>
          {render(item)}
        </span>
      ))}
      {hidden > 0 && (
        <RowButton
          variant="link"
          small
          style={NO_PADDING}
          aria-expanded={expanded}
          aria-label={expanded ? `Show fewer ${label}` : `+${hidden} Show all ${label}`}
          onClick={() => setExpanded((value) => !value)}
        >
          {expanded ? 'Show less' : `+${hidden} Show all`}
        </RowButton>
      )}
    </div>
  );
}

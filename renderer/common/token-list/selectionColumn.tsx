import { Checkbox, type TableColumnType } from 'antd';
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { IdentificationToken } from '../../../shared/api/tokens';
import { RowCheckbox } from '../rowParts';

/** Rows chosen for a bulk action, by id (kept while filters hide some of them). */
export type TableSelection = { selected: ReadonlySet<number>; onChange: (selected: ReadonlySet<number>) => void };

export const SELECTION_WIDTH = 40;

// A row's checkbox is a gridcell: a cell a row may own that is not one of the token's data cells.
const gridCell = () => ({ role: 'gridcell' });

type HeaderState = { all: boolean; some: boolean; empty: boolean };
// Shared, so the column stays the same object while nothing is selected and rows come and go.
const NONE: HeaderState = { all: false, some: false, empty: false };
const NO_ROWS: HeaderState = { all: false, some: false, empty: true };

// Only while something is selected: one pass that stops once it has seen both kinds of row.
function headerState(rows: readonly IdentificationToken[], selected: ReadonlySet<number>): HeaderState {
  if (rows.length === 0) return NO_ROWS;
  if (selected.size === 0) return NONE;
  let anyIn = false;
  let anyOut = false;
  for (const token of rows) {
    if (selected.has(token.id)) anyIn = true;
    else anyOut = true;
    if (anyIn && anyOut) break;
  }
  return { all: anyIn && !anyOut, some: anyIn, empty: false };
}

/**
 * The table's selection column, in place of antd's rowSelection: that one maps every row of the
 * data (props, keys, disabled states) at each render, which at 100,000 tokens is most of what a
 * sync or a keystroke costs. This one draws a checkbox in the visible rows only. A shift-click
 * sets every row between the last one clicked and this one as this one now is.
 */
export function useSelectionColumn(rows: readonly IdentificationToken[], selection: TableSelection | undefined): TableColumnType<IdentificationToken> | null {
  // Read when a box is clicked: the column is not drawn again for rows that only moved.
  const rowsNow = useRef(rows);
  useLayoutEffect(() => {
    rowsNow.current = rows;
  }, [rows]);
  const lastClicked = useRef<number | null>(null);
  const selected = selection?.selected;
  const onChange = selection?.onChange;
  const header = useMemo(() => (selected === undefined ? NONE : headerState(rows, selected)), [rows, selected]);

  return useMemo(() => {
    if (selected === undefined || onChange === undefined) return null;
    const toggleAll = () => {
      const next = new Set(selected);
      for (const token of rowsNow.current) {
        if (header.all) next.delete(token.id);
        else next.add(token.id);
      }
      lastClicked.current = null;
      onChange(next);
    };
    const toggle = (token: IdentificationToken, checked: boolean, shiftKey: boolean) => {
      const next = new Set(selected);
      const current = rowsNow.current;
      const from = shiftKey && lastClicked.current !== null ? current.findIndex((row) => row.id === lastClicked.current) : -1;
      const to = from === -1 ? -1 : current.findIndex((row) => row.id === token.id);
      const range = from === -1 || to === -1 ? [token] : current.slice(Math.min(from, to), Math.max(from, to) + 1);
      for (const row of range) {
        if (checked) next.add(row.id);
        else next.delete(row.id);
      }
      lastClicked.current = token.id;
      onChange(next);
    };
    return {
      key: 'selection',
      className: 'ant-table-selection-column',
      width: SELECTION_WIDTH,
      align: 'center',
      onCell: gridCell,
      title: <Checkbox aria-label="Select all" checked={header.all} indeterminate={header.some && !header.all} disabled={header.empty} onChange={toggleAll} />,
      render: (_: unknown, token: IdentificationToken) => (
        <RowCheckbox aria-label={`Select ${token.name}`} checked={selected.has(token.id)} onChange={(checked, shiftKey) => toggle(token, checked, shiftKey)} />
      ),
    };
  }, [selected, onChange, header]);
}

import type { TableColumnType } from 'antd';
import { memo, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode, type Ref, type UIEvent } from 'react';
import type { IdentificationToken } from '../../../shared/api/tokens';

type Column = TableColumnType<IdentificationToken>;

// A row of the list without wrapping (middle size: 12 px padding above and below, one 22 px
// line, a 1 px border). Rows not drawn yet count as this; drawn ones as measured.
const ROW_ESTIMATE = 47;
// Rows drawn beyond the edges of the view, so a small scroll shows drawn rows at once.
const OVERSCAN = 3;

/** What rc-table hands the body it lets a table draw itself (`components.body` as a function). */
export type BodyInfo = { ref: Ref<unknown>; onScroll: (info: { currentTarget?: HTMLElement; scrollLeft?: number }) => void; scrollbarSize: number };

/**
 * The token table's body: antd draws the header (sorters, pinned Actions) and this draws only
 * the rows in view, with the classes of antd's own virtual body so they look the same. antd's
 * virtual table maps every row of its data on each change (selection maps, flattened records,
 * list keys): at 100,000 tokens that was most of a keystroke or a sync. Here a change of rows
 * costs one pass over the rows' heights.
 */
export const WindowedBody = memo(function WindowedBody({
  rows,
  columns,
  width,
  height,
  bodyRef,
  onScroll,
  rowClassName,
  scrollbar,
  onScrollbar,
}: {
  rows: readonly IdentificationToken[];
  columns: readonly Column[];
  width: number;
  height: number;
  /** rc-table's (both stable): the header follows the body's horizontal scroll through them. */
  bodyRef: BodyInfo['ref'];
  onScroll: BodyInfo['onScroll'];
  rowClassName?: ((token: IdentificationToken) => string) | undefined;
  /** The width of the body's vertical scrollbar, as rc-table measured it; told to `onScrollbar`. */
  scrollbar: number;
  onScrollbar: (width: number) => void;
}) {
  useLayoutEffect(() => onScrollbar(scrollbar), [scrollbar, onScrollbar]);
  const scroller = useRef<HTMLDivElement>(null);
  // rc-table reads and sets the body's scrollLeft here.
  useImperativeHandle(bodyRef, () => scroller.current, []);
  const [scrollTop, setScrollTop] = useState(0);
  const [hovered, setHovered] = useState<number | null>(null);
  // Measured row heights by token id, kept across changes of rows; `measured` moves on when
  // one changes.
  const [heights] = useState(() => new Map<number, number>());
  const [measured, setMeasured] = useState(0);

  const offsets = useMemo(() => {
    void measured;
    const out = new Float64Array(rows.length + 1);
    const known = heights;
    for (let i = 0; i < rows.length; i++) out[i + 1] = (out[i] as number) + (known.get((rows[i] as IdentificationToken).id) ?? ROW_ESTIMATE);
    return out;
  }, [rows, heights, measured]);
  const total = offsets[rows.length] as number;
  const top = Math.min(scrollTop, Math.max(0, total - height));
  const start = Math.max(0, indexAt(offsets, top) - OVERSCAN);
  const end = Math.min(rows.length, indexAt(offsets, top + height) + 1 + OVERSCAN);

  const inner = useRef<HTMLDivElement>(null);
  // Set while the list is scrolled to its end: it stays there as the last rows are measured.
  const atEnd = useRef(false);
  const drawnRows = useRef(rows);
  // The heights of the rows drawn, after each draw of other rows or columns. Only a change
  // moves the offsets (and so draws again). Rows above the view that turn out taller or shorter
  // than counted move the scroll position as much, so what is in view stays put.
  const measure = useCallback((): void => {
    const element = inner.current;
    const view = scroller.current;
    if (!element || !view) return;
    if (atEnd.current) view.scrollTop = view.scrollHeight;
    const first = indexAt(offsets, view.scrollTop);
    let changed = false;
    let above = 0;
    for (const [i, child] of [...element.children].entries()) {
      const id = Number((child as HTMLElement).dataset.rowKey);
      const rowHeight = (child as HTMLElement).offsetHeight;
      const before = heights.get(id);
      if (rowHeight > 0 && before !== rowHeight) {
        if (start + i < first) above += rowHeight - (before ?? ROW_ESTIMATE);
        heights.set(id, rowHeight);
        changed = true;
      }
    }
    if (!changed) return;
    if (above !== 0 && !atEnd.current) view.scrollTop += above;
    setMeasured((value) => value + 1);
  }, [heights, offsets, start]);
  // Scrolled down, the offsets place the rows: measured before the frame is painted. At the
  // top of the list (a keystroke in Search, mostly) the rows stand in place whatever their
  // heights, and rows are never shorter than counted, so the view is full: measured once the
  // frame is painted, when reading heights forces no layout of its own.
  const scrolledDown = start > 0;
  useLayoutEffect(() => {
    // Other rows (a search, a sync): the end they are at is not the one scrolled to.
    if (drawnRows.current !== rows) atEnd.current = false;
    drawnRows.current = rows;
    if (scrolledDown || atEnd.current) measure();
  }, [measure, scrolledDown, rows, end, columns, width]);
  useEffect(() => {
    if (!scrolledDown && !atEnd.current) measure();
  }, [measure, scrolledDown, rows, end, columns, width]);

  const scrolled = useCallback(
    (event: UIEvent<HTMLDivElement>) => {
      const element = event.currentTarget;
      // Where the admin scrolled to, before the rows now drawn are measured.
      atEnd.current = element.scrollTop > 0 && element.scrollTop + element.clientHeight >= element.scrollHeight - 1;
      setScrollTop(element.scrollTop);
      onScroll({ currentTarget: element, scrollLeft: element.scrollLeft });
    },
    [onScroll],
  );

  const pinned = useMemo(() => pinnedOffsets(columns), [columns]);
  const shown: ReactNode[] = [];
  for (let index = start; index < end; index++) {
    const token = rows[index] as IdentificationToken;
    shown.push(
      <WindowRow
        key={token.id}
        token={token}
        index={index}
        columns={columns}
        pinned={pinned}
        className={rowClassName?.(token) ?? ''}
        hovered={hovered === token.id}
        onHover={setHovered}
      />,
    );
  }

  return (
    <div className="ant-table-tbody ant-table-tbody-virtual">
      <div ref={scroller} className="ant-table-tbody-virtual-holder" style={{ height, maxHeight: height, overflow: 'auto', position: 'relative' }} onScroll={scrolled}>
        <div style={{ height: total, width, position: 'relative' }}>
          <div ref={inner} className="ant-table-tbody-virtual-holder-inner" style={{ position: 'absolute', top: offsets[start], left: 0, width }}>
            {shown}
          </div>
        </div>
      </div>
    </div>
  );
});

// Columns pinned to the right edge (the last ones, `fixed: 'right'`): how far each sits from it.
type Pinned = ReadonlyMap<Column, number>;
function pinnedOffsets(columns: readonly Column[]): Pinned {
  const pinned = new Map<Column, number>();
  let end = 0;
  for (let i = columns.length - 1; i >= 0; i--) {
    const column = columns[i] as Column;
    if (column.fixed !== 'right' && column.fixed !== 'end') break;
    pinned.set(column, end);
    end += Number(column.width ?? 0);
  }
  return pinned;
}

// The first row whose bottom is below `y`.
function indexAt(offsets: Float64Array, y: number): number {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((offsets[middle] as number) <= y) low = middle;
    else high = middle - 1;
  }
  return Math.max(0, low);
}

const WindowRow = memo(function WindowRow({
  token,
  index,
  columns,
  pinned,
  className,
  hovered,
  onHover,
}: {
  token: IdentificationToken;
  index: number;
  columns: readonly Column[];
  pinned: Pinned;
  className: string;
  hovered: boolean;
  onHover: (id: number | null) => void;
}) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-row-key={token.id}
      className={`ant-table-row ant-table-row-level-0 ${className}`}
      onMouseEnter={() => onHover(token.id)}
      onMouseLeave={() => onHover(null)}
    >
      {columns.map((column) => {
        const cellWidth = Number(column.width ?? 0);
        const offset = pinned.get(column);
        const { className: cellClass, style: cellStyle, ...cellProps } = (column.onCell?.(token, index) ?? {}) as { className?: string; style?: CSSProperties };
        const style: CSSProperties = {
          ...cellStyle,
          flex: `0 0 ${cellWidth}px`,
          width: cellWidth,
          ...(column.align ? { textAlign: column.align } : {}),
          ...(offset === undefined ? {} : { position: 'sticky', insetInlineEnd: offset, zIndex: 1 }),
        };
        const classes = ['ant-table-cell', column.className, cellClass, offset === undefined ? '' : 'ant-table-cell-fix ant-table-cell-fix-end', hovered ? 'ant-table-cell-row-hover' : '']
          .filter(Boolean)
          .join(' ');
        const value = typeof column.dataIndex === 'string' ? (token as unknown as Record<string, unknown>)[column.dataIndex] : undefined;
        return (
          <div key={String(column.key)} className={classes} style={style} {...cellProps}>
            {column.render ? (column.render(value, token, index) as ReactNode) : (value as ReactNode)}
          </div>
        );
      })}
    </div>
  );
});

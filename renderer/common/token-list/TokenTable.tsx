import { Empty, Table, type SpinProps, type TableProps } from 'antd';
import { memo, useLayoutEffect, useMemo, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import type { IdentificationToken } from '../../../shared/api/tokens';
import type { ListPrefs, ListSortField } from './listPrefs';
import { fitColumns } from './fitColumns';
import { tokenColumns, type ColumnHandlers, type ColumnOptions } from './tokenColumns';
import { SELECTION_WIDTH, useSelectionColumn, type TableSelection } from './selectionColumn';
import { useViewportHeight } from './useViewportHeight';
import { WindowedBody, type BodyInfo } from './WindowedBody';
import { RowPartsScope } from '../rowParts';

const SORTABLE: Readonly<Record<string, ListSortField>> = { name: 'name', expiresOn: 'expiresOn', lastUsedAt: 'lastUsedAt', requests: 'requests' };

// The body (WindowedBody) draws its rows as plain divs beside antd's header <table>. These roles put
// header and rows back into one table for assistive technology (the ARIA pattern for
// windowed grids: a role="table" container, explicit rows and cells, aria-rowindex).
const headerComponents = {
  table: (props: ComponentProps<'table'>) => <table {...props} role="presentation" />,
  row: (props: ComponentProps<'tr'>) => <tr {...props} role="row" aria-rowindex={1} />,
  cell: (props: ComponentProps<'th'>) => <th {...props} role="columnheader" />,
};
const cellProps = () => ({ role: 'cell' });
// antd wraps every table in a Spin whose root is a polite live region with aria-busy: inside
// role="table" that is a child a table may not own, and a live region around a virtual list
// would announce rows as they scroll into view. The Spin passes other props on to that root,
// so these take both attributes off.
const noLiveRegion = { spinning: false, 'aria-live': undefined, 'aria-busy': undefined } as SpinProps;

// Room taken above and below the table body (header bar, title, review line, toolbar, count,
// column headers, padding).
const CHROME_HEIGHT = 300;
// Below the table's top: its column headers and the page's bottom padding.
const BELOW_BODY = 90;

export type { TableSelection } from './selectionColumn';

/**
 * Memoized: a keystroke in Search first re-renders the list with the previous rows (the
 * filter is deferred) and only then with the new ones; the table, the costliest part of the
 * screen, sits the first render out.
 */
export const TokenTable = memo(function TokenTable({
  rows,
  prefs,
  timeZone,
  handlers,
  options,
  empty,
  onSort,
  label = 'Identification tokens',
  selection,
}: {
  rows: IdentificationToken[];
  prefs: Pick<ListPrefs, 'sort' | 'order' | 'columns'>;
  timeZone: string;
  handlers: ColumnHandlers;
  options?: ColumnOptions;
  empty: ReactNode;
  onSort: (sort: ListSortField, order: 'asc' | 'desc') => void;
  /** The table's accessible name. */
  label?: string;
  selection?: TableSelection;
}) {
  const { onOpen, onEdit, onDelete } = handlers;
  const { sort, order, columns: optional } = prefs;
  const columns = useMemo(
    () =>
      tokenColumns({ onOpen, onEdit, onDelete }, { sort, order, columns: optional }, timeZone, options).map((column) => ({
        ...column,
        onCell: cellProps,
      })),
    [onOpen, onEdit, onDelete, sort, order, optional, timeZone, options],
  );
  const [box, setBox] = useState({ width: 0, top: 0, measured: false });
  const holder = useRef<HTMLDivElement>(null);
  const viewportHeight = useViewportHeight();
  useLayoutEffect(() => {
    const element = holder.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    // The width the columns share, and where the table starts (what is above it wraps on a
    // narrow window), so the body ends at the bottom of the window.
    const measure = () => {
      const rect = element.getBoundingClientRect();
      setBox((previous) =>
        previous.measured && previous.width === Math.floor(rect.width) && previous.top === Math.round(rect.top)
          ? previous
          : { width: Math.floor(rect.width), top: Math.round(rect.top), measured: true },
      );
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    measure();
    return () => observer.disconnect();
  }, [viewportHeight]);
  const selectable = selection !== undefined;
  // The body's own scrollbar takes room beside the rows (rc-table measures it once drawn).
  const [scrollbar, setScrollbar] = useState(0);
  const fitted = useMemo(
    () => fitColumns(columns, Math.max(0, box.width - scrollbar - (selectable ? SELECTION_WIDTH : 0))),
    [columns, box.width, scrollbar, selectable],
  );
  // Never shorter than before the measurement existed: with a banner above, the page scrolls
  // rather than the table showing fewer rows.
  const height = Math.max(200, viewportHeight - CHROME_HEIGHT, box.top > 0 ? viewportHeight - box.top - BELOW_BODY : 0);

  const onChange: TableProps<IdentificationToken>['onChange'] = (_pagination, _filters, sorter) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = single?.columnKey === undefined ? undefined : SORTABLE[String(single.columnKey)];
    if (field === undefined) return;
    onSort(field, single?.order === 'descend' ? 'desc' : 'asc');
  };

  const selectionColumn = useSelectionColumn(rows, selection);
  const selected = selection?.selected;
  const rowClassName = useMemo(() => (selected === undefined ? undefined : (token: IdentificationToken) => (selected.has(token.id) ? 'ant-table-row-selected' : '')), [selected]);
  const shownColumns = useMemo(() => (selectionColumn ? [selectionColumn, ...fitted.columns] : fitted.columns), [selectionColumn, fitted.columns]);

  const scrollX = fitted.width + (selectable ? SELECTION_WIDTH : 0);
  // antd draws the header, and sees only one row: the rows are WindowedBody's, so antd's own
  // work on its data (done again at each change) stays one row long. The same row for as long
  // as there are rows: for a new one rc-table reads the body's scroll position again, a layout
  // of the whole page at each keystroke in Search.
  const [headRow, setHeadRow] = useState<IdentificationToken | undefined>(rows[0]);
  if ((rows.length === 0) !== (headRow === undefined)) setHeadRow(rows[0]);
  const headRows = useMemo(() => (headRow === undefined ? [] : [headRow]), [headRow]);

  const common = {
    rowKey: 'id',
    loading: noLiveRegion,
    size: 'middle',
    pagination: false,
    columns: shownColumns,
    onChange,
    showSorterTooltip: false,
  } satisfies TableProps<IdentificationToken>;

  // Nothing to list: an ordinary table (header row and one row with the message).
  if (rows.length === 0) {
    return (
      <div ref={holder}>
        <Table<IdentificationToken> {...common} aria-label={label} dataSource={rows} locale={{ emptyText: empty ?? <Empty /> }} />
      </div>
    );
  }

  // Until the holder is measured the columns have no width to share: drawing the table then
  // would draw it twice before the first frame (the measurement re-renders at once, before
  // paint), the costliest part of the first screen.
  if (!box.measured && typeof ResizeObserver !== 'undefined') {
    return <div ref={holder} role="table" aria-label={label} aria-rowcount={rows.length + 1} aria-busy="true" style={{ height }} />;
  }

  return (
    <div ref={holder} role="table" aria-label={label} aria-rowcount={rows.length + 1}>
      {/* Around the table, not the body: the body draws again at each scroll, the table does not. */}
      <RowPartsScope>
        <Table<IdentificationToken>
          {...common}
          components={{
            header: headerComponents,
            body: (_data: readonly IdentificationToken[], { ref, onScroll, scrollbarSize }: BodyInfo) => (
              <WindowedBody
                rows={rows}
                columns={shownColumns}
                width={scrollX}
                height={height}
                bodyRef={ref}
                onScroll={onScroll}
                rowClassName={rowClassName}
                scrollbar={scrollbarSize}
                onScrollbar={setScrollbar}
              />
            ),
          }}
          dataSource={headRows}
          scroll={{ x: scrollX, y: height }}
        />
      </RowPartsScope>
    </div>
  );
});

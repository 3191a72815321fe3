type Sized = { key?: string | number | bigint; width?: string | number };

/**
 * Narrowest useful width of each column, and whether it takes a share of spare room. Token,
 * Permissions and Whitelisted IPs shrink first (names and addresses ellipsize, with the full
 * text on hover), so the seed's columns — Token, Permissions, Whitelisted IPs, Expired Date
 * and Actions — stay in the window from 1024 px wide, sidebar open.
 */
const LIMITS: Readonly<Record<string, { min: number; grows: boolean }>> = {
  name: { min: 110, grows: true },
  permissions: { min: 120, grows: true },
  whitelist: { min: 150, grows: true },
  expiresOn: { min: 112, grows: false },
  role: { min: 120, grows: false },
  owner: { min: 120, grows: false },
  lastUsedAt: { min: 150, grows: false },
  createdAt: { min: 150, grows: false },
  requests: { min: 120, grows: false },
  review: { min: 110, grows: false },
  actions: { min: 96, grows: false },
};

const preferred = (column: Sized): number => (typeof column.width === 'number' ? column.width : 150);
const limitOf = (column: Sized) => LIMITS[String(column.key)] ?? { min: preferred(column), grows: false };

/**
 * Widths that fill `available` pixels: spare room goes to the growing columns; a shortfall is
 * taken from every column down to its minimum, in proportion to what it can give. Returns the
 * total width too: wider than `available` only when even the minimums do not fit (the table
 * then scrolls sideways, Actions pinned to the right).
 */
export function fitColumns<T extends Sized>(columns: readonly T[], available: number): { columns: T[]; width: number } {
  const wants = columns.map((column) => preferred(column));
  const total = wants.reduce((sum, width) => sum + width, 0);
  if (!(available > 0)) return { columns: [...columns], width: total };
  let widths: number[];
  if (available >= total) {
    const growing = columns.map((column) => limitOf(column).grows);
    const growingTotal = wants.reduce((sum, width, index) => sum + (growing[index] ? width : 0), 0);
    const spare = available - total;
    widths = wants.map((width, index) => (growing[index] && growingTotal > 0 ? width + Math.floor((spare * width) / growingTotal) : width));
  } else {
    const mins = columns.map((column, index) => Math.min(limitOf(column).min, wants[index] ?? 0));
    const give = wants.map((width, index) => width - (mins[index] ?? 0));
    const canGive = give.reduce((sum, value) => sum + value, 0);
    const shortfall = Math.min(total - available, canGive);
    widths = wants.map((width, index) => (canGive > 0 ? width - Math.ceil((shortfall * (give[index] ?? 0)) / canGive) : width));
  }
  return {
    columns: columns.map((column, index) => ({ ...column, width: widths[index] })),
    width: widths.reduce((sum, width) => sum + width, 0),
  };
}

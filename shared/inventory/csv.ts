import type { IdentificationToken } from '../api/tokens';
import { formatDisplayDate, formatDisplayDateTime, type TokenStatus } from '../domain/expiry';
import { REVIEW_FLAGS, reviewFlags } from '../domain/review';
import type { RoleRights } from '../domain/rights';
import type { InventorySnapshot } from './snapshot';
import { statusFromFlags } from './summary';

export const CSV_COLUMNS = [
  'Name',
  'Role',
  'Modules',
  'Whitelist',
  'Expiry',
  'Status',
  'Created',
  'Last used',
  'Review flags',
  'Owner',
  'Description',
] as const;

export const STATUS_LABELS: Readonly<Record<TokenStatus, string>> = {
  active: 'Active',
  expiring: 'Expiring soon',
  expired: 'Expired',
};

// Lists inside one cell: a separator that is not the field separator, so a spreadsheet keeps
// them in one column.
const LIST_SEPARATOR = '; ';
const LINE_END = '\r\n';
// Excel reads a UTF-8 file without a byte-order mark as the local code page and garbles names.
export const BYTE_ORDER_MARK = '\uFEFF';

// What spreadsheets take as the start of a formula (or, tab and CR, as a way to hide one).
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field: a leading formula character gets an apostrophe so Excel, LibreOffice and Sheets
 * show the text instead of running it (OWASP "CSV injection"); then RFC 4180 quoting when the
 * field holds a comma, a quote or a line break.
 */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + LINE_END;
}

type RowContext = {
  rights: ReadonlyMap<number, RoleRights>;
  now: Date;
  timeZone: string;
  dateTime: (instant: string) => string;
};

function tokenRow(token: IdentificationToken, context: RowContext): string {
  const { now, timeZone, dateTime } = context;
  const flags = reviewFlags(token, context.rights.get(token.roleId) ?? null, now, timeZone);
  return csvRow([
    token.name,
    token.roleName,
    token.permissions.join(LIST_SEPARATOR),
    token.whitelist.join(LIST_SEPARATOR),
    token.expiresOn === null ? '' : formatDisplayDate(token.expiresOn),
    STATUS_LABELS[statusFromFlags(flags)],
    dateTime(token.createdAt),
    token.lastUsedAt === null ? 'Never' : dateTime(token.lastUsedAt),
    flags.map((flag) => REVIEW_FLAGS[flag].label).join(LIST_SEPARATOR),
    // Free text a token's editor typed: csvField neutralises a leading formula character.
    token.owner ?? '',
    token.description ?? '',
  ]);
}

export const DEFAULT_CSV_CHUNK_SIZE = 1000;

/*
 * The CSV in pieces: chunk i holds rows for tokens [i × chunkSize, (i + 1) × chunkSize), the
 * first also the byte-order mark and the header (an empty inventory is one chunk), so a writer
 * can report progress as tokens. Status and review flags are computed at `now`, dates shown
 * in the organisation's time zone.
 */
export function* csvChunks(snapshot: InventorySnapshot, now: Date, chunkSize = DEFAULT_CSV_CHUNK_SIZE): Generator<string> {
  const size = Math.max(1, Math.floor(chunkSize));
  const context: RowContext = {
    rights: new Map(snapshot.roles.map((role) => [role.id, role.rights])),
    now,
    timeZone: snapshot.timeZone,
    dateTime: (instant: string) => formatDisplayDateTime(instant, snapshot.timeZone),
  };
  const header = BYTE_ORDER_MARK + csvRow(CSV_COLUMNS);
  const { tokens } = snapshot;
  if (tokens.length === 0) {
    yield header;
    return;
  }
  for (let start = 0; start < tokens.length; start += size) {
    let text = start === 0 ? header : '';
    const end = Math.min(tokens.length, start + size);
    for (let i = start; i < end; i++) text += tokenRow(tokens[i] as IdentificationToken, context);
    yield text;
  }
}

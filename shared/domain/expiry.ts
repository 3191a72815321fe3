import { z } from 'zod';

/** A calendar date, YYYY-MM-DD. Expiry dates are whole days in the organisation's time zone. */
export type IsoDate = string;
export type TokenStatus = 'active' | 'expiring' | 'expired';

export const EXPIRING_SOON_DAYS = 7;
export const DEFAULT_TIME_ZONE = 'UTC';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

// A list's expiry dates are a few hundred distinct days, each read several times per token
// (status, review flags, policy); the parts of a day never change. Bounded like whitelist spans.
const PARTS_MEMO_LIMIT = 10_000;
const knownParts = new Map<string, readonly [number, number, number] | null>();

function calendarParts(iso: string): readonly [number, number, number] | null {
  const known = knownParts.get(iso);
  if (known !== undefined) return known;
  const parts = parseCalendarParts(iso);
  if (knownParts.size >= PARTS_MEMO_LIMIT) knownParts.clear();
  knownParts.set(iso, parts);
  return parts;
}

function parseCalendarParts(iso: string): [number, number, number] | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC reads years 0–99 as 1900–1999; four digits from 1000 on are taken as written.
  if (year < 1000) return null;
  // Date.UTC rolls 31/02 over to March, day 00 back to the month before and month 13 on to
  // January: a day (two digits) or month that does not exist always lands in another month.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return [year, month, day];
}

export function isIsoDate(value: string): boolean {
  return calendarParts(value) !== null;
}

export const isoDateSchema = z.string().refine(isIsoDate, { message: 'Use a calendar date in the form YYYY-MM-DD.' });

// Intl refuses "" and blank names itself (ECMA-402 IsValidTimeZoneName).
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .refine(isValidTimeZone, { message: 'Use an IANA time zone name such as "Europe/Paris" or "UTC".' })
  .default(DEFAULT_TIME_ZONE);

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function toIso(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function requireIso(iso: IsoDate): readonly [number, number, number] {
  const parts = calendarParts(iso);
  if (!parts) throw new Error(`Not a calendar date (YYYY-MM-DD): ${iso}`);
  return parts;
}

/** Calendar arithmetic, independent of any time zone. */
export function addDays(iso: IsoDate, days: number): IsoDate {
  const [year, month, day] = requireIso(iso);
  const date = new Date(Date.UTC(year, month - 1, day) + days * DAY_MS);
  return toIso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const [y1, m1, d1] = requireIso(from);
  const [y2, m2, d2] = requireIso(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
}

// Zone arithmetic uses Intl directly: it is exact at DST changes and far cheaper than dayjs.tz,
// and todayIn runs on every API request.
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function intlWallClock(timeZone: string, instant: Date): WallClock {
  const clock: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of wallClockFormatter(timeZone).formatToParts(instant)) {
    // Stryker disable next-line ConditionalExpression: without the test the "literal" parts land on keys nobody reads
    if (part.type in clock) clock[part.type as keyof WallClock] = Number(part.value);
  }
  return clock;
}

// A zone's offset changes only at its transitions, a few instants a year, each on a whole
// second: over a UTC hour that begins and ends on the same offset it is that offset throughout
// (no zone changes and changes back within an hour). Kept per hour, so a column of 100,000
// instants (a CSV export) asks Intl a few times per hour they span instead of once per instant,
// which was two thirds of the export's time. An hour's first instant is Intl's alone (one call,
// as before): instants scattered over many hours cost no more than they did; the hour is checked
// (two calls) at its second. Hours with a change in them go to Intl each time.
const OFFSET_MEMO_LIMIT = 50_000;
const SEEN_ONCE = 'seen once';
const hourOffsets = new Map<string, number | null | typeof SEEN_ONCE>();
// Intl writes years before 1000 and after 9999 differently (no padding, eras): those go to Intl.
const FIRST_FAST_INSTANT = Date.UTC(1000, 0, 2);
const LAST_FAST_INSTANT = Date.UTC(9999, 11, 30);

// The offset in force over the whole hour, or null when Intl must answer this instant.
function offsetOverHour(timeZone: string, hourStart: number): number | null {
  const key = `${timeZone}\u0000${hourStart}`;
  const known = hourOffsets.get(key);
  if (known !== undefined && known !== SEEN_ONCE) return known;
  if (hourOffsets.size >= OFFSET_MEMO_LIMIT) hourOffsets.clear();
  if (known === undefined) {
    hourOffsets.set(key, SEEN_ONCE);
    return null;
  }
  const atStart = zoneOffsetMs(timeZone, hourStart);
  const offset = zoneOffsetMs(timeZone, hourStart + HOUR_MS - 1000) === atStart ? atStart : null;
  hourOffsets.set(key, offset);
  return offset;
}

function wallClock(timeZone: string, instant: Date): WallClock {
  const time = instant.getTime();
  if (time < FIRST_FAST_INSTANT || time > LAST_FAST_INSTANT) return intlWallClock(timeZone, instant);
  const offset = offsetOverHour(timeZone, Math.floor(time / HOUR_MS) * HOUR_MS);
  if (offset === null) return intlWallClock(timeZone, instant);
  const wall = new Date(time + offset);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

// The public API asks for today's date on every request; a zone's date can only change on a
// whole second, so the answer is kept for the second it was computed in.
const lastToday = new Map<string, { second: number; day: IsoDate }>();

/** The calendar date in the zone at the instant. */
export function todayIn(timeZone: string, now: Date): IsoDate {
  const second = Math.floor(now.getTime() / 1000);
  const known = lastToday.get(timeZone);
  if (known !== undefined && known.second === second) return known.day;
  const day = computeToday(timeZone, now);
  lastToday.set(timeZone, { second, day });
  return day;
}

function computeToday(timeZone: string, now: Date): IsoDate {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormatters.set(timeZone, formatter);
  }
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of formatter.formatToParts(now)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return toIso(year, month, day);
}

/**
 * How far the zone's wall clock is ahead of UTC at the instant, in milliseconds. The instant is
 * a whole second (a UTC midnight, or one moved by an offset, and offsets are whole seconds), so
 * the wall clock, which has no milliseconds, is exact.
 */
function zoneOffsetMs(timeZone: string, instant: number): number {
  const c = intlWallClock(timeZone, new Date(instant));
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - instant;
}

const HOUR_MS = 3_600_000;
const SCAN_STEP_MS = 15 * 60_000;

/**
 * The first instant of a calendar day in a zone: local midnight or, where a DST change skips
 * midnight (America/Santiago, Asia/Beirut...), the first local time that exists that day.
 */
export function startOfDayIn(iso: IsoDate, timeZone: string): Date {
  const [year, month, day] = requireIso(iso);
  const reached = (instant: number): boolean => todayIn(timeZone, new Date(instant)) >= iso;
  // Common case: local midnight is UTC midnight minus the offset in force then (found in two
  // steps, as the offset may differ either side of a change), and the instant before it is
  // still the previous day.
  const utcMidnight = Date.UTC(year, month - 1, day);
  const first = utcMidnight - zoneOffsetMs(timeZone, utcMidnight);
  const guess = utcMidnight - zoneOffsetMs(timeZone, first);
  if (reached(guess) && !reached(guess - 1)) return new Date(guess);
  // Otherwise scan the window every UTC offset allows (−12 h to +14 h) and narrow to the
  // millisecond; the first crossing wins, so a day entered twice ends at its first start.
  let high = utcMidnight - 15 * HOUR_MS;
  while (!reached(high)) high += SCAN_STEP_MS;
  let low = high - SCAN_STEP_MS;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (reached(mid)) high = mid;
    else low = mid;
  }
  return new Date(high);
}

/** The instant a token expiring on `expiresOn` stops working: the next midnight in the zone. */
export function expiryEnd(expiresOn: IsoDate, timeZone: string): Date {
  return startOfDayIn(addDays(expiresOn, 1), timeZone);
}

/**
 * Calendar days, today included, on which the token still works: 1 on its last day, 0 or less
 * once expired. Null when it never expires.
 */
export function daysLeft(expiresOn: IsoDate | null, now: Date, timeZone: string): number | null {
  if (expiresOn === null) return null;
  return daysBetween(todayIn(timeZone, now), expiresOn) + 1;
}

/**
 * `expired` from the exclusive end on; `expiring` while 7 calendar days or fewer remain, today
 * included (from the start of expiresOn − 6 in the zone, i.e. exactly 7 days before the end);
 * `active` before that, or when there is no expiry date.
 */
export function tokenStatus(expiresOn: IsoDate | null, now: Date, timeZone: string): TokenStatus {
  const left = daysLeft(expiresOn, now, timeZone);
  if (left === null) return 'active';
  if (left <= 0) return 'expired';
  return left <= EXPIRING_SOON_DAYS ? 'expiring' : 'active';
}

/** YYYY-MM-DD to DD/MM/YYYY. */
export function formatDisplayDate(iso: IsoDate): string {
  const [year, month, day] = requireIso(iso);
  return `${pad(day)}/${pad(month)}/${pad(year, 4)}`;
}

/** An instant as DD/MM/YYYY HH:mm (24-hour) in the zone. */
export function formatDisplayDateTime(instant: Date | string, timeZone: string): string {
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) throw new Error('Not a valid instant.');
  const clock = wallClock(timeZone, date);
  return `${pad(clock.day)}/${pad(clock.month)}/${pad(clock.year, 4)} ${pad(clock.hour)}:${pad(clock.minute)}`;
}

export type ParseDateResult = { ok: true; value: IsoDate } | { ok: false; message: string };

const DISPLAY_DATE = /^\d{2}\/\d{2}\/\d{4}$/;

/**
 * Strict DD/MM/YYYY: two-digit day and month, four-digit year (1900–9999), a real calendar day.
 * "1/2/2026" is refused rather than guessed, so what is typed is what is shown. Surrounding
 * whitespace is ignored.
 */
export function parseDisplayDate(text: string): ParseDateResult {
  const value = text.trim();
  if (value === '') return { ok: false, message: 'Enter a date as DD/MM/YYYY.' };
  if (!DISPLAY_DATE.test(value)) {
    return { ok: false, message: `"${value}" is not in the form DD/MM/YYYY (e.g. 05/03/2026).` };
  }
  const iso = `${value.slice(6)}-${value.slice(3, 5)}-${value.slice(0, 2)}`;
  if (!isIsoDate(iso) || Number(value.slice(6)) < 1900) return { ok: false, message: `${value} is not a date in the calendar.` };
  return { ok: true, value: iso };
}

/** A new or changed expiry date may be today (the token works until tonight) but not earlier. */
export function validateNewExpiry(
  expiresOn: IsoDate,
  now: Date,
  timeZone: string,
): { ok: true } | { ok: false; message: string } {
  if (!isIsoDate(expiresOn)) return { ok: false, message: 'Use a calendar date in the form YYYY-MM-DD.' };
  const today = todayIn(timeZone, now);
  if (expiresOn < today) {
    return { ok: false, message: `The expiry date cannot be in the past (today is ${formatDisplayDate(today)}).` };
  }
  return { ok: true };
}

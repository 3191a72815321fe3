import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  expiryEnd,
  formatDisplayDate,
  formatDisplayDateTime,
  isIsoDate,
  isValidTimeZone,
  startOfDayIn,
  todayIn,
} from '../../../shared/domain';

// The zone arithmetic behind every expiry decision (issue 20): the first instant of a day in a
// zone, against Intl read another way, on the days a zone's offset changes; and the short cuts
// it takes (the offset-based guess, the per-second cache of today) pinned by counting Intl calls,
// so that a guess gone wrong cannot hide behind the slow scan that corrects it.

const DAY_MS = 86_400_000;

// The calendar date at an instant, by an independent route (en-CA writes YYYY-MM-DD).
const refFormatters = new Map<string, Intl.DateTimeFormat>();
function refDate(zone: string, instant: number): string {
  let formatter = refFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    refFormatters.set(zone, formatter);
  }
  return formatter.format(new Date(instant));
}

/** The UTC offset in minutes at an instant, from Intl's own offset name ("GMT+5:45"). */
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
function refOffsetMinutes(zone: string, instant: number): number {
  let formatter = offsetFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormatters.set(zone, formatter);
  }
  const name = formatter
    .formatToParts(new Date(instant))
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
  if (!match) throw new Error(`Unexpected offset name ${name}`);
  if (match[1] === undefined) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** The days of `year` whose offset differs from the next day's (at UTC midnight), found by Intl. */
function changeDays(zone: string, year: number): string[] {
  const days: string[] = [];
  let previous = refOffsetMinutes(zone, Date.UTC(year, 0, 1));
  for (let t = Date.UTC(year, 0, 2); t < Date.UTC(year + 1, 0, 1); t += DAY_MS) {
    const offset = refOffsetMinutes(zone, t);
    if (offset !== previous) days.push(new Date(t - DAY_MS).toISOString().slice(0, 10));
    previous = offset;
  }
  return days;
}

/** Asserts `start` is the first instant whose date in the zone is `iso` or later. */
function expectFirstInstant(zone: string, iso: string, start: number): void {
  const label = `${zone} ${iso} → ${new Date(start).toISOString()}`;
  expect(refDate(zone, start) >= iso, label).toBe(true);
  expect(refDate(zone, start - 1) < iso, label).toBe(true);
  // No earlier entry into the day (a day some zones enter twice counts from its first start):
  // every UTC offset lies within −12 h … +14 h, and no offset lasts under ten minutes.
  for (let t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) - 15 * 3_600_000; t < start; t += 600_000) {
    expect(refDate(zone, t) < iso, `${label}: already ${refDate(zone, t)} at ${new Date(t).toISOString()}`).toBe(true);
  }
}

// Days where local midnight is not "UTC midnight minus the offset": the day is skipped, starts
// off the quarter hour, or is entered twice; found over the whole tz database (1890–2030).
const HARD_DAYS: [string, string, string][] = [
  ['America/Santiago', '2026-09-06', '2026-09-06T04:00:00.000Z'], // 00:00 → 01:00, midnight skipped
  ['Asia/Amman', '1999-09-24', '1999-09-23T21:00:00.000Z'], // 01:00 → 00:00: the day begins twice
  ['Antarctica/Casey', '2019-03-17', '2019-03-16T13:00:00.000Z'], // +11 → +8 at 02:00: begins twice, 3 h apart
  ['Africa/Tunis', '1977-09-24', '1977-09-23T22:00:00.000Z'],
  ['Africa/Abidjan', '1912-01-01', '1912-01-01T00:16:08.000Z'], // local mean time ends: off the quarter hour
  ['Pacific/Apia', '2011-12-30', '2011-12-30T10:00:00.000Z'], // Samoa crossed the date line: no 30/12/2011
  ['Pacific/Kiritimati', '1994-12-31', '1994-12-31T10:00:00.000Z'], // likewise, no 31/12/1994
  ['America/Havana', '2026-03-08', '2026-03-08T05:00:00.000Z'],
];

const ZONES = [
  'Europe/London',
  'Europe/Lisbon',
  'America/Denver',
  'America/Havana',
  'America/Santiago',
  'Australia/Adelaide',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Beirut',
  'Africa/Cairo',
  'America/St_Johns',
  'Asia/Kathmandu',
];

describe('the first instant of a day in a zone', () => {
  it.each(HARD_DAYS)('%s %s starts at %s', (zone, iso, expected) => {
    const start = startOfDayIn(iso, zone).getTime();
    expect(new Date(start).toISOString()).toBe(expected);
    expectFirstInstant(zone, iso, start);
    expect(expiryEnd(addDays(iso, -1), zone).getTime()).toBe(start);
  });

  it('agrees with Intl around every offset change of 2026 in twelve zones', () => {
    const changes = ZONES.map((zone) => `${zone}:${changeDays(zone, 2026).length}`);
    let checked = 0;
    for (const zone of ZONES) {
      for (const day of changeDays(zone, 2026)) {
        for (const iso of [day, addDays(day, 1), addDays(day, 2)]) {
          expectFirstInstant(zone, iso, startOfDayIn(iso, zone).getTime());
          checked++;
        }
      }
    }
    // Asia/Kathmandu keeps one offset all year; the others change twice.
    expect(changes.join(' ')).toMatch(/Kathmandu:0$/);
    expect(checked).toBe(11 * 2 * 3);
  });
});

describe('the short cuts of the zone arithmetic', () => {
  const proto = Intl.DateTimeFormat.prototype;
  const formatToParts = proto.formatToParts;
  const DateTimeFormat = Intl.DateTimeFormat;
  let parts = 0;
  let constructed = 0;

  function countIntl(): void {
    parts = 0;
    constructed = 0;
    proto.formatToParts = function (this: Intl.DateTimeFormat, date?: Date | number) {
      parts++;
      return formatToParts.call(this, date);
    };
    Intl.DateTimeFormat = new Proxy(DateTimeFormat, {
      construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        constructed++;
        return new target(...args);
      },
    });
  }

  afterEach(() => {
    proto.formatToParts = formatToParts;
    Intl.DateTimeFormat = DateTimeFormat;
  });

  // Each case uses zones no other case here uses: the formatters and today's cache are per zone,
  // and tests run in any order.
  it.each([
    ['Europe/Lisbon', '2026-03-29'],
    ['Europe/Lisbon', '2026-10-25'],
    ['America/Denver', '2026-03-08'],
    ['America/Denver', '2026-11-01'],
    ['Australia/Adelaide', '2026-04-05'],
    ['Australia/Adelaide', '2026-10-04'],
    ['Asia/Kathmandu', '2026-01-01'],
    ['Asia/Beirut', '2026-10-25'],
    ['America/Halifax', '2026-03-08'],
    ['Africa/Cairo', '2026-04-24'],
  ])('finds the start of %s %s from the offset, without scanning', (zone, iso) => {
    countIntl();
    const start = startOfDayIn(iso, zone).getTime();
    // Two offsets (UTC midnight, then the guess) and two checks (the guess, the instant before).
    expect(parts).toBe(4);
    proto.formatToParts = formatToParts;
    expectFirstInstant(zone, iso, start);
  });

  it('computes today once per second and zone, then again in the next second', () => {
    const zone = 'Africa/Nairobi';
    const second = Date.UTC(2026, 5, 30, 20, 59, 59);
    countIntl();
    expect(todayIn(zone, new Date(second))).toBe('2026-06-30');
    expect(todayIn(zone, new Date(second + 500))).toBe('2026-06-30');
    expect(todayIn(zone, new Date(second + 999))).toBe('2026-06-30');
    expect(parts).toBe(1);
    expect(todayIn(zone, new Date(second + 1000))).toBe('2026-07-01');
    expect(parts).toBe(2);
    expect(todayIn('Asia/Tokyo', new Date(second + 1000))).toBe('2026-07-01');
    expect(parts).toBe(3);
  });

  it('builds one formatter per zone and reuses it', () => {
    countIntl();
    expect(formatDisplayDateTime('2026-07-14T10:05:00Z', 'America/Bogota')).toBe('14/07/2026 05:05');
    expect(formatDisplayDateTime('2026-12-31T23:59:00Z', 'America/Bogota')).toBe('31/12/2026 18:59');
    expect(todayIn('America/Bogota', new Date('2026-07-14T10:05:00Z'))).toBe('2026-07-14');
    expect(todayIn('America/Bogota', new Date('2026-07-15T10:05:00Z'))).toBe('2026-07-15');
    // One wall-clock formatter and one date formatter.
    expect(constructed).toBe(2);
  });

  it('reads the wall clock of a whole hour from the offsets at its two ends', () => {
    const zone = 'Asia/Yerevan';
    const hour = Date.UTC(2026, 4, 12, 7);
    countIntl();
    for (let minute = 0; minute < 60; minute++) {
      expect(formatDisplayDateTime(new Date(hour + minute * 60_000 + 59_999), zone)).toBe(`12/05/2026 11:${String(minute).padStart(2, '0')}`);
    }
    // The first instant by Intl alone, the second checks the hour's two ends, the rest are free.
    expect(parts).toBe(3);
    expect(formatDisplayDateTime(new Date(hour + 3_600_000), zone)).toBe('12/05/2026 12:00');
    expect(parts).toBe(4);
  });

  it('asks Intl once for an instant alone in its hour, as many hours as there are instants', () => {
    const zone = 'Asia/Baku';
    const first = Date.UTC(2026, 1, 3, 5, 17);
    countIntl();
    for (let i = 0; i < 40; i++) {
      const instant = first + i * 7 * 3_600_000;
      expect(formatDisplayDateTime(new Date(instant), zone)).toBe(refDisplay(zone, instant));
    }
    // refDisplay's own formatter is no formatToParts call.
    expect(parts).toBe(40);
  });

  it('asks Intl for each instant of an hour in which the offset changes', () => {
    // Europe/Dublin leaves summer time at 01:00 UTC on 25/10/2026: the hour before is all summer time.
    const zone = 'Europe/Dublin';
    countIntl();
    expect(formatDisplayDateTime('2026-10-25T00:59:59.999Z', zone)).toBe('25/10/2026 01:59');
    expect(formatDisplayDateTime('2026-10-25T01:00:00Z', zone)).toBe('25/10/2026 01:00');
    expect(formatDisplayDateTime('2026-10-25T00:30:00Z', zone)).toBe('25/10/2026 01:30');
    // A change on the hour belongs to neither hour beside it: each is kept whole once checked
    // (their ends are checked at their last second, not at the next hour's first).
    expect(parts).toBe(4);
    expect(formatDisplayDateTime('2026-10-25T00:45:00Z', zone)).toBe('25/10/2026 01:45');
    expect(parts).toBe(4);
    expect(formatDisplayDateTime('2026-10-25T01:30:00Z', zone)).toBe('25/10/2026 01:30');
    expect(parts).toBe(6);
    expect(formatDisplayDateTime('2026-10-25T01:59:59Z', zone)).toBe('25/10/2026 01:59');
    expect(parts).toBe(6);
    // Australia/Broken_Hill moves on at 16:30 UTC on 03/10/2026, inside a UTC hour.
    const zoneInside = 'Australia/Broken_Hill';
    expect(formatDisplayDateTime('2026-10-03T16:29:59Z', zoneInside)).toBe('04/10/2026 01:59');
    expect(formatDisplayDateTime('2026-10-03T16:30:00Z', zoneInside)).toBe('04/10/2026 03:00');
    expect(formatDisplayDateTime('2026-10-03T17:00:00Z', zoneInside)).toBe('04/10/2026 03:30');
    expect(formatDisplayDateTime('2026-10-03T17:05:00Z', zoneInside)).toBe('04/10/2026 03:35');
    // Every instant of an hour with a change goes to Intl again; an hour without one does not.
    const before = parts;
    expect(formatDisplayDateTime('2026-10-03T16:10:00Z', zoneInside)).toBe('04/10/2026 01:40');
    expect(parts).toBe(before + 1);
    expect(formatDisplayDateTime('2026-10-03T17:20:00Z', zoneInside)).toBe('04/10/2026 03:50');
    expect(parts).toBe(before + 1);
  });
});

// The wall clock by an independent route: Intl's own display, day first, 24-hour.
const displayFormatters = new Map<string, Intl.DateTimeFormat>();
function refDisplay(zone: string, instant: number): string {
  let formatter = displayFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    displayFormatters.set(zone, formatter);
  }
  return formatter.format(new Date(instant)).replace(', ', ' ');
}

describe('DD/MM/YYYY HH:mm in a zone', () => {
  // Not the zones whose Intl calls the short cuts' tests count: their formatters and kept hours
  // must be theirs alone, whatever order the tests run in.
  const COUNTED_ZONES = new Set(['America/Bogota', 'Africa/Nairobi', 'Asia/Tokyo', 'Asia/Yerevan', 'Asia/Baku', 'Europe/Dublin', 'Australia/Broken_Hill']);
  const ALL_ZONES = Intl.supportedValuesOf('timeZone').filter((zone) => !COUNTED_ZONES.has(zone));

  it("agrees with Intl at any instant whose wall clock is in the years 1000 to 9999, in every zone", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_ZONES), fc.integer({ min: Date.UTC(1000, 0, 2), max: Date.UTC(9999, 11, 30) }), (zone, instant) => {
        expect(formatDisplayDateTime(new Date(instant), zone)).toBe(refDisplay(zone, instant));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with Intl the second and the millisecond either side of every offset change of 2026 in twelve zones, and of the hard days', () => {
    let checked = 0;
    const around = (zone: string, change: number): void => {
      for (const instant of [change - 1000, change - 1, change, change + 1, change + 59_999, change + 3_600_000 - 1]) {
        expect(formatDisplayDateTime(new Date(instant), zone), `${zone} ${new Date(instant).toISOString()}`).toBe(refDisplay(zone, instant));
        checked++;
      }
    };
    for (const zone of ZONES) {
      // Each change found to the minute between two UTC midnights whose offsets differ.
      for (const day of changeDays(zone, 2026)) {
        let low = Date.parse(`${day}T00:00:00Z`);
        let high = low + DAY_MS;
        while (high - low > 60_000) {
          const mid = low + Math.floor((high - low) / 120_000) * 60_000;
          if (refOffsetMinutes(zone, mid) === refOffsetMinutes(zone, low)) low = mid;
          else high = mid;
        }
        around(zone, high);
      }
    }
    for (const [zone, , start] of HARD_DAYS) around(zone, Date.parse(start));
    expect(checked).toBe((11 * 2 + HARD_DAYS.length) * 6);
  });
});

describe('calendar dates and zone names at their limits', () => {
  it('takes four-digit years from 1000 on, and only days that exist', () => {
    for (const iso of ['1000-01-01', '2026-01-01', '2026-12-31', '2026-01-31', '2028-02-29', '9999-12-31']) {
      expect(isIsoDate(iso), iso).toBe(true);
    }
    for (const iso of ['0999-12-31', '0050-01-01', '0000-01-01', '2026-00-10', '2026-13-01', '2026-01-00', '2026-01-32', '2026-04-31', '2026-02-29']) {
      expect(isIsoDate(iso), iso).toBe(false);
    }
  });

  it('refuses blank zone names', () => {
    for (const zone of ['', ' ', '\t', ' UTC', 'UTC ']) expect(isValidTimeZone(zone), JSON.stringify(zone)).toBe(false);
  });

  it('names the bad input when a date or instant is not one', () => {
    for (const call of [() => addDays('2026-02-30', 1), () => daysBetween('2026-01-01', '2026-1-2'), () => formatDisplayDate('31/01/2026')]) {
      expect(call).toThrow(/^Not a calendar date \(YYYY-MM-DD\): /);
    }
    expect(() => startOfDayIn('2026-02-30', 'UTC')).toThrow('Not a calendar date (YYYY-MM-DD): 2026-02-30');
    expect(() => formatDisplayDateTime('not a date', 'UTC')).toThrow('Not a valid instant.');
  });
});

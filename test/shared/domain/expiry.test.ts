import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIME_ZONE,
  EXPIRING_SOON_DAYS,
  addDays,
  daysBetween,
  daysLeft,
  expiresWithin,
  expiringWithin,
  expiryEnd,
  formatDisplayDate,
  formatDisplayDateTime,
  isIsoDate,
  isValidTimeZone,
  isoDateSchema,
  parseDisplayDate,
  startOfDayIn,
  timeZoneSchema,
  todayIn,
  tokenStatus,
  validateNewExpiry,
} from '../../../shared/domain';

const at = (iso: string) => new Date(iso);

// Wall-clock date in a zone by an independent route (Intl with the en-CA YYYY-MM-DD format).
const refFormatters = new Map<string, Intl.DateTimeFormat>();
const refDate = (zone: string, instant: number) => {
  let formatter = refFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    refFormatters.set(zone, formatter);
  }
  return formatter.format(new Date(instant));
};

const ZONES = [
  'UTC',
  'Europe/Paris',
  'America/New_York',
  'Pacific/Auckland',
  'Asia/Kolkata',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Asia/Beirut',
  'America/St_Johns',
];

describe('calendar dates', () => {
  it('recognises real calendar dates only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-01-00')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('2026-01-01T00:00')).toBe(false);
    expect(isIsoDate('0999-01-01')).toBe(false);
    expect(isoDateSchema.safeParse('2026-03-31').success).toBe(true);
    expect(isoDateSchema.safeParse('31/03/2026').success).toBe(false);
  });

  it('refuses a date with anything before or after it', () => {
    for (const text of ['12026-01-01', 'x2026-01-01', ' 2026-01-01', '\n2026-01-01', '-2026-01-01', '2026-01-01x', '2026-01-011', '2026-01-01 ', '2026-01-01\n', '2026-01-01/2026-01-02']) {
      expect(isIsoDate(text), JSON.stringify(text)).toBe(false);
      expect(isoDateSchema.safeParse(text).success, JSON.stringify(text)).toBe(false);
    }
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-29', 0)).toBe('2026-03-29');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(() => addDays('2026-02-30', 1)).toThrow();
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-03-01', '2026-03-08')).toBe(7);
    expect(daysBetween('2026-03-08', '2026-03-01')).toBe(-7);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }), fc.integer({ min: -800, max: 800 }), (date, n) => {
        const iso = date.toISOString().slice(0, 10);
        expect(daysBetween(iso, addDays(iso, n))).toBe(n);
      }),
    );
  });
});

describe('time zones', () => {
  it('validates IANA names and defaults to UTC', () => {
    expect(DEFAULT_TIME_ZONE).toBe('UTC');
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(timeZoneSchema.parse(undefined)).toBe('UTC');
    expect(timeZoneSchema.parse('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(timeZoneSchema.safeParse('Nowhere/City').success).toBe(false);
  });

  it('gives today in the zone', () => {
    const instant = at('2026-03-10T23:30:00Z');
    expect(todayIn('UTC', instant)).toBe('2026-03-10');
    expect(todayIn('Pacific/Auckland', instant)).toBe('2026-03-11');
    expect(todayIn('Asia/Kolkata', instant)).toBe('2026-03-11');
    expect(todayIn('America/New_York', instant)).toBe('2026-03-10');
    expect(todayIn('Asia/Kolkata', at('2026-03-10T18:29:59.999Z'))).toBe('2026-03-10');
    expect(todayIn('Asia/Kolkata', at('2026-03-10T18:30:00Z'))).toBe('2026-03-11');
  });
});

describe('expiryEnd', () => {
  const cases: [string, string, string][] = [
    ['UTC', '2026-03-10', '2026-03-11T00:00:00.000Z'],
    ['Asia/Kolkata', '2026-06-01', '2026-06-01T18:30:00.000Z'],
    // Paris: CET (+1) until 29/03/2026 02:00, CEST (+2) until 25/10/2026 03:00.
    ['Europe/Paris', '2026-03-28', '2026-03-28T23:00:00.000Z'],
    ['Europe/Paris', '2026-03-29', '2026-03-29T22:00:00.000Z'],
    ['Europe/Paris', '2026-10-24', '2026-10-24T22:00:00.000Z'],
    ['Europe/Paris', '2026-10-25', '2026-10-25T23:00:00.000Z'],
    // New York: EDT from 08/03/2026, EST from 01/11/2026.
    ['America/New_York', '2026-03-07', '2026-03-08T05:00:00.000Z'],
    ['America/New_York', '2026-03-08', '2026-03-09T04:00:00.000Z'],
    ['America/New_York', '2026-10-31', '2026-11-01T04:00:00.000Z'],
    ['America/New_York', '2026-11-01', '2026-11-02T05:00:00.000Z'],
    // Auckland: NZDT (+13) until 05/04/2026 03:00, NZST (+12) until 27/09/2026 02:00.
    ['Pacific/Auckland', '2026-04-04', '2026-04-04T11:00:00.000Z'],
    ['Pacific/Auckland', '2026-04-05', '2026-04-05T12:00:00.000Z'],
    ['Pacific/Auckland', '2026-09-26', '2026-09-26T12:00:00.000Z'],
    ['Pacific/Auckland', '2026-09-27', '2026-09-27T11:00:00.000Z'],
  ];
  it.each(cases)('%s %s ends at %s', (zone, date, end) => {
    expect(expiryEnd(date, zone).toISOString()).toBe(end);
  });

  it('ends at the first instant of the next day when DST skips midnight (Santiago)', () => {
    // Chile moves from -04 to -03 at 24:00 on Saturday 05/09/2026: 06/09 starts at 01:00 -03.
    const end = expiryEnd('2026-09-05', 'America/Santiago');
    expect(end.toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(refDate('America/Santiago', end.getTime() - 1)).toBe('2026-09-05');
    expect(refDate('America/Santiago', end.getTime())).toBe('2026-09-06');
  });

  it('is the exact day boundary for any date in any zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }),
        (zone, date) => {
          const iso = date.toISOString().slice(0, 10);
          const end = expiryEnd(iso, zone).getTime();
          expect(refDate(zone, end - 1)).toBe(iso);
          expect(refDate(zone, end)).toBe(addDays(iso, 1));
          expect(startOfDayIn(addDays(iso, 1), zone).getTime()).toBe(end);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('handles every DST change of 2026 in the tested zones', () => {
    for (const zone of ZONES) {
      for (let day = 0; day < 365; day++) {
        const iso = addDays('2026-01-01', day);
        const end = expiryEnd(iso, zone).getTime();
        if (refDate(zone, end - 1) !== iso || refDate(zone, end) !== addDays(iso, 1)) {
          throw new Error(`${zone} ${iso}: wrong end ${new Date(end).toISOString()}`);
        }
      }
    }
  });
});

describe('tokenStatus', () => {
  it('is active without an expiry date', () => {
    expect(tokenStatus(null, at('2099-01-01T00:00:00Z'), 'UTC')).toBe('active');
    expect(daysLeft(null, at('2026-01-01T00:00:00Z'), 'UTC')).toBeNull();
  });

  it('switches to expiring exactly 7 days before the end, and to expired at the end (UTC)', () => {
    expect(EXPIRING_SOON_DAYS).toBe(7);
    const expiresOn = '2026-03-20';
    expect(tokenStatus(expiresOn, at('2026-03-13T23:59:59.999Z'), 'UTC')).toBe('active');
    expect(daysLeft(expiresOn, at('2026-03-13T23:59:59.999Z'), 'UTC')).toBe(8);
    expect(tokenStatus(expiresOn, at('2026-03-14T00:00:00Z'), 'UTC')).toBe('expiring');
    expect(daysLeft(expiresOn, at('2026-03-14T00:00:00Z'), 'UTC')).toBe(7);
    expect(tokenStatus(expiresOn, at('2026-03-20T23:59:59.999Z'), 'UTC')).toBe('expiring');
    expect(daysLeft(expiresOn, at('2026-03-20T12:00:00Z'), 'UTC')).toBe(1);
    expect(tokenStatus(expiresOn, at('2026-03-21T00:00:00Z'), 'UTC')).toBe('expired');
    expect(daysLeft(expiresOn, at('2026-03-21T00:00:00Z'), 'UTC')).toBe(0);
    expect(tokenStatus(expiresOn, at('2027-01-01T00:00:00Z'), 'UTC')).toBe('expired');
  });

  it('uses the organisation time zone (Paris)', () => {
    const expiresOn = '2026-03-20';
    expect(tokenStatus(expiresOn, at('2026-03-13T22:59:59.999Z'), 'Europe/Paris')).toBe('active');
    expect(tokenStatus(expiresOn, at('2026-03-13T23:00:00Z'), 'Europe/Paris')).toBe('expiring');
    expect(tokenStatus(expiresOn, at('2026-03-20T22:59:59.999Z'), 'Europe/Paris')).toBe('expiring');
    expect(tokenStatus(expiresOn, at('2026-03-20T23:00:00Z'), 'Europe/Paris')).toBe('expired');
    // The same instant is still 20/03 in New York and already 21/03 in Auckland.
    expect(tokenStatus(expiresOn, at('2026-03-20T23:00:00Z'), 'America/New_York')).toBe('expiring');
    expect(tokenStatus(expiresOn, at('2026-03-20T11:00:00Z'), 'Pacific/Auckland')).toBe('expired');
    expect(tokenStatus(expiresOn, at('2026-03-20T10:59:59Z'), 'Pacific/Auckland')).toBe('expiring');
    expect(tokenStatus(expiresOn, at('2026-03-20T18:29:59Z'), 'Asia/Kolkata')).toBe('expiring');
    expect(tokenStatus(expiresOn, at('2026-03-20T18:30:00Z'), 'Asia/Kolkata')).toBe('expired');
  });

  it('counts calendar days across a DST change (the expiring window is 7 days, one of them 23 hours)', () => {
    // 29/03/2026 has 23 hours in Paris.
    const expiresOn = '2026-04-02';
    expect(tokenStatus(expiresOn, at('2026-03-26T22:59:59Z'), 'Europe/Paris')).toBe('active');
    expect(tokenStatus(expiresOn, at('2026-03-26T23:00:00Z'), 'Europe/Paris')).toBe('expiring');
    expect(tokenStatus(expiresOn, at('2026-04-02T21:59:59Z'), 'Europe/Paris')).toBe('expiring');
    expect(tokenStatus(expiresOn, at('2026-04-02T22:00:00Z'), 'Europe/Paris')).toBe('expired');
  });

  it('is expired exactly from expiryEnd and expiring exactly from 7 days before, for any zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.date({ min: new Date('2024-01-01'), max: new Date('2032-12-31'), noInvalidDate: true }),
        fc.integer({ min: -3 * 86_400_000, max: 12 * 86_400_000 }),
        (zone, date, offset) => {
          const expiresOn = date.toISOString().slice(0, 10);
          const end = expiryEnd(expiresOn, zone).getTime();
          const expiringFrom = startOfDayIn(addDays(expiresOn, -(EXPIRING_SOON_DAYS - 1)), zone).getTime();
          const now = end - offset;
          const expected = now >= end ? 'expired' : now >= expiringFrom ? 'expiring' : 'active';
          expect(tokenStatus(expiresOn, new Date(now), zone)).toBe(expected);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('display dates', () => {
  it('formats calendar dates as DD/MM/YYYY', () => {
    expect(formatDisplayDate('2026-03-05')).toBe('05/03/2026');
    expect(formatDisplayDate('2026-12-31')).toBe('31/12/2026');
    expect(() => formatDisplayDate('2026-02-30')).toThrow();
  });

  it('formats instants as DD/MM/YYYY HH:mm in the zone', () => {
    expect(formatDisplayDateTime(at('2026-03-29T00:30:00Z'), 'Europe/Paris')).toBe('29/03/2026 01:30');
    expect(formatDisplayDateTime(at('2026-03-29T01:30:00Z'), 'Europe/Paris')).toBe('29/03/2026 03:30');
    expect(formatDisplayDateTime('2026-03-10T23:30:00Z', 'Pacific/Auckland')).toBe('11/03/2026 12:30');
    expect(formatDisplayDateTime('2026-03-10T23:30:00Z', 'Asia/Kolkata')).toBe('11/03/2026 05:00');
    expect(formatDisplayDateTime('2026-03-10T13:05:00Z', 'UTC')).toBe('10/03/2026 13:05');
    // 01:30 happens twice in New York on 01/11/2026: once in EDT, once in EST.
    expect(formatDisplayDateTime('2026-11-01T04:30:00Z', 'America/New_York')).toBe('01/11/2026 00:30');
    expect(formatDisplayDateTime('2026-11-01T05:30:00Z', 'America/New_York')).toBe('01/11/2026 01:30');
    expect(formatDisplayDateTime('2026-11-01T06:30:00Z', 'America/New_York')).toBe('01/11/2026 01:30');
    expect(() => formatDisplayDateTime('yesterday', 'UTC')).toThrow();
  });

  it('agrees with Intl for any instant and zone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.date({ min: new Date('2000-01-01'), max: new Date('2060-01-01'), noInvalidDate: true }), (zone, date) => {
        const parts = Object.fromEntries(
          new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
            .formatToParts(date)
            .map((p) => [p.type, p.value]),
        );
        expect(formatDisplayDateTime(date, zone)).toBe(`${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`);
      }),
      { numRuns: 300 },
    );
  });

  it('parses strict DD/MM/YYYY', () => {
    expect(parseDisplayDate('05/03/2026')).toEqual({ ok: true, value: '2026-03-05' });
    expect(parseDisplayDate(' 29/02/2028 ')).toEqual({ ok: true, value: '2028-02-29' });
    expect(parseDisplayDate('31/12/9999')).toEqual({ ok: true, value: '9999-12-31' });
  });

  it('refuses dates that do not exist', () => {
    for (const text of ['31/02/2026', '29/02/2027', '31/04/2026', '00/01/2026', '01/00/2026', '01/13/2026', '32/01/2026']) {
      expect(parseDisplayDate(text), text).toEqual({ ok: false, message: `${text} is not a date in the calendar.` });
    }
    expect(parseDisplayDate('01/01/1899').ok).toBe(false);
  });

  it('refuses other shapes instead of guessing', () => {
    for (const text of ['1/2/2026', '01/2/2026', '1/02/2026', '05/03/26', '2026-03-05', '05-03-2026', '05.03.2026', '05/03/2026 10:00', '05 /03/2026', '０５/03/2026']) {
      const result = parseDisplayDate(text);
      expect(result.ok, text).toBe(false);
      expect(result.ok ? '' : result.message).toContain('is not in the form DD/MM/YYYY');
    }
    expect(parseDisplayDate('')).toEqual({ ok: false, message: 'Enter a date as DD/MM/YYYY.' });
  });

  it('round-trips any calendar date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        expect(parseDisplayDate(formatDisplayDate(iso))).toEqual({ ok: true, value: iso });
      }),
    );
  });
});

describe('validateNewExpiry', () => {
  it('allows today and later, refuses earlier dates', () => {
    const now = at('2026-03-10T12:00:00Z');
    expect(validateNewExpiry('2026-03-10', now, 'UTC')).toEqual({ ok: true });
    expect(validateNewExpiry('2027-01-01', now, 'UTC')).toEqual({ ok: true });
    expect(validateNewExpiry('2026-03-09', now, 'UTC')).toEqual({ ok: false, message: 'The expiry date cannot be in the past (today is 10/03/2026).' });
  });

  it('decides "today" in the organisation time zone', () => {
    const now = at('2026-03-10T23:30:00Z');
    expect(validateNewExpiry('2026-03-10', now, 'UTC').ok).toBe(true);
    expect(validateNewExpiry('2026-03-10', now, 'Pacific/Auckland')).toEqual({ ok: false, message: 'The expiry date cannot be in the past (today is 11/03/2026).' });
    expect(validateNewExpiry('2026-03-11', now, 'Asia/Kolkata').ok).toBe(true);
    expect(validateNewExpiry('2026-03-10', at('2026-03-11T03:00:00Z'), 'America/New_York').ok).toBe(true);
  });

  it('refuses malformed dates', () => {
    expect(validateNewExpiry('2026-02-30', at('2026-01-01T00:00:00Z'), 'UTC')).toEqual({ ok: false, message: 'Use a calendar date in the form YYYY-MM-DD.' });
  });
});

describe('formatDisplayDateTime against dayjs', () => {
  it('writes what dayjs.tz writes, across zones and DST changes', async () => {
    const { default: dayjs } = await import('dayjs');
    const { default: utc } = await import('dayjs/plugin/utc.js');
    const { default: timezone } = await import('dayjs/plugin/timezone.js');
    dayjs.extend(utc);
    dayjs.extend(timezone);
    const instants = fc.sample(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T23:59:59Z'), noInvalidDate: true }), 300);
    instants.push(new Date('2026-03-29T00:59:00Z'), new Date('2026-03-29T01:00:00Z'), new Date('2026-10-25T00:30:00Z'), new Date('2026-10-25T01:30:00Z'));
    for (const timeZone of ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'America/Santiago', 'UTC']) {
      for (const instant of instants) {
        expect(formatDisplayDateTime(instant, timeZone), `${timeZone} ${instant.toISOString()}`).toBe(dayjs(instant).tz(timeZone).format('DD/MM/YYYY HH:mm'));
      }
    }
    expect(() => formatDisplayDateTime('not a date', 'UTC')).toThrow();
  });
});

describe('expiringWithin', () => {
  it('agrees with the days left, today included, for any instant, zone, horizon and expiry', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }),
        fc.integer({ min: -3, max: 40 }),
        fc.integer({ min: 0, max: 60 }),
        (zone, now, offset, days) => {
          const expiresOn = addDays(todayIn(zone, now), offset);
          const left = daysLeft(expiresOn, now, zone) ?? 0;
          const expected = left >= 1 && left <= days;
          expect(expiringWithin(days, now, zone)(expiresOn)).toBe(expected);
          expect(expiresWithin(expiresOn, days, now, zone)).toBe(expected);
        },
      ),
    );
    expect(expiringWithin(30, at('2026-03-01T12:00:00Z'), 'UTC')(null)).toBe(false);
  });
});

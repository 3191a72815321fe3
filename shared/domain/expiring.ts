import { addDays, todayIn, type IsoDate } from './expiry';

/**
 * Whether a token's last day falls within the next `days` days, today included, and it has not
 * expired: the expiry reminders' horizon. At 7 days this is the "Expiring soon" status.
 */
export function expiresWithin(expiresOn: IsoDate | null, days: number, now: Date, timeZone: string): boolean {
  return expiringWithin(days, now, timeZone)(expiresOn);
}

/**
 * `expiresWithin` for a whole inventory at one instant: the zone's today and the horizon's
 * last day are worked out once, then each token is two comparisons of ISO dates (which sort as
 * the days they name).
 */
export function expiringWithin(days: number, now: Date, timeZone: string): (expiresOn: IsoDate | null) => boolean {
  const today = todayIn(timeZone, now);
  const last = addDays(today, days - 1);
  return (expiresOn) => expiresOn !== null && expiresOn >= today && expiresOn <= last;
}

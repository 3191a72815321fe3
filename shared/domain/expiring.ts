import { daysLeft, type IsoDate } from './expiry';

/**
 * Whether a token's last day falls within the next `days` days, today included, and it has not
 * expired: the expiry reminders' horizon. At 7 days this is the "Expiring soon" status.
 */
export function expiresWithin(expiresOn: IsoDate | null, days: number, now: Date, timeZone: string): boolean {
  const left = daysLeft(expiresOn, now, timeZone);
  return left !== null && left >= 1 && left <= days;
}

import { z } from 'zod';
import type { IdentificationToken } from '../../shared/api/tokens';
import { addDays, formatDisplayDate, todayIn, type IsoDate } from '../../shared/domain/expiry';
import { expiringWithin } from '../../shared/domain/expiring';
import { compareTokenNames } from '../../shared/domain/token-name';
import type { ReminderStatus } from '../../shared/ipc/reminders-contract';
import type { Clock, EventSink, KeyValueStore, Logger, NotificationPort, Scheduler } from '../ports';

export const REMINDER_INTERVAL_MS = 60 * 60 * 1000;
const STORE_KEY = 'expiryReminders';
// Names shown in a notification before "and N more".
const NAMES_SHOWN = 3;

// Per profile: the day of the last notification, the day of the last look, and the ids of
// expired tokens already reported (ids only: nothing else about a token is kept here).
const profileStateSchema = z.object({
  lastNotifiedDay: z.string().nullable().catch(null),
  lastLookDay: z.string().nullable().catch(null),
  reportedExpiredIds: z.array(z.number().int().positive()).catch([]),
});
type ProfileState = z.infer<typeof profileStateSchema>;
const EMPTY_STATE: ProfileState = { lastNotifiedDay: null, lastLookDay: null, reportedExpiredIds: [] };
const sameState = (a: ProfileState, b: ProfileState): boolean =>
  a.lastNotifiedDay === b.lastNotifiedDay &&
  a.lastLookDay === b.lastLookDay &&
  a.reportedExpiredIds.length === b.reportedExpiredIds.length &&
  a.reportedExpiredIds.every((id, index) => id === b.reportedExpiredIds[index]);

export type ReminderDeps = {
  store: KeyValueStore;
  notifier: NotificationPort;
  events: EventSink;
  scheduler: Scheduler;
  clock: Clock;
  logger: Logger;
  settings: () => { reminderHorizonDays: number; expiryNotifications: boolean };
  activeProfileId: () => string | null;
  // Asks for the token list (delta sync); the list reaches `look` through the inventory listener.
  refresh: () => Promise<unknown>;
  timeZone: () => Promise<string>;
};

const list = (names: readonly string[]): string => {
  const shown = names.slice(0, NAMES_SHOWN).join(', ');
  return names.length > NAMES_SHOWN ? `${shown} and ${names.length - NAMES_SHOWN} more` : shown;
};
// ISO dates sort as the days they name.
const soonestFirst = (a: IdentificationToken, b: IdentificationToken): number =>
  (a.expiresOn === b.expiresOn ? 0 : (a.expiresOn ?? '') < (b.expiresOn ?? '') ? -1 : 1) || compareTokenNames(a.name, b.name);
const tokens = (n: number): string => `${n} ${n === 1 ? 'token' : 'tokens'}`;

/**
 * Expiry reminders: looks at the inventory at start and every hour (and whenever a complete
 * list arrives), keeps the sidebar's count of tokens expiring within the chosen horizon, and
 * raises at most one desktop notification a day: the tokens expiring soon, and those that
 * expired since the last look (each reported once). Nothing is notified when notifications
 * are off. A click shows the list filtered on "Expiring soon".
 */
export class ReminderService {
  private timer: unknown = null;
  private status: ReminderStatus & { profileId: string | null } = { profileId: null, expiringSoon: 0, horizonDays: 7, checkedAt: null };
  private last: { profileId: string; items: readonly IdentificationToken[] } | null = null;
  // Looks run one after the other, so two lists arriving together notify once.
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: ReminderDeps) {}

  start(): void {
    this.stop();
    void this.check();
    const tick = (): void => {
      this.timer = this.deps.scheduler.setTimeout(() => {
        void this.check();
        tick();
      }, REMINDER_INTERVAL_MS);
    };
    tick();
  }

  stop(): void {
    if (this.timer !== null) this.deps.scheduler.clearTimeout(this.timer);
    this.timer = null;
  }

  // The hourly look: a delta sync of the list, which comes back through `look`.
  async check(): Promise<void> {
    if (this.deps.activeProfileId() === null) return;
    try {
      await this.deps.refresh();
    } catch (error) {
      this.deps.logger.warn('expiry reminders could not list the tokens', { code: (error as { code?: unknown }).code });
    }
    await this.queue;
  }

  current(): ReminderStatus {
    const horizonDays = this.deps.settings().reminderHorizonDays;
    const { profileId, ...status } = this.status;
    if (profileId !== this.deps.activeProfileId()) return { expiringSoon: 0, horizonDays, checkedAt: null };
    return { ...status, horizonDays };
  }

  /** A complete inventory of a profile arrived (any load: start, hourly, the list's own). */
  look(profileId: string, items: readonly IdentificationToken[]): Promise<void> {
    this.last = { profileId, items };
    // On a later turn of the event loop: the list that arrived is answered to the window first
    // (a look at 100,000 tokens takes tens of milliseconds).
    this.queue = this.queue
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => this.evaluate(profileId, items))
      .catch((error: unknown) => {
        this.deps.logger.warn('expiry reminders could not look at the tokens', { error: String(error).slice(0, 200) });
      });
    return this.queue;
  }

  // The horizon or the switch changed: look again at what is known.
  settingsChanged(): void {
    if (this.last) void this.look(this.last.profileId, this.last.items);
  }

  private async evaluate(profileId: string, items: readonly IdentificationToken[]): Promise<void> {
    if (this.deps.activeProfileId() !== profileId) return;
    const { reminderHorizonDays: horizon, expiryNotifications } = this.deps.settings();
    const timeZone = await this.deps.timeZone();
    const now = this.deps.clock();
    const today = todayIn(timeZone, now);
    const state = this.load(profileId);

    const within = expiringWithin(horizon, now, timeZone);
    const expiring = items.filter((token) => within(token.expiresOn));
    // Expired after the last look (on the first look: within the horizon), not reported yet.
    const since = state.lastLookDay ?? addDays(today, -horizon);
    const reported = new Set(state.reportedExpiredIds);
    const expired = items.filter((token) => token.expiresOn !== null && token.expiresOn < today);
    const newlyExpired = expired.filter((token) => (token.expiresOn as IsoDate) >= since && !reported.has(token.id));

    this.status = { profileId, expiringSoon: expiring.length, horizonDays: horizon, checkedAt: now.toISOString() };
    this.deps.events.emit('reminders.changed', this.current());

    const something = expiring.length + newlyExpired.length > 0;
    const notify = expiryNotifications && something && state.lastNotifiedDay !== today && this.deps.notifier.isSupported();
    if (notify) {
      this.deps.notifier.show({
        title: 'Identification tokens need attention',
        // Sorted only for the notice: at every look only the count is needed.
        body: noticeBody(expiring.sort(soonestFirst), newlyExpired, horizon),
        onClick: () => this.deps.events.emit('reminders.openExpiring', { horizonDays: horizon }),
      });
    }
    // Tokens that expired are "seen" once notified, or when notifications are off; after
    // today's notice they wait for tomorrow's.
    const seen = notify || !expiryNotifications || newlyExpired.length === 0;
    const stillExpired = new Set(expired.map((token) => token.id));
    const next: ProfileState = {
      lastNotifiedDay: notify ? today : state.lastNotifiedDay,
      lastLookDay: seen ? today : state.lastLookDay,
      reportedExpiredIds: [...new Set([...state.reportedExpiredIds, ...(notify ? newlyExpired.map((token) => token.id) : [])])].filter((id) =>
        stillExpired.has(id),
      ),
    };
    // Most looks (every sync) change nothing: the settings file is not written again for them.
    if (!sameState(state, next)) this.save(profileId, next);
  }

  private load(profileId: string): ProfileState {
    const all = this.deps.store.get(STORE_KEY);
    const raw = typeof all === 'object' && all !== null ? (all as Record<string, unknown>)[profileId] : undefined;
    const parsed = profileStateSchema.safeParse(raw);
    return parsed.success ? parsed.data : EMPTY_STATE;
  }

  private save(profileId: string, state: ProfileState): void {
    const all = this.deps.store.get(STORE_KEY);
    const others = typeof all === 'object' && all !== null ? (all as Record<string, unknown>) : {};
    this.deps.store.set(STORE_KEY, { ...others, [profileId]: state });
  }
}

export function noticeBody(expiring: readonly IdentificationToken[], expired: readonly IdentificationToken[], horizon: number): string {
  const lines: string[] = [];
  if (expiring.length > 0) {
    const names = expiring.map((token) => `${token.name} (${formatDisplayDate(token.expiresOn as IsoDate)})`);
    lines.push(`${tokens(expiring.length)} ${expiring.length === 1 ? 'expires' : 'expire'} within ${horizon} days: ${list(names)}.`);
  }
  if (expired.length > 0) {
    lines.push(`${tokens(expired.length)} expired since your last look: ${list(expired.map((token) => token.name))}.`);
  }
  return lines.join('\n');
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronNotifier } from '../../../main/adapters/notification';
import { REMINDER_INTERVAL_MS } from '../../../main/services/reminder-service';
import type { RoleItem } from '../../../shared/api/roles';
import type { CreateTokenResponse } from '../../../shared/api/tokens';
import { addDays, formatDisplayDate, todayIn } from '../../../shared/domain';
import type { ReminderStatus } from '../../../shared/ipc/reminders-contract';
import { electronStoreIn } from '../../support/electron-store';
import { fakeNotificationClass } from '../../support/fake-notification';
import { ManualScheduler } from '../fakes/scheduler';
import { buildConsole, type TestConsole } from '../support/console';
import { startReferenceServer, type ReferenceServer } from '../support/reference-server';
import { expectOk, signIn } from '../support/sign-in';

const DAY_MS = 86_400_000;
let server: ReferenceServer;

// A server per test: each counts exactly its own tokens.
beforeEach(async () => {
  server = await startReferenceServer();
});
afterEach(async () => {
  await server.close();
});

// A console whose clock and hourly timer the test moves, with Electron's Notification faked.
async function reminderConsole() {
  const Notification = fakeNotificationClass();
  let offset = 0;
  const scheduler = new ManualScheduler();
  const stored = electronStoreIn();
  let focused = 0;
  const console: TestConsole = buildConsole({
    store: stored.store,
    scheduler,
    clock: () => new Date(Date.now() + offset),
    notifier: createElectronNotifier(Notification, () => focused++),
  });
  await signIn(console, server.url);
  const roleId = expectOk<RoleItem[]>(await console.call('roles.list'))[0]!.id;
  const today = todayIn('UTC', new Date());
  const create = async (name: string, expiresOn: string | null) =>
    expectOk<CreateTokenResponse>(await console.call('tokens.create', { name, roleId, expiresOn })).token;
  return {
    console,
    Notification,
    scheduler,
    stored,
    today,
    create,
    focused: () => focused,
    nextDay: () => (offset += DAY_MS),
    // The hourly look, and whatever it leads to.
    hour: async () => {
      await scheduler.runAll();
      await console.services.reminders.check();
    },
  };
}

describe('expiry reminders', () => {
  it('notifies once a day with the tokens expiring within the horizon, reports each newly expired token once, and opens the filtered list on click', async () => {
    const r = await reminderConsole();
    const suffix = Date.now().toString(36);
    await r.create(`Lapsing ${suffix}`, r.today);
    await r.create(`Soon ${suffix}`, addDays(r.today, 3));
    await r.create(`Later ${suffix}`, addDays(r.today, 30));
    await r.create(`Forever ${suffix}`, null);

    r.console.services.reminders.start();
    await r.console.services.reminders.check();
    expect(r.scheduler.pendingDelays()).toEqual([REMINDER_INTERVAL_MS]);
    expect(r.Notification.shown).toHaveLength(1);
    const [first] = r.Notification.shown;
    expect(first!.body).toBe(`2 tokens expire within 7 days: Lapsing ${suffix} (${formatDisplayDate(r.today)}), Soon ${suffix} (${formatDisplayDate(addDays(r.today, 3))}).`);
    expect(expectOk<ReminderStatus>(await r.console.call('reminders.status'))).toMatchObject({ expiringSoon: 2, horizonDays: 7 });
    expect(r.console.events).toContainEqual({ event: 'reminders.changed', payload: expect.objectContaining({ expiringSoon: 2 }) });

    first!.click();
    expect(r.focused()).toBe(1);
    expect(r.console.events).toContainEqual({ event: 'reminders.openExpiring', payload: { horizonDays: 7 } });

    // Later the same day: the badge follows, no second notice, and nothing new to keep.
    const writes = vi.spyOn(r.stored.store, 'set');
    await r.hour();
    expect(r.Notification.shown).toHaveLength(1);
    expect(writes.mock.calls.filter(([key]) => key === 'expiryReminders')).toEqual([]);
    writes.mockRestore();

    // Next day: "Lapsing" expired overnight and is reported, once.
    r.nextDay();
    await r.hour();
    expect(r.Notification.shown).toHaveLength(2);
    expect(r.Notification.shown[1]!.body).toContain(`1 token expired since your last look: Lapsing ${suffix}.`);
    expect(r.Notification.shown[1]!.body).toContain(`1 token expires within 7 days: Soon ${suffix}`);
    r.nextDay();
    await r.hour();
    expect(r.Notification.shown).toHaveLength(3);
    expect(r.Notification.shown[2]!.body).not.toContain('Lapsing');

    // A wider horizon counts "Later" too; the store keeps days and ids, never names.
    expectOk(await r.console.call('settings.set', { reminderHorizonDays: 30 }));
    await r.console.services.reminders.check();
    expect(expectOk<ReminderStatus>(await r.console.call('reminders.status'))).toMatchObject({ expiringSoon: 2, horizonDays: 30 });
    const saved = JSON.stringify(r.stored.store.get('expiryReminders'));
    expect(saved).not.toContain(suffix);
    expect(saved).toContain(addDays(r.today, 2));
  });

  it('raises no notification when notifications are turned off, but keeps the count', async () => {
    const r = await reminderConsole();
    expectOk(await r.console.call('settings.set', { expiryNotifications: false }));
    await r.create(`Quiet ${Date.now().toString(36)}`, addDays(r.today, 1));
    await r.console.services.reminders.check();
    expect(r.Notification.shown).toHaveLength(0);
    expect(expectOk<ReminderStatus>(await r.console.call('reminders.status')).expiringSoon).toBeGreaterThanOrEqual(1);
  });
});

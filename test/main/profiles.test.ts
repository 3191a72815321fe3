import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../main/errors';
import { ProfileService } from '../../main/services/profile-service';
import { SettingsService } from '../../main/services/settings-service';
import { WifoxClient } from '../../main/api/wifox-client';
import { checkBaseUrl } from '../../shared/ipc/base-url';
import { electronStoreIn, testStore } from '../support/electron-store';

const errorOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
};

describe('the https rule for base URLs', () => {
  it('requires https except on loopback', () => {
    for (const url of ['https://wifox.example.com', 'http://127.0.0.1:8787', 'http://127.5.6.7', 'http://localhost:3000', 'http://[::1]:8787', 'https://app.localhost']) {
      expect(checkBaseUrl(url), url).toMatchObject({ ok: true });
    }
    for (const url of ['http://wifox.example.com', 'http://10.0.0.1', 'http://128.0.0.1', 'http://127.0.0.1.evil.com', 'http://[::2]', 'http://localhost.evil.com']) {
      expect(checkBaseUrl(url), url).toMatchObject({ ok: false, reason: 'insecure' });
    }
  });

  it('treats names as names: *.localhost and localhost. need https, since a resolver may send them anywhere', () => {
    for (const url of ['http://anything.localhost', 'http://wifox.localhost:8787', 'http://localhost.', 'http://a.b.localhost/api']) {
      expect(checkBaseUrl(url), url).toMatchObject({ ok: false, reason: 'insecure' });
    }
  });

  it('the client itself refuses *.localhost and remote names over http (one rule, shared with the profile form)', () => {
    for (const baseUrl of ['http://anything.localhost:8787', 'http://wifox.example.com']) {
      expect(isAppError(errorOf(() => new WifoxClient({ baseUrl })), 'insecure_url'), baseUrl).toBe(true);
    }
    expect(new WifoxClient({ baseUrl: 'http://localhost:8787' })).toBeInstanceOf(WifoxClient);
  });

  it('refuses what is not a plain server address', () => {
    for (const url of ['ftp://x.example', 'https://user:pw@x.example', 'wifox.example.com', 'https://x.example/?token=1']) {
      expect(checkBaseUrl(url), url).toMatchObject({ ok: false, reason: 'invalid' });
    }
  });

  it('normalises to one spelling without a trailing slash', () => {
    expect(checkBaseUrl(' https://Wifox.Example.com/api/ ')).toEqual({ ok: true, url: 'https://wifox.example.com/api' });
  });
});

describe('ProfileService', () => {
  it('saves, lists, updates and removes profiles', () => {
    const profiles = new ProfileService(testStore(), () => 'p1');
    const created = profiles.save({ name: 'Production', baseUrl: 'https://wifox.example.com/', email: 'ops@example.com' });
    expect(created).toEqual({ id: 'p1', name: 'Production', baseUrl: 'https://wifox.example.com', email: 'ops@example.com' });
    profiles.save({ ...created, name: 'Prod' });
    expect(profiles.list()).toEqual([{ ...created, name: 'Prod' }]);
    profiles.remove('p1');
    expect(profiles.list()).toEqual([]);
    expect(isAppError(errorOf(() => profiles.remove('p1')), 'not_found')).toBe(true);
  });

  it('refuses a plain-http remote server with insecure_url on the field', () => {
    const profiles = new ProfileService(testStore());
    const error = errorOf(() => profiles.save({ name: 'Remote', baseUrl: 'http://wifox.example.com', email: 'a@b.c' }));
    expect(isAppError(error, 'insecure_url')).toBe(true);
    expect(isAppError(error) && error.details).toEqual([{ field: 'baseUrl', message: expect.stringContaining('https://') }]);
  });

  it('refuses two profiles with the same name', () => {
    let n = 0;
    const profiles = new ProfileService(testStore(), () => `p${++n}`);
    profiles.save({ name: 'Demo', baseUrl: 'http://127.0.0.1:1', email: 'a@b.c' });
    const error = errorOf(() => profiles.save({ name: 'demo', baseUrl: 'http://127.0.0.1:2', email: 'a@b.c' }));
    expect(isAppError(error, 'validation') && error.details?.[0]?.field).toBe('name');
  });

  it('creates the default profile once, and can follow a moving demo server', () => {
    const store = testStore();
    const profiles = new ProfileService(store, () => 'demo');
    const defaults = { name: 'Local demo', baseUrl: 'http://127.0.0.1:8787', email: 'admin@wifox.local' };
    expect(profiles.ensureDefault(defaults)?.baseUrl).toBe('http://127.0.0.1:8787');
    expect(profiles.ensureDefault({ ...defaults, baseUrl: 'http://127.0.0.1:9999' })?.baseUrl).toBe('http://127.0.0.1:8787');
    expect(profiles.ensureDefault({ ...defaults, baseUrl: 'http://127.0.0.1:9999' }, { followBaseUrl: true })?.baseUrl).toBe(
      'http://127.0.0.1:9999',
    );
    profiles.remove('demo');
    expect(profiles.ensureDefault(defaults)).toBeUndefined();
    expect(profiles.list()).toEqual([]);
  });
});

describe('SettingsService', () => {
  it('defaults to a 30 s clipboard clear and the system theme, and keeps changes', () => {
    const settings = new SettingsService(testStore());
    expect(settings.get()).toEqual({ clipboardClearSeconds: 30, theme: 'system', reminderHorizonDays: 7, expiryNotifications: true });
    const reminders = { reminderHorizonDays: 7, expiryNotifications: true };
    expect(settings.set({ theme: 'dark' })).toEqual({ clipboardClearSeconds: 30, theme: 'dark', ...reminders });
    expect(settings.set({ clipboardClearSeconds: null })).toEqual({ clipboardClearSeconds: null, theme: 'dark', ...reminders });
    expect(settings.set({ reminderHorizonDays: 14, expiryNotifications: false })).toMatchObject({ clipboardClearSeconds: null, reminderHorizonDays: 14, expiryNotifications: false });
    expect(() => settings.set({ clipboardClearSeconds: 45 as never })).toThrow();
    expect(() => settings.set({ reminderHorizonDays: 0 })).toThrow();
  });

  it('falls back per field when the stored file holds something odd', () => {
    const store = testStore();
    store.set('settings', { clipboardClearSeconds: 'often', theme: 'light', reminderHorizonDays: 'soon', expiryNotifications: false });
    expect(new SettingsService(store).get()).toEqual({ clipboardClearSeconds: 30, theme: 'light', reminderHorizonDays: 7, expiryNotifications: false });
  });
});

describe('the electron-store adapter', () => {
  it('persists across instances in <folder>/console.json, readable by its owner only, and survives a corrupt file', () => {
    const { dir, file } = electronStoreIn();
    electronStoreIn(dir).store.set('profiles', [{ id: 'a' }]);
    expect(electronStoreIn(dir).store.get('profiles')).toEqual([{ id: 'a' }]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ profiles: [{ id: 'a' }] });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileSync(file, '{ not json');
    expect(electronStoreIn(dir).store.get('profiles')).toBeUndefined();
  });
});

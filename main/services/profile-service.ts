import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { employeeSummarySchema, type EmployeeSummary } from '../../shared/api/auth';
import { checkBaseUrl } from '../../shared/ipc/base-url';
import { profileIdSchema, profileInputSchema, profileSchema, type Profile, type ProfileInput } from '../../shared/ipc/schemas';
import { AppError } from '../errors';
import type { KeyValueStore } from '../ports';

// Profiles hold where and as whom to sign in. Never a password or a token: those live in the
// keychain (refresh token) or nowhere (password).
const KEYS = {
  profiles: 'profiles',
  lastProfileId: 'lastProfileId',
  employees: 'signedInAs',
  defaultCreated: 'defaultProfileCreated',
  defaultId: 'defaultProfileId',
} as const;

const storedProfilesSchema = z.array(profileSchema);
const storedEmployeesSchema = z.record(z.string(), employeeSummarySchema);

export type DefaultProfile = { name: string; baseUrl: string; email: string };

export class ProfileService {
  constructor(
    private readonly store: KeyValueStore,
    private readonly newId: () => string = () => randomBytes(9).toString('base64url'),
  ) {}

  list(): Profile[] {
    const parsed = storedProfilesSchema.safeParse(this.store.get(KEYS.profiles));
    return parsed.success ? parsed.data : [];
  }

  find(id: string): Profile | undefined {
    return this.list().find((profile) => profile.id === id);
  }

  get(id: string): Profile {
    const profile = this.find(id);
    if (!profile) throw new AppError('not_found', 'This profile no longer exists.');
    return profile;
  }

  save(input: ProfileInput): Profile {
    const parsed = profileInputSchema.parse(input);
    const url = checkBaseUrl(parsed.baseUrl);
    if (!url.ok) {
      throw new AppError(url.reason === 'insecure' ? 'insecure_url' : 'validation', url.message, {
        details: [{ field: 'baseUrl', message: url.message }],
      });
    }
    const profiles = this.list();
    if (parsed.id !== undefined && !profiles.some((profile) => profile.id === parsed.id)) {
      throw new AppError('not_found', 'This profile no longer exists.');
    }
    const clash = profiles.find(
      (profile) => profile.id !== parsed.id && profile.name.toLowerCase() === parsed.name.toLowerCase(),
    );
    if (clash) {
      const message = 'Another profile already has this name.';
      throw new AppError('validation', message, { details: [{ field: 'name', message }] });
    }
    const profile: Profile = { id: parsed.id ?? this.newId(), name: parsed.name, baseUrl: url.url, email: parsed.email };
    const next = parsed.id === undefined ? [...profiles, profile] : profiles.map((p) => (p.id === profile.id ? profile : p));
    this.store.set(KEYS.profiles, next);
    return profile;
  }

  remove(id: string): void {
    const profiles = this.list();
    if (!profiles.some((profile) => profile.id === id)) throw new AppError('not_found', 'This profile no longer exists.');
    this.store.set(KEYS.profiles, profiles.filter((profile) => profile.id !== id));
    const employees = this.employees();
    delete employees[id];
    this.store.set(KEYS.employees, employees);
    if (this.lastProfileId() === id) this.store.delete(KEYS.lastProfileId);
  }

  // Created once: a user who deletes it does not get it back on the next launch. With
  // `followBaseUrl` (npm start picks a new port each time) the existing one is re-pointed.
  ensureDefault(defaults: DefaultProfile, options: { followBaseUrl?: boolean } = {}): Profile | undefined {
    if (this.store.get(KEYS.defaultCreated) === true) {
      const id = profileIdSchema.safeParse(this.store.get(KEYS.defaultId));
      const existing = id.success ? this.find(id.data) : undefined;
      const target = checkBaseUrl(defaults.baseUrl);
      if (existing && options.followBaseUrl && target.ok && existing.baseUrl !== target.url) {
        return this.save({ ...existing, baseUrl: defaults.baseUrl });
      }
      return existing;
    }
    const existing = this.list().find((profile) => profile.name === defaults.name);
    const profile = existing ?? this.save(defaults);
    this.store.set(KEYS.defaultCreated, true);
    this.store.set(KEYS.defaultId, profile.id);
    return profile;
  }

  lastProfileId(): string | null {
    const parsed = profileIdSchema.safeParse(this.store.get(KEYS.lastProfileId));
    return parsed.success ? parsed.data : null;
  }

  // Who signed in (name, email, rank: not secrets), so a session resumed offline can say so.
  rememberSignIn(id: string, employee: EmployeeSummary): void {
    this.store.set(KEYS.lastProfileId, id);
    this.store.set(KEYS.employees, { ...this.employees(), [id]: employee });
  }

  cachedEmployee(id: string): EmployeeSummary | undefined {
    return this.employees()[id];
  }

  private employees(): Record<string, EmployeeSummary> {
    const parsed = storedEmployeesSchema.safeParse(this.store.get(KEYS.employees));
    return parsed.success ? parsed.data : {};
  }
}

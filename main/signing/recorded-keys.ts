import { z } from 'zod';
import { ed25519PublicKeySchema, signingKeyIdSchema, type SigningKeysResponse } from '../../shared/api/signing';
import { instantSchema } from '../../shared/api/common';
import { formatFingerprint } from '../../shared/inventory/signature';
import type { ProfileSigningKeys } from '../../shared/ipc/signing-contract';
import { AppError } from '../errors';
import type { KeyValueStore } from '../ports';
import { fingerprintHex, rawKeyBytes } from './ed25519';

/*
 * The server signing keys each profile has seen (public keys: not secrets, so electron-store).
 * Trust on first use: the keys a server presents the first time a profile connects are
 * trusted; a key it announces later (a rotation, or a different server behind the same
 * address) is recorded but not trusted until the admin compares its fingerprint and accepts it.
 */
const KEY = 'serverSigningKeys';

const storedKeySchema = z.object({
  keyId: signingKeyIdSchema,
  publicKey: ed25519PublicKeySchema,
  createdAt: instantSchema,
  retiredAt: instantSchema.nullable(),
  recordedAt: instantSchema,
  trusted: z.boolean(),
});
type StoredKey = z.infer<typeof storedKeySchema>;
const storedProfileSchema = z.object({ server: z.string(), keys: z.array(storedKeySchema) });
type StoredProfile = z.infer<typeof storedProfileSchema>;
const storedSchema = z.record(z.string(), storedProfileSchema);

export type TrustedKey = { profileId: string; server: string; keyId: string; publicKey: string; fingerprint: string; trusted: boolean };

export class RecordedKeys {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  has(profileId: string): boolean {
    return this.all().has(profileId);
  }

  /** Records what the server presented; keys whose id does not match their fingerprint are dropped. */
  record(profileId: string, presented: SigningKeysResponse): ProfileSigningKeys {
    const all = this.all();
    const previous = all.get(profileId);
    const recordedAt = this.now().toISOString();
    const keys: StoredKey[] = previous ? [...previous.keys] : [];
    for (const key of presented.keys) {
      const raw = rawKeyBytes(key.publicKey);
      if (raw === null || fingerprintHex(raw).slice(0, 16) !== key.keyId) continue;
      const index = keys.findIndex((known) => known.keyId === key.keyId);
      const known = index === -1 ? undefined : keys[index];
      if (known && known.publicKey !== key.publicKey) continue;
      if (known) keys[index] = { ...known, retiredAt: key.retiredAt };
      else keys.push({ keyId: key.keyId, publicKey: key.publicKey, createdAt: key.createdAt, retiredAt: key.retiredAt, recordedAt, trusted: previous === undefined });
    }
    const recorded = { server: presented.server, keys };
    this.save(all.set(profileId, recorded));
    return view(recorded);
  }

  view(profileId: string): ProfileSigningKeys | null {
    const profile = this.all().get(profileId);
    return profile ? view(profile) : null;
  }

  accept(profileId: string, keyId: string): ProfileSigningKeys {
    const all = this.all();
    const profile = all.get(profileId);
    if (!profile?.keys.some((key) => key.keyId === keyId)) throw new AppError('not_found', 'This profile has not seen that signing key.');
    const accepted = { ...profile, keys: profile.keys.map((key) => (key.keyId === keyId ? { ...key, trusted: true } : key)) };
    this.save(all.set(profileId, accepted));
    return view(accepted);
  }

  forget(profileId: string): void {
    const all = this.all();
    if (all.delete(profileId)) this.save(all);
  }

  /** Every key of every profile with the given id (trusted or not), for verification. */
  withId(keyId: string): TrustedKey[] {
    return [...this.all()].flatMap(([profileId, profile]) =>
      profile.keys
        .filter((key) => key.keyId === keyId)
        .map((key) => ({ profileId, server: profile.server, keyId, publicKey: key.publicKey, fingerprint: fingerprintOf(key.publicKey), trusted: key.trusted })),
    );
  }

  // A Map, so a profile id such as "toString" or "__proto__" is only ever a key.
  private all(): Map<string, StoredProfile> {
    const parsed = storedSchema.safeParse(this.store.get(KEY));
    return new Map(parsed.success ? Object.entries(parsed.data) : []);
  }

  private save(all: Map<string, StoredProfile>): void {
    this.store.set(KEY, Object.fromEntries(all));
  }
}

function fingerprintOf(publicKey: string): string {
  const raw = rawKeyBytes(publicKey);
  return raw === null ? '' : formatFingerprint(fingerprintHex(raw));
}

function view(profile: StoredProfile): ProfileSigningKeys {
  return {
    server: profile.server,
    keys: profile.keys.map((key) => ({
      keyId: key.keyId,
      fingerprint: fingerprintOf(key.publicKey),
      createdAt: key.createdAt,
      retiredAt: key.retiredAt,
      recordedAt: key.recordedAt,
      trusted: key.trusted,
    })),
  };
}

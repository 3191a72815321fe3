import type { InventorySignature } from '../../shared/api/signing';
import type { InventorySnapshot } from '../../shared/inventory/snapshot';
import { signedMessage, type SignatureState } from '../../shared/inventory/signature';
import type { ProfileSigningKeys } from '../../shared/ipc/signing-contract';
import { AppError, isAppError } from '../errors';
import { type Logger, silentLogger } from '../ports';
import type { ProfileService } from '../services/profile-service';
import type { SessionService } from '../services/session-service';
import { publicKeyObject, rawKeyBytes, verifiesEd25519 } from './ed25519';
import type { RecordedKeys } from './recorded-keys';

export const ALTERED_SIGNATURE_MESSAGE =
  'The file has been changed since the server signed it: its content no longer matches its signature. Do not rely on it: export the inventory again from the console.';

/**
 * Signed inventories on the console's side: records the signed-in server's public keys (trust
 * on first use), asks it to sign an export's digest, and checks a file's signature offline
 * against the keys recorded by every profile. One Ed25519 verification over the digest the
 * snapshot reader already checked: no second pass over the tokens.
 */
export class ServerKeys {
  constructor(
    private readonly session: SessionService,
    private readonly profiles: ProfileService,
    private readonly keys: RecordedKeys,
    private readonly logger: Logger = silentLogger,
  ) {}

  /** Fetches and records the signed-in server's keys; a failure is logged, never thrown. */
  async refresh(): Promise<void> {
    const profileId = this.session.activeProfileId();
    if (profileId === null) return;
    try {
      this.keys.record(profileId, await this.session.client().signingKeys());
    } catch (error) {
      this.logger.warn('could not record the server signing keys', { profileId, code: isAppError(error) ? error.code : 'unknown' });
    }
  }

  view(profileId: string): ProfileSigningKeys | null {
    return this.keys.view(profileId);
  }

  accept(profileId: string, keyId: string): ProfileSigningKeys {
    this.profiles.get(profileId);
    const accepted = this.keys.accept(profileId, keyId);
    this.logger.info('signing key accepted', { profileId, keyId });
    return accepted;
  }

  forget(profileId: string): void {
    this.keys.forget(profileId);
  }

  /**
   * The signed-in server's signature over a snapshot of its own inventory, or null when it
   * cannot sign (another server's snapshot, offline, a server without signing).
   */
  async sign(snapshot: InventorySnapshot): Promise<InventorySignature | null> {
    const state = await this.session.state();
    if (state.status !== 'signedIn' || state.profile.baseUrl !== snapshot.baseUrl) return null;
    if (!this.keys.has(state.profile.id)) await this.refresh();
    try {
      return await this.session.client().signInventory(snapshot.digest.value);
    } catch (error) {
      this.logger.warn('the server did not sign the inventory', { code: isAppError(error) ? error.code : 'unknown' });
      return null;
    }
  }

  /** Throws a `validation` error for a signature a recorded, trusted key refutes. */
  check(snapshot: InventorySnapshot): SignatureState {
    const { signature } = snapshot;
    if (!signature) return { state: 'unsigned' };
    const message = signedMessage(snapshot.digest.value, signature);
    let untrusted: string | null = null;
    for (const key of this.keys.withId(signature.keyId)) {
      const raw = rawKeyBytes(key.publicKey);
      if (raw === null) continue;
      const valid = verifiesEd25519(publicKeyObject(raw), message, signature.value);
      if (key.trusted && !valid) throw new AppError('validation', ALTERED_SIGNATURE_MESSAGE);
      if (key.trusted) {
        return { state: 'signed', signature, profileName: this.profiles.find(key.profileId)?.name ?? key.server, fingerprint: key.fingerprint };
      }
      if (valid) untrusted = key.fingerprint;
    }
    return { state: 'foreign', signature, fingerprint: untrusted };
  }
}

import { sign, type KeyObject } from 'node:crypto';
import { SIGNATURE_ALGORITHM, type InventorySignature, type SigningKeysResponse } from '../../../shared/api';
import { signedMessage } from '../../../shared/inventory/signature';
import { requireRight, type AdminContext } from '../auth/admin-context';
import type { AuditLog } from '../audit/audit-log';
import type { CatalogService } from '../catalog/catalog-service';
import { isUniqueViolation } from '../db/store-errors';
import type { Store } from '../db/store';
import type { SigningKeyRow } from '../repositories/signing-keys';
import { fingerprintOf, newSigningKey, privateKeyObject } from './signing-keys';

// Two rotations at once on two nodes: the loser's insert meets the winner's current key.
const ROTATION_ATTEMPTS = 3;

/**
 * The server's inventory signatures. The key pair is made on first start (insert-if-absent, so
 * nodes starting together agree on one), the current key is read from the database for every
 * signature (a rotation on any node applies everywhere at once, no cache to invalidate), and
 * retired keys stay published. The private key never leaves this class: not in an answer, a
 * log line or an audit row.
 */
export class SigningService {
  // Parsed private keys by key id; a key id names one key pair for ever.
  private readonly keyObjects = new Map<string, KeyObject>();

  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly catalog: CatalogService,
    private readonly clock: () => Date,
  ) {}

  /** At start: the current key, made now if the database has none. */
  async ensureKey(): Promise<{ keyId: string; fingerprint: string }> {
    const current = await this.currentKey();
    return { keyId: current.keyId, fingerprint: fingerprintOf(current.publicKey) };
  }

  async publicKeys(): Promise<SigningKeysResponse> {
    const [{ organisationName }, rows, current] = await Promise.all([
      this.catalog.settings(),
      this.store.repos.signingKeys.list(),
      this.currentKey(),
    ]);
    return {
      server: organisationName,
      currentKeyId: current.keyId,
      keys: rows.map((row) => ({
        keyId: row.keyId,
        algorithm: SIGNATURE_ALGORITHM,
        publicKey: row.publicKey,
        fingerprint: fingerprintOf(row.publicKey),
        createdAt: row.createdAt,
        retiredAt: row.retiredAt,
      })),
    };
  }

  /** Signs an inventory's digest for the signed-in employee, with the current key. */
  async signInventory(admin: AdminContext, digest: string, ip: string): Promise<InventorySignature> {
    // Whoever may read the token list may have their export of it signed.
    requireRight(admin, { module: 'security', right: 'view_own' }, 'have an inventory signed');
    const [{ organisationName }, key] = await Promise.all([this.catalog.settings(), this.currentKey()]);
    const now = this.clock();
    const fields = {
      keyId: key.keyId,
      server: organisationName,
      signedAt: now.toISOString(),
      signedFor: { id: admin.employee.id, name: admin.employee.name },
    };
    const value = sign(null, Buffer.from(signedMessage(digest, fields), 'utf8'), this.keyObject(key)).toString('base64');
    // The trail keeps what was signed, so a disputed file can be traced to a request.
    await this.audit.insert({
      at: now, actor: { type: 'employee', id: admin.employee.id, name: admin.employee.name },
      action: 'inventory.signed', ip, reason: `SHA-256 ${digest} with key ${key.keyId}`,
    });
    return { algorithm: SIGNATURE_ALGORITHM, ...fields, value };
  }

  /** A new current key; the old one is retired but stays published. */
  async rotate(admin: AdminContext, ip: string): Promise<SigningKeysResponse> {
    requireRight(admin, { module: 'security', right: 'manage_all' }, 'rotate the inventory signing key');
    const now = this.clock();
    const next = newSigningKey(now);
    await this.audit.flush();
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.store.transaction(async ({ signingKeys, audit }) => {
          const retired = await signingKeys.retireCurrent(now.toISOString());
          await signingKeys.insertCurrent(next);
          await audit.insert({
            at: now, actor: { type: 'employee', id: admin.employee.id, name: admin.employee.name },
            action: 'signing_key.rotated', ip,
            changes: { keyId: [retired ?? null, next.keyId] },
            reason: `new key ${next.keyId}${retired ? `, key ${retired} retired` : ''}`,
          });
        });
        break;
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= ROTATION_ATTEMPTS) throw error;
      }
    }
    return this.publicKeys();
  }

  // Made when the database has none: at first start, or a database emptied under a running node.
  private async currentKey(): Promise<SigningKeyRow> {
    const current = await this.store.repos.signingKeys.current();
    if (current) return current;
    await this.store.repos.signingKeys.insertIfNoCurrent(newSigningKey(this.clock()));
    const made = await this.store.repos.signingKeys.current();
    if (!made) throw new Error('no current signing key after creating one');
    return made;
  }

  private keyObject(row: SigningKeyRow): KeyObject {
    let key = this.keyObjects.get(row.keyId);
    if (!key) {
      key = privateKeyObject(row);
      this.keyObjects.set(row.keyId, key);
    }
    return key;
  }
}

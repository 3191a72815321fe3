import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema';

export interface PublicSigningKeyRow {
  keyId: string;
  publicKey: string;
  createdAt: string;
  retiredAt: string | null;
}

export interface SigningKeyRow extends PublicSigningKeyRow {
  /** PKCS#8 DER, base64. Read only to sign; never listed, never answered, never audited. */
  privateKey: string;
}

/** The server's inventory signing keys. Only `current()` reads a private half. */
export class SigningKeysRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  async current(): Promise<SigningKeyRow | undefined> {
    const row = await this.db.selectFrom('signing_keys')
      .select(['key_id', 'public_key', 'private_key', 'created_at', 'retired_at'])
      .where('is_current', '=', 1)
      .executeTakeFirst();
    return row && { keyId: row.key_id, publicKey: row.public_key, privateKey: row.private_key, createdAt: row.created_at, retiredAt: row.retired_at };
  }

  /** Public halves only, oldest first. */
  async list(): Promise<PublicSigningKeyRow[]> {
    const rows = await this.db.selectFrom('signing_keys')
      .select(['key_id', 'public_key', 'created_at', 'retired_at'])
      .orderBy('created_at')
      .orderBy('key_id')
      .execute();
    return rows.map((row) => ({ keyId: row.key_id, publicKey: row.public_key, createdAt: row.created_at, retiredAt: row.retired_at }));
  }

  /** Makes `key` the current key unless one already is (another node got there first). */
  async insertIfNoCurrent(key: SigningKeyRow): Promise<void> {
    await this.db.insertInto('signing_keys').values(this.row(key, 1))
      .onConflict((oc) => oc.column('is_current').doNothing())
      .execute();
  }

  /** Retires the current key; false when there was none (a concurrent rotation took it). */
  async retireCurrent(at: string): Promise<string | undefined> {
    const row = await this.db.updateTable('signing_keys').set({ is_current: null, retired_at: at })
      .where('is_current', '=', 1)
      .returning('key_id')
      .executeTakeFirst();
    return row?.key_id;
  }

  /** Inserts `key` as current; fails on the unique index if another key is current. */
  async insertCurrent(key: SigningKeyRow): Promise<void> {
    await this.db.insertInto('signing_keys').values(this.row(key, 1)).execute();
  }

  private row(key: SigningKeyRow, isCurrent: 1 | null) {
    return {
      key_id: key.keyId,
      public_key: key.publicKey,
      private_key: key.privateKey,
      created_at: key.createdAt,
      retired_at: key.retiredAt,
      is_current: isCurrent,
    };
  }
}

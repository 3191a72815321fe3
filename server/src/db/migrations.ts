// Append-only: a released migration is never edited, a change is a new entry.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** SQLite (the embedded store). */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE employees (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT NOT NULL COLLATE NOCASE UNIQUE,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE roles (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE,
        type TEXT NOT NULL CHECK (type IN ('employee', 'affiliate')),
        rank INTEGER NOT NULL CHECK (rank >= 1),
        rights TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE employee_roles (
        employee_id INTEGER NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
        role_id INTEGER NOT NULL REFERENCES roles (id) ON DELETE RESTRICT,
        PRIMARY KEY (employee_id, role_id)
      ) STRICT;

      CREATE TABLE tokens (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        role_id INTEGER NOT NULL REFERENCES roles (id) ON DELETE RESTRICT,
        whitelist TEXT NOT NULL,
        expires_on TEXT,
        secret_hash BLOB NOT NULL UNIQUE,
        secret_hint TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES employees (id),
        updated_at TEXT NOT NULL,
        last_used_at TEXT,
        last_used_ip TEXT,
        version INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX tokens_role ON tokens (role_id);

      CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        employee_id INTEGER NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        revoked_at TEXT,
        revoked_reason TEXT
      ) STRICT;

      CREATE TABLE access_tokens (
        hash BLOB PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        expires_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX access_tokens_session ON access_tokens (session_id);

      CREATE TABLE refresh_tokens (
        hash BLOB PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        expires_at TEXT NOT NULL,
        used_at TEXT
      ) STRICT;
      CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);

      -- No foreign key to tokens: the trail outlives the token it describes.
      CREATE TABLE audit_events (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_type TEXT NOT NULL,
        actor_id INTEGER,
        actor_name TEXT NOT NULL,
        action TEXT NOT NULL,
        token_id INTEGER,
        token_name TEXT,
        ip TEXT,
        changes TEXT,
        reason TEXT
      ) STRICT;
      CREATE INDEX audit_events_token ON audit_events (token_id, id);

      CREATE TABLE records (
        resource TEXT NOT NULL,
        id INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (resource, id)
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'security counters in the database',
    sql: `
      CREATE TABLE login_failures (
        email_key TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        locked_until INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE refusal_counts (
        address TEXT PRIMARY KEY,
        window_start INTEGER NOT NULL,
        count INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 3,
    name: 'keyset listing and change tracking',
    // Every listing order has an index on (sort key, id); empty expiry and usage sort last
    // through a sentinel ('~' after any date, '' before any), so each order is one index scan.
    // The triggers keep change_seq: any write to a token, to its role's name or rights, or a
    // deletion (a tombstone) takes the next value of the one counter, whoever writes it.
    sql: `
      CREATE TABLE change_counter (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        value INTEGER NOT NULL
      ) STRICT;
      INSERT INTO change_counter (id, value) VALUES (1, 0);

      ALTER TABLE tokens ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX tokens_change ON tokens (change_seq, id);
      CREATE INDEX tokens_name_order ON tokens (name_key, id);
      CREATE INDEX tokens_expires_asc ON tokens (COALESCE(expires_on, '~'), id);
      CREATE INDEX tokens_expires_desc ON tokens (COALESCE(expires_on, ''), id);
      CREATE INDEX tokens_created ON tokens (created_at, id);
      CREATE INDEX tokens_used_asc ON tokens (COALESCE(last_used_at, '~'), id);
      CREATE INDEX tokens_used_desc ON tokens (COALESCE(last_used_at, ''), id);
      CREATE INDEX tokens_creator ON tokens (created_by);

      CREATE TABLE token_tombstones (
        token_id INTEGER NOT NULL,
        change_seq INTEGER NOT NULL,
        created_by INTEGER NOT NULL,
        deleted_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX token_tombstones_seq ON token_tombstones (change_seq);
      CREATE INDEX token_tombstones_deleted ON token_tombstones (deleted_at);

      CREATE TRIGGER tokens_inserted AFTER INSERT ON tokens BEGIN
        UPDATE change_counter SET value = value + 1 WHERE id = 1;
        UPDATE tokens SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE id = NEW.id;
      END;
      -- Usage (last_used_at, last_used_ip) is bookkeeping and does not move the cursor.
      CREATE TRIGGER tokens_updated AFTER UPDATE OF name, name_key, role_id, whitelist, expires_on, secret_hash, secret_hint, version ON tokens BEGIN
        UPDATE change_counter SET value = value + 1 WHERE id = 1;
        UPDATE tokens SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE id = NEW.id;
      END;
      CREATE TRIGGER tokens_deleted AFTER DELETE ON tokens BEGIN
        UPDATE change_counter SET value = value + 1 WHERE id = 1;
        INSERT INTO token_tombstones (token_id, change_seq, created_by, deleted_at)
          SELECT OLD.id, value, OLD.created_by, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM change_counter WHERE id = 1;
      END;
      CREATE TRIGGER roles_changed AFTER UPDATE OF name, rights ON roles BEGIN
        UPDATE change_counter SET value = value + 1 WHERE id = 1;
        UPDATE tokens SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE role_id = NEW.id;
      END;
      CREATE TRIGGER employees_renamed AFTER UPDATE OF name ON employees BEGIN
        UPDATE change_counter SET value = value + 1 WHERE id = 1;
        UPDATE tokens SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE created_by = NEW.id;
      END;
    `,
  },
  {
    version: 4,
    name: 'roles defined in the console: versioned, audited',
    sql: `
      ALTER TABLE roles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE audit_events ADD COLUMN role_id INTEGER;
      ALTER TABLE audit_events ADD COLUMN role_name TEXT;
    `,
  },
  {
    version: 5,
    name: 'secret rotation with an overlap, and retired secrets',
    sql: `
      -- The secret a rotation replaced, valid until previous_valid_until (ISO instant, UTC).
      ALTER TABLE tokens ADD COLUMN previous_secret_hash BLOB;
      ALTER TABLE tokens ADD COLUMN previous_secret_hint TEXT;
      ALTER TABLE tokens ADD COLUMN previous_valid_until TEXT;
      CREATE UNIQUE INDEX tokens_previous_secret ON tokens (previous_secret_hash);

      -- Hashes of secrets that no longer work (token deleted, secret rotated out), so a leaked
      -- secret can be reported as already revoked rather than unknown. Never the secret itself.
      CREATE TABLE retired_secrets (
        hash BLOB PRIMARY KEY,
        token_id INTEGER NOT NULL,
        token_name TEXT NOT NULL,
        hint TEXT NOT NULL,
        retired_at TEXT NOT NULL,
        reason TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 6,
    name: 'token owners and descriptions',
    // Every edit moves version, and the change triggers of version 3 fire on version: an owner
    // or description change reaches changedSince listings without a trigger of its own.
    sql: `
      ALTER TABLE tokens ADD COLUMN owner TEXT;
      -- The owner folded like names (shared/domain ownerKey), for search.
      ALTER TABLE tokens ADD COLUMN owner_key TEXT;
      ALTER TABLE tokens ADD COLUMN description TEXT;
    `,
  },
  {
    version: 7,
    name: 'token policy',
    // One row: the organisation's policy, versioned like roles and tokens (ETag / If-Match).
    sql: `
      CREATE TABLE token_policy (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        max_lifetime_days INTEGER,
        require_whitelist INTEGER NOT NULL,
        widest_ipv4_prefix INTEGER,
        widest_ipv6_prefix INTEGER,
        version INTEGER NOT NULL,
        updated_at TEXT,
        updated_by TEXT
      ) STRICT;
      INSERT INTO token_policy (id, max_lifetime_days, require_whitelist, widest_ipv4_prefix, widest_ipv6_prefix, version)
        VALUES (1, NULL, 0, NULL, NULL, 1);
    `,
  },
  {
    version: 8,
    name: 'audit log filters and per-day usage counters',
    sql: `
      -- The audit log pages newest first by (at, id) and filters on these columns.
      CREATE INDEX audit_events_at ON audit_events (at, id);
      CREATE INDEX audit_events_action ON audit_events (action, at, id);
      CREATE INDEX audit_events_ip ON audit_events (ip, at, id);
      CREATE INDEX audit_events_actor ON audit_events (lower(actor_name), at, id);
      CREATE INDEX audit_events_token_name ON audit_events (lower(token_name), at, id);
      CREATE INDEX audit_events_token_at ON audit_events (token_id, at, id);

      -- Requests per token and day (the organisation's zone), kept 90 days. Nodes add their
      -- counts with UPSERT increments, so several nodes sum exactly.
      CREATE TABLE token_usage_days (
        token_id INTEGER NOT NULL,
        day TEXT NOT NULL,
        accepted INTEGER NOT NULL,
        refused INTEGER NOT NULL,
        PRIMARY KEY (token_id, day)
      ) STRICT;
      CREATE INDEX token_usage_days_day ON token_usage_days (day);
      -- Distinct source addresses per token and day (a bounded number per node and day).
      CREATE TABLE token_usage_addresses (
        token_id INTEGER NOT NULL,
        day TEXT NOT NULL,
        ip TEXT NOT NULL,
        PRIMARY KEY (token_id, day, ip)
      ) STRICT;
      CREATE INDEX token_usage_addresses_day ON token_usage_addresses (day);
      -- A deleted token's counts go with it: SQLite may hand its id to the next token.
      CREATE TRIGGER tokens_usage_deleted AFTER DELETE ON tokens BEGIN
        DELETE FROM token_usage_days WHERE token_id = OLD.id;
        DELETE FROM token_usage_addresses WHERE token_id = OLD.id;
      END;
    `,
  },
  {
    version: 9,
    name: 'signing keys for inventories',
    sql: `
      -- The server's Ed25519 keys. The private half (PKCS#8 DER, base64) never leaves the server;
      -- retired keys stay so inventories signed with them still verify. is_current is 1 for the
      -- key that signs now and NULL otherwise: the unique index lets only one row be current, so
      -- nodes starting together agree on one key (insert-if-absent).
      CREATE TABLE signing_keys (
        key_id TEXT PRIMARY KEY,
        public_key TEXT NOT NULL,
        private_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        retired_at TEXT,
        is_current INTEGER CHECK (is_current = 1)
      ) STRICT;
      CREATE UNIQUE INDEX signing_keys_current ON signing_keys (is_current);
    `,
  },
];

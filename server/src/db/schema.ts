import type { Generated } from 'kysely';

// The tables as Kysely sees them, for both stores. Timestamps are ISO-8601 text in UTC, so
// they sort as text on both; counters' instants are epoch milliseconds.
export interface MetaTable {
  key: string;
  value: string;
}

export interface EmployeesTable {
  id: Generated<number>;
  name: string;
  email: string;
  password_hash: string;
  created_at: string;
}

export interface RolesTable {
  id: Generated<number>;
  name: string;
  type: 'employee' | 'affiliate';
  rank: number;
  rights: string;
  created_at: string;
  version: Generated<number>;
}

export interface EmployeeRolesTable {
  employee_id: number;
  role_id: number;
}

export interface TokensTable {
  id: Generated<number>;
  name: string;
  name_key: string;
  role_id: number;
  whitelist: string;
  expires_on: string | null;
  secret_hash: Buffer;
  secret_hint: string;
  created_at: string;
  created_by: number;
  updated_at: string;
  last_used_at: string | null;
  last_used_ip: string | null;
  version: number;
  previous_secret_hash: Buffer | null;
  previous_secret_hint: string | null;
  previous_valid_until: string | null;
  /** The change counter's value at the token's last change (kept by triggers). */
  change_seq: Generated<number>;
  owner: string | null;
  owner_key: string | null;
  description: string | null;
}

export interface TokenPolicyTable {
  id: number;
  max_lifetime_days: number | null;
  require_whitelist: number;
  widest_ipv4_prefix: number | null;
  widest_ipv6_prefix: number | null;
  version: number;
  updated_at: string | null;
  updated_by: string | null;
}

export interface ChangeCounterTable {
  id: number;
  value: number;
}

export interface TokenTombstonesTable {
  token_id: number;
  change_seq: number;
  created_by: number;
  deleted_at: string;
}

export interface SessionsTable {
  id: Generated<number>;
  employee_id: number;
  created_at: string;
  last_seen_at: string;
  revoked_at: string | null;
  revoked_reason: string | null;
}

export interface AccessTokensTable {
  hash: Buffer;
  session_id: number;
  expires_at: string;
}

export interface RefreshTokensTable {
  hash: Buffer;
  session_id: number;
  expires_at: string;
  used_at: string | null;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  actor_type: 'employee' | 'token';
  actor_id: number | null;
  actor_name: string;
  action: string;
  token_id: number | null;
  token_name: string | null;
  ip: string | null;
  changes: string | null;
  reason: string | null;
  role_id: number | null;
  role_name: string | null;
}

export interface RecordsTable {
  resource: string;
  id: number;
  data: string;
}

export interface LoginFailuresTable {
  email_key: string;
  failures: number;
  locked_until: number;
}

export interface RefusalCountsTable {
  address: string;
  window_start: number;
  count: number;
}

export interface RetiredSecretsTable {
  hash: Buffer;
  token_id: number;
  token_name: string;
  hint: string;
  retired_at: string;
  reason: 'deleted' | 'rotated';
}

export interface TokenUsageDaysTable {
  token_id: number;
  day: string;
  accepted: number;
  refused: number;
}

export interface TokenUsageAddressesTable {
  token_id: number;
  day: string;
  ip: string;
}

export interface SigningKeysTable {
  key_id: string;
  public_key: string;
  private_key: string;
  created_at: string;
  retired_at: string | null;
  is_current: number | null;
}

export interface Schema {
  meta: MetaTable;
  employees: EmployeesTable;
  roles: RolesTable;
  employee_roles: EmployeeRolesTable;
  tokens: TokensTable;
  sessions: SessionsTable;
  access_tokens: AccessTokensTable;
  refresh_tokens: RefreshTokensTable;
  audit_events: AuditEventsTable;
  records: RecordsTable;
  login_failures: LoginFailuresTable;
  refusal_counts: RefusalCountsTable;
  change_counter: ChangeCounterTable;
  token_tombstones: TokenTombstonesTable;
  retired_secrets: RetiredSecretsTable;
  token_policy: TokenPolicyTable;
  token_usage_days: TokenUsageDaysTable;
  token_usage_addresses: TokenUsageAddressesTable;
  signing_keys: SigningKeysTable;
}

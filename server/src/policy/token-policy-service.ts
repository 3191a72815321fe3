import { checkTokenPolicy, type NeededRight, type PolicyCheckedToken, type TokenPolicyRules } from '../../../shared/domain';
import { ERROR_CODES, ifMatchAllows, type TokenPolicy, type UpdateTokenPolicyRequest } from '../../../shared/api';
import { adminHas, requireRight, type AdminContext } from '../auth/admin-context';
import type { AuditLog } from '../audit/audit-log';
import type { Store } from '../db/store';
import { HttpError } from '../http/http-error';
import type { TokenPolicyRow } from '../repositories/token-policy';

const VIEW: NeededRight = { module: 'security', right: 'view_own' };
const MANAGE: NeededRight = { module: 'security', right: 'manage_all' };

export type PolicyFields = { expiresOn: boolean; whitelist: boolean };

const RULE_KEYS = ['maxLifetimeDays', 'requireWhitelist', 'widestIpv4Prefix', 'widestIpv6Prefix'] as const;

function rulesOf(row: TokenPolicyRow): TokenPolicyRules {
  return {
    maxLifetimeDays: row.maxLifetimeDays,
    requireWhitelist: row.requireWhitelist,
    widestIpv4Prefix: row.widestIpv4Prefix,
    widestIpv6Prefix: row.widestIpv6Prefix,
  };
}

/**
 * Settings → Token policy. The policy is read from the store on each token write (an admin
 * action, never the public API's hot path), so every node applies the newest policy at once
 * without a cache to invalidate.
 */
export class TokenPolicyService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly options: { clock: () => Date; timeZone: string },
  ) {}

  async get(admin: AdminContext): Promise<TokenPolicy> {
    requireRight(admin, VIEW, 'see the token policy');
    return this.view(admin, await this.store.repos.tokenPolicy.get());
  }

  async update(admin: AdminContext, input: UpdateTokenPolicyRequest, ifMatch: string | undefined, ip: string): Promise<TokenPolicy> {
    requireRight(admin, MANAGE, 'change the token policy');
    const current = await this.store.repos.tokenPolicy.get();
    if (!ifMatchAllows(ifMatch, current.version)) throw staleVersion();
    const diff: Record<string, [unknown, unknown]> = {};
    for (const key of RULE_KEYS) if (input[key] !== current[key]) diff[key] = [current[key], input[key]];
    if (Object.keys(diff).length === 0) return this.view(admin, current);
    const now = this.options.clock();
    await this.audit.flush();
    await this.store.transaction(async ({ tokenPolicy, audit }) => {
      if (!(await tokenPolicy.update(current.version, input, now, admin.employee.name))) throw staleVersion();
      await audit.insert({
        at: now, actor: { type: 'employee', id: admin.employee.id, name: admin.employee.name },
        action: 'policy.updated', ip, changes: diff,
      });
    });
    return this.view(admin, await this.store.repos.tokenPolicy.get());
  }

  /** The current rules, for a token write. */
  async rules(): Promise<TokenPolicyRules> {
    return rulesOf(await this.store.repos.tokenPolicy.get());
  }

  /**
   * Refuses a token that breaks the policy: 422 policy_violation, each breach on its field.
   * `judged` limits an edit to the fields it changes (a new token is judged whole).
   */
  async enforce(token: PolicyCheckedToken, judged: PolicyFields = { expiresOn: true, whitelist: true }): Promise<void> {
    const policy = await this.rules();
    const breaches = checkTokenPolicy(token, policy, this.options.clock(), this.options.timeZone)
      .filter((breach) => (breach.field === 'expiresOn' ? judged.expiresOn : judged.whitelist));
    if (breaches.length === 0) return;
    throw new HttpError(
      422,
      ERROR_CODES.policyViolation,
      breaches.map((breach) => breach.message).join(' '),
      breaches.map((breach) => ({ field: breach.field, message: breach.message })),
    );
  }

  private view(admin: AdminContext, row: TokenPolicyRow): TokenPolicy {
    return { ...rulesOf(row), version: row.version, updatedAt: row.updatedAt, updatedBy: row.updatedBy, editable: adminHas(admin, MANAGE) };
  }
}

function staleVersion(): HttpError {
  return new HttpError(412, ERROR_CODES.versionMismatch, 'The token policy was changed by someone else; reload it and try again.');
}

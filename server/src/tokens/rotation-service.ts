import { secretHint } from '../../../shared/domain';
import { ERROR_CODES, type CreateTokenResponse, type IdentificationToken } from '../../../shared/api';
import type { AdminContext } from '../auth/admin-context';
import type { AuditLog } from '../audit/audit-log';
import type { Store } from '../db/store';
import { HttpError } from '../http/http-error';
import type { AccessCache } from './access-cache';
import { retireSecrets } from './retire-secrets';
import { generateSecret, sha256 } from './secrets';
import type { ServiceOptions, TokenService } from './token-service';

const HOUR_MS = 3_600_000;

/**
 * Rotating a token's secret: a new secret replaces the old one, which keeps working until the
 * overlap the admin chose ends (or at once). Name, role, whitelist, expiry and history stay;
 * both secrets are kept only as hashes. Rights and versions are checked as for any edit.
 */
export class RotationService {
  constructor(
    private readonly store: Store,
    private readonly tokens: TokenService,
    private readonly audit: AuditLog,
    private readonly cache: AccessCache,
    private readonly options: ServiceOptions,
  ) {}

  async rotate(admin: AdminContext, id: number, overlapHours: number, ifMatch: string | undefined, ip: string): Promise<CreateTokenResponse> {
    const current = await this.tokens.editable(admin, id, ifMatch, 'rotate the secrets of');
    const hashes = await this.store.repos.tokens.hashesOf(id);
    if (!hashes) throw new HttpError(404, ERROR_CODES.notFound, `No identification token ${id}.`);
    const secret = generateSecret();
    const next = { hash: sha256(secret), hint: secretHint(secret) };
    const now = this.options.clock();
    const validUntil = overlapHours > 0 ? new Date(now.getTime() + overlapHours * HOUR_MS).toISOString() : null;
    await this.audit.flush();
    await this.store.transaction(async ({ tokens, retiredSecrets, changes, audit }) => {
      // A secret replaced by an earlier rotation stops now; so does this one without an overlap.
      await retireSecrets(tokens, retiredSecrets, id, current.name, 'rotated', now, validUntil === null ? 'both' : 'previous');
      const previous = validUntil === null ? null : { hash: hashes.secretHash, hint: hashes.secretHint, validUntil };
      // The version read above decides: a concurrent edit or rotation makes this one 412.
      if (!(await tokens.rotate(id, current.version, next, previous, now))) throw this.tokens.staleVersion();
      await changes.publish({ kind: 'token', id });
      await audit.insert({
        at: now, actor: { type: 'employee', id: admin.employee.id, name: admin.employee.name },
        action: 'token.rotated', tokenId: id, tokenName: current.name, ip,
        changes: { secret: [hashes.secretHint, next.hint], oldSecretValidUntil: [null, validUntil] },
      });
    });
    this.cache.invalidateToken(id);
    return { token: await this.fresh(id), secret };
  }

  /** Ends a running overlap now: the old secret is refused from the next request, on every node. */
  async endOverlap(admin: AdminContext, id: number, ifMatch: string | undefined, ip: string): Promise<IdentificationToken> {
    const current = await this.tokens.editable(admin, id, ifMatch, 'end the overlap of');
    if (current.previousSecretHint === null) return this.tokens.view(current);
    const now = this.options.clock();
    await this.audit.flush();
    await this.store.transaction(async ({ tokens, retiredSecrets, changes, audit }) => {
      await retireSecrets(tokens, retiredSecrets, id, current.name, 'rotated', now, 'previous');
      if (!(await tokens.endOverlap(id, current.version, now))) throw this.tokens.staleVersion();
      await changes.publish({ kind: 'token', id });
      await audit.insert({
        at: now, actor: { type: 'employee', id: admin.employee.id, name: admin.employee.name },
        action: 'token.overlap_ended', tokenId: id, tokenName: current.name, ip,
        reason: `old secret ${current.previousSecretHint}`,
      });
    });
    this.cache.invalidateToken(id);
    return this.fresh(id);
  }

  private async fresh(id: number): Promise<IdentificationToken> {
    const row = await this.store.repos.tokens.findById(id);
    if (!row) throw new HttpError(404, ERROR_CODES.notFound, `No identification token ${id}.`);
    return this.tokens.view(row);
  }
}

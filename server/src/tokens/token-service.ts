import {
  addDays,
  EXPIRING_SOON_DAYS,
  todayIn,
  canAssignRole,
  ownerKey,
  tokenNameKey,
  validateNewExpiry,
  validateWhitelist,
  type NeededRight,
  type RoleRights,
  secretHint,
} from '../../../shared/domain';
import {
  ERROR_CODES,
  ifMatchAllows,
  type CreateTokenResponse,
  type ErrorDetail,
  type IdentificationToken,
  type TokenListResponse,
  type TokenSort,
  type SortOrder,
  type TokenStatusValue,
} from '../../../shared/api';
import { adminHas, requireRight, type AdminContext } from '../auth/admin-context';
import type { AuditLog } from '../audit/audit-log';
import type { Store } from '../db/store';
import { isUniqueViolation } from '../db/store-errors';
import { HttpError } from '../http/http-error';
import type { Repositories } from '../repositories';
import type { RoleRow, RolesRepository } from '../repositories/roles';
import type { TokenChanges, TokenFilter, TokenRow, TokensRepository } from '../repositories/tokens';
import type { TokenPolicyService } from '../policy/token-policy-service';
import type { AccessCache } from './access-cache';
import { cursorExpired, decodeChangeCursor, decodePageCursor, encodeChangeCursor, encodePageCursor } from './list-cursor';
import { retireSecrets } from './retire-secrets';
import { generateSecret, sha256 } from './secrets';
import { tokenView } from './token-view';

const VIEW_OWN: NeededRight = { module: 'security', right: 'view_own' };
const VIEW_ALL: NeededRight = { module: 'security', right: 'view_all' };
const CREATE_EDIT: NeededRight = { module: 'security', right: 'create_edit' };
const DELETE: NeededRight = { module: 'security', right: 'delete' };

export interface TokenInput {
  name?: string;
  roleId?: number;
  expiresOn?: string | null;
  whitelist?: string[];
  owner?: string | null;
  description?: string | null;
}

export interface ListParams {
  search?: string;
  status?: TokenStatusValue;
  roleId?: number;
  sort: TokenSort;
  order: SortOrder;
  page: number;
  pageSize: number;
  cursor?: string;
  changedSince?: string;
}

/** Deletions are remembered this long; a changedSince cursor older than the oldest kept one expires. */
export const TOMBSTONE_DAYS = 30;
const FORGOTTEN_KEY = 'token_deletions_forgotten_through';
const PURGE_EVERY_MS = 3_600_000;

export interface ServiceOptions {
  timeZone: string;
  clock: () => Date;
  /** Refuses new and edited tokens that break the organisation's token policy. */
  policy?: TokenPolicyService;
}

function validationError(details: ErrorDetail[]): HttpError {
  return new HttpError(400, ERROR_CODES.validationFailed, 'The token is invalid.', details);
}

function nameTaken(name: string): HttpError {
  return new HttpError(409, ERROR_CODES.nameTaken, `A token named "${name}" already exists (names are compared without case).`);
}

export class TokenService {
  private readonly tokens: TokensRepository;
  private readonly roles: RolesRepository;
  private lastPurge = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly cache: AccessCache,
    private readonly options: ServiceOptions,
  ) {
    this.tokens = store.repos.tokens;
    this.roles = store.repos.roles;
  }

  /**
   * One page in SQL: keyset paging over (sort key, id), filters on indexed columns, the status
   * as a range of expiry dates. With changedSince, what changed since instead (see delta).
   */
  async list(admin: AdminContext, params: ListParams): Promise<TokenListResponse> {
    requireRight(admin, VIEW_OWN, 'list identification tokens');
    const createdBy = adminHas(admin, VIEW_ALL) ? undefined : admin.employee.id;
    // Read before any row: every change up to it is in this answer or a later page.
    const sequence = await this.tokens.changeSequence();
    if (params.changedSince !== undefined) return this.delta(params, params.changedSince, sequence, createdBy);
    const now = this.options.clock();
    const filter: TokenFilter = {
      searchKey: params.search ? tokenNameKey(params.search) || undefined : undefined,
      roleId: params.roleId,
      createdBy,
      expires: params.status ? this.expiryRange(params.status, now) : undefined,
    };
    const fingerprint = JSON.stringify([params.search ?? '', params.status ?? '', params.roleId ?? 0]);
    const position = params.cursor === undefined
      ? undefined
      : decodePageCursor(params.cursor, { sort: params.sort, order: params.order, filter: fingerprint });
    const after = position && { key: String(position.key), id: position.id };
    const [rows, total, rights] = await Promise.all([
      this.tokens.listPage({
        filter, sort: params.sort, order: params.order, after, limit: params.pageSize + 1,
        offset: after ? undefined : (params.page - 1) * params.pageSize,
      }),
      after ? Promise.resolve(null) : this.tokens.count(filter),
      this.rightsByRole(),
    ]);
    const pageRows = rows.slice(0, params.pageSize);
    const last = pageRows.at(-1);
    return {
      items: pageRows.map((row) => tokenView(row, rights.get(row.roleId) ?? {}, now, this.options.timeZone)),
      total,
      page: params.page,
      pageSize: params.pageSize,
      nextCursor: rows.length > params.pageSize && last
        ? encodePageCursor({ s: params.sort, o: params.order, f: fingerprint, k: last.sortKey, i: last.id })
        : null,
      changeCursor: encodeChangeCursor(sequence),
      deletedIds: [],
    };
  }

  // The tokens created or changed after the cursor, in change order, and the ids deleted since.
  private async delta(params: ListParams, changedSince: string, sequence: number, createdBy: number | undefined): Promise<TokenListResponse> {
    const since = decodeChangeCursor(changedSince);
    if (since > sequence) throw cursorExpired();
    const now = this.options.clock();
    await this.forgetOldDeletions(now);
    const position = params.cursor === undefined
      ? undefined
      : decodePageCursor(params.cursor, { sort: 'change', order: 'asc', filter: changedSince });
    const after = position && { seq: Number(position.key), id: position.id };
    const [rows, deletedIds, rights] = await Promise.all([
      this.tokens.changedSince(since, params.pageSize + 1, createdBy, after),
      after ? Promise.resolve([]) : this.tokens.deletedSince(since, sequence, createdBy),
      this.rightsByRole(),
    ]);
    // Read after the tombstones: a purge that removed some of them has marked it by now.
    if (since < Number((await this.store.repos.meta.get(FORGOTTEN_KEY)) ?? 0)) throw cursorExpired();
    const pageRows = rows.slice(0, params.pageSize);
    const last = pageRows.at(-1);
    return {
      items: pageRows.map((row) => tokenView(row, rights.get(row.roleId) ?? {}, now, this.options.timeZone)),
      total: null,
      page: 1,
      pageSize: params.pageSize,
      nextCursor: rows.length > params.pageSize && last
        ? encodePageCursor({ s: 'change', o: 'asc', f: changedSince, k: last.changeSeq, i: last.id })
        : null,
      changeCursor: encodeChangeCursor(sequence),
      deletedIds,
    };
  }

  /**
   * Drops tombstones older than TOMBSTONE_DAYS (at most once an hour per node) and records the
   * last change they covered: a cursor before it could miss a deletion, so it expires.
   */
  private async forgetOldDeletions(now: Date): Promise<void> {
    if (now.getTime() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now.getTime();
    const cutoff = new Date(now.getTime() - TOMBSTONE_DAYS * 86_400_000).toISOString();
    await this.store.transaction(async ({ tokens, meta }) => {
      const forgotten = await tokens.purgeTombstones(cutoff);
      if (forgotten === null) return;
      const known = Number((await meta.get(FORGOTTEN_KEY)) ?? 0);
      await meta.set(FORGOTTEN_KEY, String(Math.max(known, forgotten)));
    });
  }

  // The status as a range of expiry dates, from today's date in the organisation's zone.
  private expiryRange(status: TokenStatusValue, now: Date): TokenFilter['expires'] {
    const today = todayIn(this.options.timeZone, now);
    const lastExpiring = addDays(today, EXPIRING_SOON_DAYS - 1);
    if (status === 'expired') return { before: today };
    if (status === 'expiring') return { from: today, through: lastExpiring };
    return { after: lastExpiring, orNever: true };
  }

  async get(admin: AdminContext, id: number): Promise<IdentificationToken> {
    requireRight(admin, VIEW_OWN, 'view identification tokens');
    return this.view(await this.visible(admin, id));
  }

  async create(admin: AdminContext, input: Required<Pick<TokenInput, 'name' | 'roleId'>> & TokenInput, ip: string): Promise<CreateTokenResponse> {
    requireRight(admin, CREATE_EDIT, 'create identification tokens');
    const role = await this.assignableRole(admin, input.roleId);
    const { whitelist, expiresOn } = this.validate(input, null);
    await this.options.policy?.enforce({ expiresOn: expiresOn ?? null, whitelist: whitelist ?? [] });
    const name = input.name;
    const owner = input.owner ?? null;
    const description = input.description ?? null;
    const nameKey = tokenNameKey(name);
    if ((await this.tokens.idByNameKey(nameKey)) !== undefined) throw nameTaken(name);

    const secret = generateSecret();
    const now = this.options.clock();
    // Another node may insert the same folded name between the check and the insert: the
    // unique index on name_key refuses it, and inTransaction answers 409.
    const id = await this.inTransaction(name, async ({ tokens, audit }) => {
      const tokenId = await tokens.insert(
        { name, nameKey, roleId: role.id, whitelist: whitelist ?? [], expiresOn: expiresOn ?? null,
          secretHash: sha256(secret), secretHint: secretHint(secret), createdBy: admin.employee.id,
          owner: owner === null ? null : { value: owner, key: ownerKey(owner) }, description },
        now,
      );
      await audit.insert({
        at: now, actor: { type: 'employee', id: admin.employee.id, name: admin.employee.name },
        action: 'token.created', tokenId, tokenName: name, ip,
        changes: {
          name: [null, name], role: [null, role.name], expiresOn: [null, expiresOn ?? null], whitelist: [null, whitelist ?? []],
          ...(owner === null ? {} : { owner: [null, owner] }),
          ...(description === null ? {} : { description: [null, description] }),
        },
      });
      return tokenId;
    });
    return { token: await this.view(await this.mustFind(id)), secret };
  }

  async update(admin: AdminContext, id: number, input: TokenInput, ifMatch: string | undefined, ip: string): Promise<IdentificationToken> {
    requireRight(admin, CREATE_EDIT, 'edit identification tokens');
    const current = await this.visible(admin, id);
    this.checkVersion(current, ifMatch);
    await this.assignableRole(admin, current.roleId, 'edit a token that holds');
    const role = input.roleId !== undefined ? await this.assignableRole(admin, input.roleId) : undefined;
    const { whitelist, expiresOn } = this.validate(input, current);

    const changes: TokenChanges = {};
    const diff: Record<string, [unknown, unknown]> = {};
    if (input.name !== undefined && input.name !== current.name) {
      const key = tokenNameKey(input.name);
      const holder = await this.tokens.idByNameKey(key);
      if (holder !== undefined && holder !== id) throw nameTaken(input.name);
      changes.name = { value: input.name, key };
      diff.name = [current.name, input.name];
    }
    if (role && role.id !== current.roleId) {
      changes.roleId = role.id;
      diff.role = [current.roleName, role.name];
    }
    if (whitelist !== undefined && JSON.stringify(whitelist) !== JSON.stringify(current.whitelist)) {
      changes.whitelist = whitelist;
      diff.whitelist = [current.whitelist, whitelist];
    }
    if (expiresOn !== undefined && expiresOn !== current.expiresOn) {
      changes.expiresOn = expiresOn;
      diff.expiresOn = [current.expiresOn, expiresOn];
    }
    if (input.owner !== undefined && input.owner !== current.owner) {
      changes.owner = input.owner === null ? null : { value: input.owner, key: ownerKey(input.owner) };
      diff.owner = [current.owner, input.owner];
    }
    if (input.description !== undefined && input.description !== current.description) {
      changes.description = input.description;
      diff.description = [current.description, input.description];
    }
    if (Object.keys(diff).length === 0) return this.view(current);
    // The policy judges what the edit changes: an older token that breaks a newer policy keeps
    // its flag (and can still be renamed or given an owner) until its expiry or whitelist is edited.
    await this.options.policy?.enforce(
      { expiresOn: changes.expiresOn !== undefined ? changes.expiresOn : current.expiresOn, whitelist: changes.whitelist ?? current.whitelist },
      { expiresOn: changes.expiresOn !== undefined, whitelist: changes.whitelist !== undefined },
    );

    const now = this.options.clock();
    // The version condition decides between concurrent edits, on any node: exactly one wins.
    await this.inTransaction(input.name ?? current.name, async ({ tokens, audit, changes: notices }) => {
      if (!(await tokens.update(id, current.version, changes, now))) throw this.staleVersion();
      await notices.publish({ kind: 'token', id });
      await audit.insert({
        at: now, actor: { type: 'employee', id: admin.employee.id, name: admin.employee.name },
        action: 'token.updated', tokenId: id, tokenName: input.name ?? current.name, ip, changes: diff,
      });
    });
    this.cache.invalidateToken(id);
    return this.view(await this.mustFind(id));
  }

  // With If-Match, a token changed since that version is not deleted (412), on any node.
  async delete(admin: AdminContext, id: number, ip: string, ifMatch?: string): Promise<void> {
    requireRight(admin, DELETE, 'delete identification tokens');
    const current = await this.visible(admin, id);
    this.checkVersion(current, ifMatch);
    await this.assignableRole(admin, current.roleId, 'delete a token that holds');
    await this.audit.flush();
    await this.store.transaction(async ({ tokens, audit, changes, retiredSecrets }) => {
      await retireSecrets(tokens, retiredSecrets, id, current.name, 'deleted', this.options.clock());
      if (!(await tokens.delete(id, this.options.clock(), ifMatch === undefined ? undefined : current.version))) throw this.staleVersion();
      await changes.publish({ kind: 'token', id });
      await audit.insert({
        at: this.options.clock(), actor: { type: 'employee', id: admin.employee.id, name: admin.employee.name },
        action: 'token.deleted', tokenId: id, tokenName: current.name, ip,
      });
    });
    this.cache.invalidateToken(id);
  }

  /**
   * The token as an edit would find it (rights, visibility, role rank, If-Match): rotation
   * goes through the same checks as any other change to a token.
   */
  async editable(admin: AdminContext, id: number, ifMatch: string | undefined, action: string): Promise<TokenRow> {
    requireRight(admin, CREATE_EDIT, `${action} identification tokens`);
    const current = await this.visible(admin, id);
    this.checkVersion(current, ifMatch);
    await this.assignableRole(admin, current.roleId, `${action} a token that holds`);
    return current;
  }

  /** A token the caller may see, or undefined (a token they may not see does not exist for them). */
  isVisible(admin: AdminContext, row: Pick<TokenRow, 'createdById'>): boolean {
    return adminHas(admin, VIEW_ALL) || row.createdById === admin.employee.id;
  }

  async view(row: TokenRow): Promise<IdentificationToken> {
    const role = await this.roles.findById(row.roleId);
    return tokenView(row, role?.rights ?? {}, this.options.clock(), this.options.timeZone);
  }

  private async rightsByRole(): Promise<Map<number, RoleRights>> {
    return new Map((await this.roles.list()).map((role) => [role.id, role.rights]));
  }

  private async mustFind(id: number): Promise<TokenRow> {
    const row = await this.tokens.findById(id);
    if (!row) throw new HttpError(404, ERROR_CODES.notFound, `No identification token ${id}.`);
    return row;
  }

  // A token the caller may not see answers like one that does not exist.
  private async visible(admin: AdminContext, id: number): Promise<TokenRow> {
    const row = await this.mustFind(id);
    if (!adminHas(admin, VIEW_ALL) && row.createdById !== admin.employee.id) {
      throw new HttpError(404, ERROR_CODES.notFound, `No identification token ${id}.`);
    }
    return row;
  }

  private async assignableRole(admin: AdminContext, roleId: number, action = 'assign'): Promise<RoleRow> {
    const role = await this.roles.findById(roleId);
    if (!role) throw validationError([{ field: 'roleId', message: `No role ${roleId}.` }]);
    if (!canAssignRole(admin.rank, role.rank)) {
      throw new HttpError(
        403,
        ERROR_CODES.roleNotAssignable,
        `You cannot ${action} the role "${role.name}" (rank ${role.rank}): your best rank is ${admin.rank}.`,
      );
    }
    return role;
  }

  private checkVersion(current: TokenRow, ifMatch: string | undefined): void {
    if (!ifMatchAllows(ifMatch, current.version)) throw this.staleVersion();
  }

  staleVersion(): HttpError {
    return new HttpError(412, ERROR_CODES.versionMismatch, 'The token was changed by someone else; reload it and try again.');
  }

  private validate(input: TokenInput, current: TokenRow | null): { whitelist?: string[]; expiresOn?: string | null } {
    const details: ErrorDetail[] = [];
    let whitelist: string[] | undefined;
    if (input.whitelist !== undefined) {
      const checked = validateWhitelist(input.whitelist);
      if (checked.ok) whitelist = checked.entries;
      for (const error of checked.errors) {
        details.push({
          field: `whitelist.${error.index}`,
          message: error.suggestion ? `${error.message} Did you mean ${error.suggestion}?` : error.message,
        });
      }
    }
    let expiresOn: string | null | undefined;
    if (input.expiresOn !== undefined) {
      expiresOn = input.expiresOn;
      // Re-sending the stored date (even one now past) is not a change and is not re-checked.
      if (expiresOn !== null && expiresOn !== current?.expiresOn) {
        const checked = validateNewExpiry(expiresOn, this.options.clock(), this.options.timeZone);
        if (!checked.ok) details.push({ field: 'expiresOn', message: checked.message });
      }
    }
    if (details.length > 0) throw validationError(details);
    return { whitelist, expiresOn };
  }

  // Queued refusal rows are written first, so audit ids keep time order.
  private async inTransaction<T>(name: string, work: (repos: Repositories) => Promise<T>): Promise<T> {
    await this.audit.flush();
    try {
      return await this.store.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(name);
      throw error;
    }
  }
}

import {
  tokenStatus,
  canAssignRole,
  tokenNameKey,
  validateNewExpiry,
  validateWhitelist,
  type NeededRight,
  type RoleRights,
  secretHint,
} from '../../../shared/domain';
import {
  ERROR_CODES,
  parseVersionTag,
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
import type { TokenChanges, TokenRow, TokensRepository } from '../repositories/tokens';
import type { AccessCache } from './access-cache';
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
}

export interface ListParams {
  search?: string;
  status?: TokenStatusValue;
  roleId?: number;
  sort: TokenSort;
  order: SortOrder;
  page: number;
  pageSize: number;
}

export interface ServiceOptions {
  timeZone: string;
  clock: () => Date;
}

function validationError(details: ErrorDetail[]): HttpError {
  return new HttpError(400, ERROR_CODES.validationFailed, 'The token is invalid.', details);
}

function nameTaken(name: string): HttpError {
  return new HttpError(409, ERROR_CODES.nameTaken, `A token named "${name}" already exists (names are compared without case).`);
}

// One collator for every comparison: localeCompare with options builds one per call, which
// dominated listing 10,000 tokens.
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const compareText = (a: string, b: string): number => collator.compare(a, b);

export class TokenService {
  private readonly tokens: TokensRepository;
  private readonly roles: RolesRepository;

  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly cache: AccessCache,
    private readonly options: ServiceOptions,
  ) {
    this.tokens = store.repos.tokens;
    this.roles = store.repos.roles;
  }

  async list(admin: AdminContext, params: ListParams): Promise<TokenListResponse> {
    requireRight(admin, VIEW_OWN, 'list identification tokens');
    const now = this.options.clock();
    const rights = await this.rightsByRole();
    const rows = await this.tokens.list({
      searchKey: params.search ? tokenNameKey(params.search) || undefined : undefined,
      roleId: params.roleId,
      createdBy: adminHas(admin, VIEW_ALL) ? undefined : admin.employee.id,
    });
    const { status } = params;
    // Filter and sort on the stored rows; only the requested page is turned into API views.
    const matching = status ? rows.filter((row) => tokenStatus(row.expiresOn, now, this.options.timeZone) === status) : rows;
    matching.sort(comparator(params.sort, params.order));
    const start = (params.page - 1) * params.pageSize;
    const items = matching
      .slice(start, start + params.pageSize)
      .map((row) => tokenView(row, rights.get(row.roleId) ?? {}, now, this.options.timeZone));
    return { items, total: matching.length, page: params.page, pageSize: params.pageSize };
  }

  async get(admin: AdminContext, id: number): Promise<IdentificationToken> {
    requireRight(admin, VIEW_OWN, 'view identification tokens');
    return this.view(await this.visible(admin, id));
  }

  async create(admin: AdminContext, input: Required<Pick<TokenInput, 'name' | 'roleId'>> & TokenInput, ip: string): Promise<CreateTokenResponse> {
    requireRight(admin, CREATE_EDIT, 'create identification tokens');
    const role = await this.assignableRole(admin, input.roleId);
    const { whitelist, expiresOn } = this.validate(input, null);
    const name = input.name;
    const nameKey = tokenNameKey(name);
    if ((await this.tokens.idByNameKey(nameKey)) !== undefined) throw nameTaken(name);

    const secret = generateSecret();
    const now = this.options.clock();
    // Another node may insert the same folded name between the check and the insert: the
    // unique index on name_key refuses it, and inTransaction answers 409.
    const id = await this.inTransaction(name, async ({ tokens, audit }) => {
      const tokenId = await tokens.insert(
        { name, nameKey, roleId: role.id, whitelist: whitelist ?? [], expiresOn: expiresOn ?? null,
          secretHash: sha256(secret), secretHint: secretHint(secret), createdBy: admin.employee.id },
        now,
      );
      await audit.insert({
        at: now, actor: { type: 'employee', id: admin.employee.id, name: admin.employee.name },
        action: 'token.created', tokenId, tokenName: name, ip,
        changes: { name: [null, name], role: [null, role.name], expiresOn: [null, expiresOn ?? null], whitelist: [null, whitelist ?? []] },
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
    if (Object.keys(diff).length === 0) return this.view(current);

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

  async delete(admin: AdminContext, id: number, ip: string): Promise<void> {
    requireRight(admin, DELETE, 'delete identification tokens');
    const current = await this.visible(admin, id);
    await this.assignableRole(admin, current.roleId, 'delete a token that holds');
    await this.audit.flush();
    await this.store.transaction(async ({ tokens, audit, changes, retiredSecrets }) => {
      await retireSecrets(tokens, retiredSecrets, id, current.name, 'deleted', this.options.clock());
      await tokens.delete(id);
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
    if (ifMatch === undefined || ifMatch.trim() === '*') return;
    const versions = ifMatch.split(',').map((tag) => parseVersionTag(tag));
    if (!versions.includes(current.version)) throw this.staleVersion();
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

type Sortable = Pick<IdentificationToken, 'id' | 'name' | 'expiresOn' | 'createdAt' | 'lastUsedAt'>;

function comparator(sort: TokenSort, order: SortOrder): (a: Sortable, b: Sortable) => number {
  const direction = order === 'desc' ? -1 : 1;
  // Empty values (no expiry, never used) sort last in both directions.
  const nullable = (a: string | null, b: string | null): number => {
    if (a === b) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    return direction * (a < b ? -1 : 1);
  };
  return (a, b) => {
    let result: number;
    switch (sort) {
      case 'name': result = direction * compareText(a.name, b.name); break;
      case 'expiresOn': result = nullable(a.expiresOn, b.expiresOn); break;
      case 'createdAt': result = direction * (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0); break;
      case 'lastUsedAt': result = nullable(a.lastUsedAt, b.lastUsedAt); break;
    }
    return result !== 0 ? result : a.id - b.id;
  };
}

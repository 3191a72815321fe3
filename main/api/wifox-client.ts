import axios, { type AxiosInstance, type AxiosResponse, type Method } from 'axios';
import type { z } from 'zod';
import { loginResponseSchema, refreshResponseSchema, type LoginResponse } from '../../shared/api/auth';
import {
  auditListResponseSchema,
  refusalGroupsSchema,
  type AuditListResponse,
  type auditQuerySchema,
  type RefusalGroups,
  type RefusalWindow,
} from '../../shared/api/audit';
import { tokenUsageSchema, usageTotalsSchema, type TokenUsage, type UsageTotals } from '../../shared/api/usage';
import { modulesResponseSchema, type ModulesResponse } from '../../shared/api/modules';
import { leakLookupResponseSchema, type LeakLookupResponse } from '../../shared/api/leaks';
import { ADMIN_PATHS, PUBLIC_PATHS } from '../../shared/api/paths';
import { rolesResponseSchema, type RolesResponse } from '../../shared/api/roles';
import {
  managedRoleSchema,
  roleSettingsResponseSchema,
  type CreateRoleRequest,
  type DuplicateRoleRequest,
  type ManagedRole,
  type RoleSettingsResponse,
  type UpdateRoleRequest,
} from '../../shared/api/role-admin';
import { settingsResponseSchema, type SettingsResponse } from '../../shared/api/settings';
import { tokenPolicySchema, type TokenPolicy, type UpdateTokenPolicyRequest } from '../../shared/api/token-policy';
import {
  inventorySignatureSchema,
  signingKeysResponseSchema,
  type InventorySignature,
  type SigningKeysResponse,
} from '../../shared/api/signing';
import {
  createTokenResponseSchema,
  formatVersionTag,
  identificationTokenSchema,
  tokenListResponseSchema,
  type CreateTokenRequest,
  type CreateTokenResponse,
  type IdentificationToken,
  type tokenListQuerySchema,
  type TokenListResponse,
  type UpdateTokenRequest,
} from '../../shared/api/tokens';
import { checkBaseUrl, isLoopbackHost } from '../../shared/ipc/base-url';
import { AppError, isAppError } from '../errors';
import { type Logger, silentLogger } from '../ports';
import { type CallKind, mapHttpFailure } from './http-errors';

// Supplied by the session: the current access token, and a way to renew it after a 401.
export interface AdminAuth {
  accessToken(): Promise<string>;
  renew(rejected: string): Promise<string>;
}

export type WifoxClientOptions = {
  baseUrl: string;
  auth?: AdminAuth;
  timeoutMs?: number;
  retryDelayMs?: number;
  // Told after every exchange whether the server could be reached at all.
  onReachability?: (reachable: boolean) => void;
  logger?: Logger;
};

type RequestSpec<S extends z.ZodType | null> = {
  method: Method;
  path: string;
  kind: CallKind;
  schema: S;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
};

type Parsed<S extends z.ZodType | null> = S extends z.ZodType ? z.output<S> : null;

export type TokenPageQuery = Partial<z.output<typeof tokenListQuerySchema>>;
export type AuditEventsQuery = Partial<z.output<typeof auditQuerySchema>>;

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const RETRY_STATUSES = new Set([502, 503, 504]);
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT']);
const DEFAULT_TIMEOUT_MS = 10_000;

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const transportFailure = (error: unknown, timeoutMs: number): AppError => {
  const code = axios.isAxiosError(error) ? error.code : undefined;
  if (code !== undefined && TIMEOUT_CODES.has(code)) {
    const seconds = Math.max(1, Math.round(timeoutMs / 1000));
    return new AppError('timeout', `The server did not answer within ${seconds} second${seconds === 1 ? '' : 's'}. Try again.`);
  }
  // The axios error (with its URL, headers and config) stops here; only a stable code leaves.
  return new AppError('offline');
};

export class WifoxClient {
  readonly baseUrl: string;
  private readonly http: AxiosInstance;
  private readonly retryDelayMs: number;
  private readonly timeoutMs: number;
  private readonly logger: Logger;

  constructor(private readonly options: WifoxClientOptions) {
    const checked = checkBaseUrl(options.baseUrl);
    if (!checked.ok) throw new AppError(checked.reason === 'insecure' ? 'insecure_url' : 'validation', checked.message);
    this.baseUrl = checked.url;
    this.retryDelayMs = options.retryDelayMs ?? 300;
    this.logger = options.logger ?? silentLogger;
    const loopback = isLoopbackHost(new URL(checked.url).hostname);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.http = axios.create({
      baseURL: checked.url,
      timeout: this.timeoutMs,
      // A redirect could carry the Authorization header to another host.
      maxRedirects: 0,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      maxContentLength: 64 * 1024 * 1024,
      headers: { Accept: 'application/json' },
      // Loopback traffic must not be sent to an environment proxy.
      ...(loopback ? { proxy: false as const } : {}),
    });
  }

  login(email: string, password: string): Promise<LoginResponse> {
    return this.send({ method: 'POST', path: ADMIN_PATHS.login, kind: 'login', schema: loginResponseSchema, body: { email, password } });
  }

  refresh(refreshToken: string): Promise<LoginResponse> {
    return this.send({ method: 'POST', path: ADMIN_PATHS.refresh, kind: 'refresh', schema: refreshResponseSchema, body: { refreshToken } });
  }

  async logout(accessToken: string): Promise<void> {
    await this.send({
      method: 'POST',
      path: ADMIN_PATHS.logout,
      kind: 'admin',
      schema: null,
      // An empty JSON object: without a body axios labels a POST as a form, which the API refuses.
      body: {},
      headers: { Authorization: `Bearer ${accessToken}` },
    });
  }

  modules(): Promise<ModulesResponse> {
    return this.admin({ method: 'GET', path: ADMIN_PATHS.modules, kind: 'admin', schema: modulesResponseSchema });
  }

  roles(): Promise<RolesResponse> {
    return this.admin({ method: 'GET', path: ADMIN_PATHS.roles, kind: 'admin', schema: rolesResponseSchema });
  }

  roleSettings(): Promise<RoleSettingsResponse> {
    return this.admin({ method: 'GET', path: ADMIN_PATHS.roleSettings, kind: 'admin', schema: roleSettingsResponseSchema });
  }

  tokenPolicy(): Promise<TokenPolicy> {
    return this.admin({ method: 'GET', path: ADMIN_PATHS.tokenPolicy, kind: 'admin', schema: tokenPolicySchema });
  }

  updateTokenPolicy(version: number, rules: UpdateTokenPolicyRequest): Promise<TokenPolicy> {
    return this.admin({
      method: 'PUT',
      path: ADMIN_PATHS.tokenPolicy,
      kind: 'admin',
      schema: tokenPolicySchema,
      body: rules,
      headers: { 'If-Match': formatVersionTag(version) },
    });
  }

  createRole(request: CreateRoleRequest): Promise<ManagedRole> {
    return this.admin({ method: 'POST', path: ADMIN_PATHS.roles, kind: 'admin', schema: managedRoleSchema, body: request });
  }

  updateRole(id: number, version: number, changes: UpdateRoleRequest): Promise<ManagedRole> {
    return this.admin({
      method: 'PATCH',
      path: ADMIN_PATHS.role(id),
      kind: 'admin',
      schema: managedRoleSchema,
      body: changes,
      headers: { 'If-Match': formatVersionTag(version) },
    });
  }

  duplicateRole(id: number, request: DuplicateRoleRequest): Promise<ManagedRole> {
    return this.admin({ method: 'POST', path: ADMIN_PATHS.roleDuplicate(id), kind: 'admin', schema: managedRoleSchema, body: request });
  }

  async deleteRole(id: number, version: number, moveTokensTo?: number): Promise<void> {
    await this.admin({
      method: 'DELETE',
      path: ADMIN_PATHS.role(id),
      kind: 'admin',
      schema: null,
      query: { moveTokensTo },
      headers: { 'If-Match': formatVersionTag(version) },
    });
  }

  organisationSettings(): Promise<SettingsResponse> {
    return this.admin({ method: 'GET', path: ADMIN_PATHS.settings, kind: 'admin', schema: settingsResponseSchema });
  }

  listTokens(query: TokenPageQuery): Promise<TokenListResponse> {
    return this.admin({
      method: 'GET',
      path: ADMIN_PATHS.tokens,
      kind: 'admin',
      schema: tokenListResponseSchema,
      query: { ...query },
    });
  }

  getToken(id: number): Promise<IdentificationToken> {
    return this.admin({ method: 'GET', path: ADMIN_PATHS.token(id), kind: 'admin', schema: identificationTokenSchema });
  }

  createToken(request: CreateTokenRequest): Promise<CreateTokenResponse> {
    return this.admin({ method: 'POST', path: ADMIN_PATHS.tokens, kind: 'admin', schema: createTokenResponseSchema, body: request });
  }

  updateToken(id: number, version: number, changes: UpdateTokenRequest): Promise<IdentificationToken> {
    return this.admin({
      method: 'PATCH',
      path: ADMIN_PATHS.token(id),
      kind: 'admin',
      schema: identificationTokenSchema,
      body: changes,
      headers: { 'If-Match': formatVersionTag(version) },
    });
  }

  // With a version, the server refuses (412) to delete a token changed since.
  async deleteToken(id: number, version?: number): Promise<void> {
    await this.admin({
      method: 'DELETE',
      path: ADMIN_PATHS.token(id),
      kind: 'admin',
      schema: null,
      ...(version === undefined ? {} : { headers: { 'If-Match': formatVersionTag(version) } }),
    });
  }

  rotateSecret(id: number, version: number, overlapHours: number): Promise<CreateTokenResponse> {
    return this.admin({
      method: 'POST',
      path: ADMIN_PATHS.rotateSecret(id),
      kind: 'admin',
      schema: createTokenResponseSchema,
      body: { overlapHours },
      headers: { 'If-Match': formatVersionTag(version) },
    });
  }

  endOverlap(id: number, version: number): Promise<IdentificationToken> {
    return this.admin({
      method: 'POST',
      path: ADMIN_PATHS.endOverlap(id),
      kind: 'admin',
      schema: identificationTokenSchema,
      body: {},
      headers: { 'If-Match': formatVersionTag(version) },
    });
  }

  // Hashes only: the secrets they were computed from never leave main.
  leakLookup(hashes: string[]): Promise<LeakLookupResponse> {
    return this.admin({ method: 'POST', path: ADMIN_PATHS.leakLookup, kind: 'admin', schema: leakLookupResponseSchema, body: { hashes } });
  }

  // Public halves only, and no credential: what a profile records when it first connects.
  signingKeys(): Promise<SigningKeysResponse> {
    return this.send({ method: 'GET', path: PUBLIC_PATHS.signingKeys, kind: 'admin', schema: signingKeysResponseSchema });
  }

  // The digest of an inventory's canonical content: the content itself never travels.
  signInventory(digest: string): Promise<InventorySignature> {
    return this.admin({ method: 'POST', path: ADMIN_PATHS.inventorySignatures, kind: 'admin', schema: inventorySignatureSchema, body: { digest } });
  }

  auditEvents(query: AuditEventsQuery): Promise<AuditListResponse> {
    return this.admin({
      method: 'GET',
      path: ADMIN_PATHS.auditEvents,
      kind: 'admin',
      schema: auditListResponseSchema,
      query: {
        tokenId: query.tokenId, limit: query.limit, before: query.before, action: query.action, actor: query.actor,
        tokenName: query.tokenName, ip: query.ip, from: query.from, to: query.to, cursor: query.cursor,
      },
    });
  }

  auditRefusals(window: RefusalWindow): Promise<RefusalGroups> {
    return this.admin({ method: 'GET', path: ADMIN_PATHS.auditRefusals, kind: 'admin', schema: refusalGroupsSchema, query: { window } });
  }

  tokenUsage(id: number): Promise<TokenUsage> {
    return this.admin({ method: 'GET', path: ADMIN_PATHS.tokenUsage(id), kind: 'admin', schema: tokenUsageSchema });
  }

  usageTotals(): Promise<UsageTotals> {
    return this.admin({ method: 'GET', path: ADMIN_PATHS.usageTotals, kind: 'admin', schema: usageTotalsSchema });
  }

  // Admin calls carry the access token; a 401 renews it once and tries again.
  private async admin<S extends z.ZodType | null>(spec: RequestSpec<S>): Promise<Parsed<S>> {
    const auth = this.options.auth;
    if (!auth) throw new AppError('not_signed_in');
    const token = await auth.accessToken();
    try {
      return await this.send({ ...spec, headers: { ...spec.headers, Authorization: `Bearer ${token}` } });
    } catch (error) {
      if (!isAppError(error, 'session_expired')) throw error;
      const renewed = await auth.renew(token);
      return this.send({ ...spec, headers: { ...spec.headers, Authorization: `Bearer ${renewed}` } });
    }
  }

  private async send<S extends z.ZodType | null>(spec: RequestSpec<S>): Promise<Parsed<S>> {
    const response = await this.exchange(spec);
    if (response.status < 200 || response.status >= 300) {
      throw mapHttpFailure({
        status: response.status,
        body: typeof response.data === 'string' ? response.data : '',
        retryAfter: headerValue(response, 'retry-after'),
        kind: spec.kind,
      });
    }
    if (spec.schema === null) return null as Parsed<S>;
    let json: unknown;
    try {
      json = JSON.parse(String(response.data));
    } catch {
      throw this.badResponse(spec, 'not JSON');
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) throw this.badResponse(spec, 'unexpected shape');
    return parsed.data as Parsed<S>;
  }

  // One retry, for idempotent methods only: a POST that timed out may already have created a token.
  private async exchange(spec: RequestSpec<z.ZodType | null>): Promise<AxiosResponse<unknown>> {
    const retryable = IDEMPOTENT.has(spec.method.toUpperCase());
    for (let attempt = 1; ; attempt++) {
      let failure: AppError;
      try {
        const response = await this.http.request<unknown>({
          method: spec.method,
          url: spec.path,
          params: spec.query,
          data: spec.body,
          headers: spec.headers,
        });
        this.options.onReachability?.(true);
        if (!(retryable && attempt === 1 && RETRY_STATUSES.has(response.status))) return response;
        this.logger.warn('retrying after a gateway status', { method: spec.method, path: spec.path, status: response.status });
      } catch (error) {
        failure = transportFailure(error, this.timeoutMs);
        this.options.onReachability?.(false);
        if (!(retryable && attempt === 1 && failure.code === 'offline')) throw failure;
        this.logger.warn('retrying after a network failure', { method: spec.method, path: spec.path });
      }
      await wait(this.retryDelayMs * (0.75 + Math.random() / 2));
    }
  }

  private badResponse(spec: RequestSpec<z.ZodType | null>, why: string): AppError {
    this.logger.warn('unexpected server answer', { method: spec.method, path: spec.path, why });
    return new AppError('bad_response');
  }
}

const headerValue = (response: AxiosResponse<unknown>, name: string): string | undefined => {
  const value: unknown = response.headers[name];
  return typeof value === 'string' ? value : undefined;
};

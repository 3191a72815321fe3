import type { AuditService } from './audit/audit-service';
import type { AdminSessions } from './auth/admin-sessions';
import type { LoginService } from './auth/login-service';
import type { SessionService } from './auth/session-service';
import type { CatalogService } from './catalog/catalog-service';
import type { Store } from './db/store';
import type { AccessGuard } from './public/access-guard';
import type { TokenPolicyService } from './policy/token-policy-service';
import type { RecordService } from './public/record-service';
import type { RoleService } from './roles/role-service';
import type { SigningService } from './signing/signing-service';
import type { AccessCache } from './tokens/access-cache';
import type { LeakService } from './tokens/leak-service';
import type { RotationService } from './tokens/rotation-service';
import type { TokenService } from './tokens/token-service';
import type { UsageService } from './usage/usage-service';

/**
 * Everything the routes use, built once by buildServer: services only. Routes parse and
 * answer, services decide (rights included), repositories store; no route reaches a repository.
 */
export interface ServerContext {
  clock: () => Date;
  timeZone: string;
  cache: AccessCache;
  sessions: SessionService;
  admins: AdminSessions;
  logins: LoginService;
  catalog: CatalogService;
  tokens: TokenService;
  roles: RoleService;
  auditTrail: AuditService;
  records: RecordService;
  guard: AccessGuard;
  rotation: RotationService;
  leaks: LeakService;
  tokenPolicy: TokenPolicyService;
  usage: UsageService;
  signing: SigningService;
}

/** What seeding a database needs, before any route exists. */
export interface SeedContext {
  store: Store;
  clock: () => Date;
  timeZone: string;
}

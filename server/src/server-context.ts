import type { AuditLog } from './audit/audit-log';
import type { LoginService } from './auth/login-service';
import type { SessionService } from './auth/session-service';
import type { Store } from './db/store';
import type { AccessGuard } from './public/access-guard';
import type { Repositories } from './repositories';
import type { AccessCache } from './tokens/access-cache';
import type { TokenService } from './tokens/token-service';

/** Everything the routes use, built once by buildServer. */
export interface ServerContext {
  store: Store;
  clock: () => Date;
  timeZone: string;
  repos: Repositories;
  audit: AuditLog;
  cache: AccessCache;
  sessions: SessionService;
  logins: LoginService;
  tokens: TokenService;
  guard: AccessGuard;
}

import type { LoginService } from './auth/login-service';
import type { SessionService } from './auth/session-service';
import type { Db } from './db/open';
import type { AccessGuard } from './public/access-guard';
import type { AuditRepository } from './repositories/audit';
import type { EmployeesRepository } from './repositories/employees';
import type { MetaRepository } from './repositories/meta';
import type { RecordsRepository } from './repositories/records';
import type { RolesRepository } from './repositories/roles';
import type { SessionsRepository } from './repositories/sessions';
import type { TokensRepository } from './repositories/tokens';
import type { AccessCache } from './tokens/access-cache';
import type { TokenService } from './tokens/token-service';

/** Everything the routes use, built once by buildServer. */
export interface ServerContext {
  db: Db;
  clock: () => Date;
  timeZone: string;
  repos: {
    meta: MetaRepository;
    employees: EmployeesRepository;
    roles: RolesRepository;
    tokens: TokensRepository;
    sessions: SessionsRepository;
    audit: AuditRepository;
    records: RecordsRepository;
  };
  cache: AccessCache;
  sessions: SessionService;
  logins: LoginService;
  tokens: TokenService;
  guard: AccessGuard;
}

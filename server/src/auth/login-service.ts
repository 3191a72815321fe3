import { ERROR_CODES, type LoginResponse } from '../../../shared/api';
import { HttpError } from '../http/http-error';
import type { AuditLog } from '../audit/audit-log';
import type { EmployeesRepository } from '../repositories/employees';
import type { LoginLockout } from './lockout';
import { hashPassword, verifyPassword, type ScryptCost } from './passwords';
import type { SessionService } from './session-service';

export function bestRank(ranks: readonly number[]): number {
  return ranks.length === 0 ? Number.MAX_SAFE_INTEGER : Math.min(...ranks);
}

export class LoginService {
  // Unknown emails still pay for one scrypt run, so response time does not reveal which exist.
  private decoy: Promise<string> | undefined;

  constructor(
    private readonly employees: EmployeesRepository,
    private readonly sessions: SessionService,
    private readonly lockout: LoginLockout,
    private readonly audit: AuditLog,
    private readonly clock: () => Date,
    private readonly scryptCost: ScryptCost,
  ) {}

  async login(email: string, password: string, ip: string): Promise<LoginResponse> {
    const locked = await this.lockout.retryAfter(email);
    if (locked > 0) throw this.lockedError(locked);

    const employee = await this.employees.findByEmail(email);
    this.decoy ??= hashPassword('decoy password', this.scryptCost);
    const ok = employee
      ? await verifyPassword(password, employee.passwordHash)
      : await verifyPassword(password, await this.decoy).then(() => false);

    if (!employee || !ok) {
      const actor = { type: 'employee' as const, id: employee?.id ?? null, name: employee?.name ?? email.slice(0, 254) };
      const nowLocked = await this.lockout.fail(email);
      await this.audit.insert({ at: this.clock(), actor, action: 'login.failed', ip, reason: employee ? 'wrong_password' : 'unknown_email' });
      if (nowLocked) {
        await this.audit.insert({ at: this.clock(), actor, action: 'login.locked', ip, reason: 'too_many_failures' });
      }
      throw new HttpError(401, ERROR_CODES.invalidCredentials, 'Wrong email or password.');
    }

    await this.lockout.succeed(email);
    const tokens = await this.sessions.start(employee.id);
    const rank = bestRank((await this.employees.rolesOf(employee.id)).map((role) => role.rank));
    return { ...tokens, employee: { id: employee.id, name: employee.name, email: employee.email, rank } };
  }

  private lockedError(seconds: number): HttpError {
    return new HttpError(
      429,
      ERROR_CODES.loginLocked,
      `Too many failed sign-in attempts; try again in ${seconds} s.`,
      undefined,
      { 'retry-after': String(seconds) },
    );
  }
}

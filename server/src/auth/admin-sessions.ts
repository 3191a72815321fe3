import { ERROR_CODES, type RefreshResponse } from '../../../shared/api';
import { HttpError } from '../http/http-error';
import type { EmployeesRepository } from '../repositories/employees';
import type { AdminContext } from './admin-context';
import { bestRank } from './login-service';
import type { SessionService } from './session-service';

/** Sessions seen as the employee behind them: who is calling, with which roles and rank. */
export class AdminSessions {
  constructor(
    private readonly sessions: SessionService,
    private readonly employees: EmployeesRepository,
  ) {}

  async authenticate(accessToken: string | undefined): Promise<AdminContext> {
    if (!accessToken) throw new HttpError(401, ERROR_CODES.unauthorized, 'Send Authorization: Bearer <accessToken>.');
    const identity = await this.sessions.authenticate(accessToken);
    const employee = await this.employees.findById(identity.employeeId);
    if (!employee) throw new HttpError(401, ERROR_CODES.unauthorized, 'Sign in again.');
    const roles = await this.employees.rolesOf(employee.id);
    return {
      sessionId: identity.sessionId,
      employee: { id: employee.id, name: employee.name, email: employee.email },
      roles,
      rank: bestRank(roles.map((role) => role.rank)),
    };
  }

  async refresh(refreshToken: string): Promise<RefreshResponse> {
    const { tokens, employeeId } = await this.sessions.refresh(refreshToken);
    const employee = await this.employees.findById(employeeId);
    if (!employee) throw new HttpError(401, 'unauthorized', 'Sign in again.');
    const rank = bestRank((await this.employees.rolesOf(employee.id)).map((role) => role.rank));
    return { ...tokens, employee: { id: employee.id, name: employee.name, email: employee.email, rank } };
  }
}

import type { Db } from '../db/open';
import { statementCache, type Prepare } from '../db/statements';
import type { RoleRow } from './roles';
import { roleRightsSchema, type RoleType } from '../../../shared/domain';

export interface EmployeeRow {
  id: number;
  name: string;
  email: string;
  passwordHash: string;
}

const COLUMNS = 'id, name, email, password_hash AS passwordHash';

export class EmployeesRepository {
  private readonly sql: Prepare;

  constructor(private readonly db: Db) {
    this.sql = statementCache(db);
  }

  findByEmail(email: string): EmployeeRow | undefined {
    return this.sql(`SELECT ${COLUMNS} FROM employees WHERE email = ?`).get(email.trim()) as EmployeeRow | undefined;
  }

  findById(id: number): EmployeeRow | undefined {
    return this.sql(`SELECT ${COLUMNS} FROM employees WHERE id = ?`).get(id) as EmployeeRow | undefined;
  }

  count(): number {
    return this.sql('SELECT count(*) FROM employees').pluck().get() as number;
  }

  insert(employee: Omit<EmployeeRow, 'id'>, at: Date): EmployeeRow {
    const result = this.sql('INSERT INTO employees (name, email, password_hash, created_at) VALUES (?, ?, ?, ?)')
      .run(employee.name, employee.email.trim(), employee.passwordHash, at.toISOString());
    return { id: Number(result.lastInsertRowid), ...employee };
  }

  updatePassword(id: number, passwordHash: string): void {
    this.sql('UPDATE employees SET password_hash = ? WHERE id = ?').run(passwordHash, id);
  }

  assignRole(employeeId: number, roleId: number): void {
    this.sql('INSERT OR IGNORE INTO employee_roles (employee_id, role_id) VALUES (?, ?)').run(employeeId, roleId);
  }

  rolesOf(employeeId: number): RoleRow[] {
    const rows = this.sql(
        `SELECT r.id, r.name, r.type, r.rank, r.rights FROM roles r
         JOIN employee_roles er ON er.role_id = r.id WHERE er.employee_id = ? ORDER BY r.rank, r.id`,
      )
      .all(employeeId) as { id: number; name: string; type: RoleType; rank: number; rights: string }[];
    return rows.map((raw) => ({ ...raw, rights: roleRightsSchema.parse(JSON.parse(raw.rights)) }));
  }
}

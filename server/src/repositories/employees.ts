import { sql, type Kysely } from 'kysely';
import { roleRightsSchema } from '../../../shared/domain';
import type { Schema } from '../db/schema';
import type { RoleRow } from './roles';

export interface EmployeeRow {
  id: number;
  name: string;
  email: string;
  passwordHash: string;
}

export class EmployeesRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  private select() {
    return this.db.selectFrom('employees').select(['id', 'name', 'email', 'password_hash as passwordHash']);
  }

  /** Emails are compared without case, on both stores. */
  async findByEmail(email: string): Promise<EmployeeRow | undefined> {
    return this.select().where(sql<string>`lower(email)`, '=', sql<string>`lower(${email.trim()})`).executeTakeFirst();
  }

  async findById(id: number): Promise<EmployeeRow | undefined> {
    return this.select().where('id', '=', id).executeTakeFirst();
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('employees').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert(employee: Omit<EmployeeRow, 'id'>, at: Date): Promise<EmployeeRow> {
    const { id } = await this.db.insertInto('employees')
      .values({ name: employee.name, email: employee.email.trim(), password_hash: employee.passwordHash, created_at: at.toISOString() })
      .returning('id').executeTakeFirstOrThrow();
    return { id, ...employee };
  }

  async updatePassword(id: number, passwordHash: string): Promise<void> {
    await this.db.updateTable('employees').set({ password_hash: passwordHash }).where('id', '=', id).execute();
  }

  async assignRole(employeeId: number, roleId: number): Promise<void> {
    await this.db.insertInto('employee_roles').values({ employee_id: employeeId, role_id: roleId })
      .onConflict((oc) => oc.doNothing()).execute();
  }

  async rolesOf(employeeId: number): Promise<RoleRow[]> {
    const rows = await this.db.selectFrom('roles as r')
      .innerJoin('employee_roles as er', 'er.role_id', 'r.id')
      .select(['r.id', 'r.name', 'r.type', 'r.rank', 'r.rights', 'r.version'])
      .where('er.employee_id', '=', employeeId)
      .orderBy('r.rank').orderBy('r.id')
      .execute();
    return rows.map((raw) => ({ ...raw, rights: roleRightsSchema.parse(JSON.parse(raw.rights)) }));
  }
}

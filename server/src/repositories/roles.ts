import { sql, type Kysely } from 'kysely';
import { roleRightsSchema, type RoleRights, type RoleType } from '../../../shared/domain';
import type { Schema } from '../db/schema';

export interface RoleRow {
  id: number;
  name: string;
  type: RoleType;
  rank: number;
  rights: RoleRights;
  version: number;
}

interface RawRole {
  id: number;
  name: string;
  type: RoleType;
  rank: number;
  rights: string;
  version: number;
}

function toRole(raw: RawRole): RoleRow {
  return { id: raw.id, name: raw.name, type: raw.type, rank: raw.rank, rights: roleRightsSchema.parse(JSON.parse(raw.rights)), version: raw.version };
}

const COLUMNS = ['id', 'name', 'type', 'rank', 'rights', 'version'] as const;

export type NewRole = Omit<RoleRow, 'id' | 'version'>;
export type RoleChanges = Partial<Pick<RoleRow, 'type' | 'rank' | 'rights'>>;

/** How many tokens and employees hold each role. */
export interface RoleHolders {
  tokens: number;
  employees: number;
}

export class RolesRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  async list(): Promise<RoleRow[]> {
    const rows = await this.db.selectFrom('roles').select(COLUMNS).orderBy('rank').orderBy('name').orderBy('id').execute();
    return rows.map(toRole);
  }

  async findById(id: number): Promise<RoleRow | undefined> {
    const raw = await this.db.selectFrom('roles').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return raw && toRole(raw);
  }

  /** Role names are unique without case, on both stores. */
  async findByName(name: string): Promise<RoleRow | undefined> {
    const raw = await this.db.selectFrom('roles').select(COLUMNS)
      .where(sql<string>`lower(name)`, '=', sql<string>`lower(${name})`).executeTakeFirst();
    return raw && toRole(raw);
  }

  async insert(role: NewRole, at: Date): Promise<RoleRow> {
    const { id } = await this.db.insertInto('roles')
      .values({ name: role.name, type: role.type, rank: role.rank, rights: JSON.stringify(role.rights), created_at: at.toISOString() })
      .returning('id').executeTakeFirstOrThrow();
    return { id, ...role, version: 1 };
  }

  /**
   * Applies the changes when the stored version is still `version`; false when it moved on
   * (of concurrent edits exactly one wins, as for tokens).
   */
  async update(id: number, version: number, changes: RoleChanges): Promise<boolean> {
    const result = await this.db.updateTable('roles')
      .set((eb) => ({
        ...(changes.type !== undefined ? { type: changes.type } : {}),
        ...(changes.rank !== undefined ? { rank: changes.rank } : {}),
        ...(changes.rights !== undefined ? { rights: JSON.stringify(changes.rights) } : {}),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id).where('version', '=', version)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Deletes the role while it is still at `version`; false when it moved on or is gone. */
  async delete(id: number, version: number): Promise<boolean> {
    const result = await this.db.deleteFrom('roles').where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return result.numDeletedRows === 1n;
  }

  /** Holders of every role that has any, in two grouped counts (10,000 tokens is one scan). */
  async holders(): Promise<Map<number, RoleHolders>> {
    const [tokens, employees] = await Promise.all([
      this.db.selectFrom('tokens').select(['role_id', (eb) => eb.fn.countAll().as('n')]).groupBy('role_id').execute(),
      this.db.selectFrom('employee_roles').select(['role_id', (eb) => eb.fn.countAll().as('n')]).groupBy('role_id').execute(),
    ]);
    const out = new Map<number, RoleHolders>();
    const entry = (id: number): RoleHolders => {
      let found = out.get(id);
      if (!found) out.set(id, (found = { tokens: 0, employees: 0 }));
      return found;
    };
    for (const row of tokens) entry(row.role_id).tokens = Number(row.n);
    for (const row of employees) entry(row.role_id).employees = Number(row.n);
    return out;
  }

  async holdersOf(id: number): Promise<RoleHolders> {
    const [tokens, employees] = await Promise.all([
      this.db.selectFrom('tokens').select((eb) => eb.fn.countAll().as('n')).where('role_id', '=', id).executeTakeFirstOrThrow(),
      this.db.selectFrom('employee_roles').select((eb) => eb.fn.countAll().as('n')).where('role_id', '=', id).executeTakeFirstOrThrow(),
    ]);
    return { tokens: Number(tokens.n), employees: Number(employees.n) };
  }

  /**
   * Gives every token of role `from` the role `to`, in one statement. Each moved token is a new
   * version, so an edit started before the move is refused (412) rather than undoing it.
   */
  async moveTokens(from: number, to: number, at: Date): Promise<number> {
    const result = await this.db.updateTable('tokens')
      .set((eb) => ({ role_id: to, updated_at: at.toISOString(), version: eb('version', '+', 1) }))
      .where('role_id', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Inserts the role unless one of that name exists (another node may be seeding too). */
  async ensure(role: NewRole, at: Date): Promise<RoleRow> {
    await this.db.insertInto('roles')
      .values({ name: role.name, type: role.type, rank: role.rank, rights: JSON.stringify(role.rights), created_at: at.toISOString() })
      .onConflict((oc) => oc.doNothing()).execute();
    const found = await this.findByName(role.name);
    if (!found) throw new Error(`role ${role.name} vanished`);
    return found;
  }
}

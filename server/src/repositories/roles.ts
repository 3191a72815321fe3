import { sql, type Kysely } from 'kysely';
import { roleRightsSchema, type RoleRights, type RoleType } from '../../../shared/domain';
import type { Schema } from '../db/schema';

export interface RoleRow {
  id: number;
  name: string;
  type: RoleType;
  rank: number;
  rights: RoleRights;
}

interface RawRole {
  id: number;
  name: string;
  type: RoleType;
  rank: number;
  rights: string;
}

function toRole(raw: RawRole): RoleRow {
  return { id: raw.id, name: raw.name, type: raw.type, rank: raw.rank, rights: roleRightsSchema.parse(JSON.parse(raw.rights)) };
}

const COLUMNS = ['id', 'name', 'type', 'rank', 'rights'] as const;

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

  async insert(role: Omit<RoleRow, 'id'>, at: Date): Promise<RoleRow> {
    const { id } = await this.db.insertInto('roles')
      .values({ name: role.name, type: role.type, rank: role.rank, rights: JSON.stringify(role.rights), created_at: at.toISOString() })
      .returning('id').executeTakeFirstOrThrow();
    return { id, ...role };
  }

  /** Inserts the role unless one of that name exists (another node may be seeding too). */
  async ensure(role: Omit<RoleRow, 'id'>, at: Date): Promise<RoleRow> {
    await this.db.insertInto('roles')
      .values({ name: role.name, type: role.type, rank: role.rank, rights: JSON.stringify(role.rights), created_at: at.toISOString() })
      .onConflict((oc) => oc.doNothing()).execute();
    const found = await this.findByName(role.name);
    if (!found) throw new Error(`role ${role.name} vanished`);
    return found;
  }
}

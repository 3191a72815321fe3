import { roleRightsSchema, type RoleRights, type RoleType } from '../../../shared/domain';
import type { Db } from '../db/open';
import { statementCache, type Prepare } from '../db/statements';

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

export class RolesRepository {
  private readonly sql: Prepare;

  constructor(private readonly db: Db) {
    this.sql = statementCache(db);
  }

  list(): RoleRow[] {
    return (this.sql('SELECT id, name, type, rank, rights FROM roles ORDER BY rank, name, id').all() as RawRole[]).map(toRole);
  }

  findById(id: number): RoleRow | undefined {
    const raw = this.sql('SELECT id, name, type, rank, rights FROM roles WHERE id = ?').get(id) as RawRole | undefined;
    return raw && toRole(raw);
  }

  findByName(name: string): RoleRow | undefined {
    const raw = this.sql('SELECT id, name, type, rank, rights FROM roles WHERE name = ?').get(name) as RawRole | undefined;
    return raw && toRole(raw);
  }

  insert(role: Omit<RoleRow, 'id'>, at: Date): RoleRow {
    const result = this.sql('INSERT INTO roles (name, type, rank, rights, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(role.name, role.type, role.rank, JSON.stringify(role.rights), at.toISOString());
    return { id: Number(result.lastInsertRowid), ...role };
  }
}

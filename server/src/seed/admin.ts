import { MANAGE_RIGHTS, MODULES, type RoleRights } from '../../../shared/domain';
import { hashPassword, type ScryptCost } from '../auth/passwords';
import type { Repositories } from '../repositories';
import type { RoleRow } from '../repositories/roles';
import type { SeedContext } from '../server-context';
import { randomBase62 } from '../tokens/secrets';

export interface AdminAccount {
  email: string;
  password: string;
  name?: string;
}

export const ADMINISTRATOR_ROLE = 'Administrator';
export const DEFAULT_ADMIN_EMAIL = 'admin@wifox.local';

export function everyRight(): RoleRights {
  const rights: RoleRights = {};
  for (const { key } of MODULES) rights[key] = { view: 'all', manage: [...MANAGE_RIGHTS] };
  return rights;
}

async function administratorRole(repos: Repositories, at: Date): Promise<RoleRow> {
  return (await repos.roles.findByName(ADMINISTRATOR_ROLE))
    ?? repos.roles.ensure({ name: ADMINISTRATOR_ROLE, type: 'employee', rank: 1, rights: everyRight() }, at);
}

// Meets the console's password rule: upper and lower case, a digit and a symbol.
function generatePassword(): string {
  for (;;) {
    const candidate = `${randomBase62(20)}-`;
    if (/[A-Z]/.test(candidate) && /[a-z]/.test(candidate) && /\d/.test(candidate)) return candidate;
  }
}

/**
 * The given account is created, or its password reset, with the rank-1 Administrator role.
 * Without one, an empty database gets admin@wifox.local with a generated password, reported
 * once through onGenerated.
 */
export async function ensureAdmin(
  ctx: SeedContext,
  account: AdminAccount | undefined,
  cost: ScryptCost,
  onGenerated?: (account: { email: string; password: string }) => void,
): Promise<void> {
  const { employees } = ctx.store.repos;
  if (!account && (await employees.count()) > 0) return;
  const email = account?.email.trim() ?? DEFAULT_ADMIN_EMAIL;
  const password = account?.password ?? generatePassword();
  const passwordHash = await hashPassword(password, cost);
  await ctx.store.transaction(async (repos) => {
    const role = await administratorRole(repos, ctx.clock());
    const existing = await repos.employees.findByEmail(email);
    const employee = existing ?? await repos.employees.insert({ name: account?.name ?? 'Administrator', email, passwordHash }, ctx.clock());
    if (existing) await repos.employees.updatePassword(existing.id, passwordHash);
    await repos.employees.assignRole(employee.id, role.id);
  });
  if (!account) onGenerated?.({ email, password });
}

import { ROLE_TEMPLATES, addDays, secretHint, todayIn, tokenNameKey } from '../../../shared/domain';
import { PUBLIC_RESOURCES } from '../../../shared/api';
import type { SeedContext } from '../server-context';
import { generateSecret, sha256 } from '../tokens/secrets';
import { DEMO_RECORDS, DEMO_ROLES, DEMO_TOKENS } from './demo-data';

const SEEDED_KEY = 'demo_seeded_at';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Seeds the demo organisation once per database. Demo token secrets are generated and
 * discarded: only their hashes are stored, like any other token's.
 */
export async function seedDemo(ctx: SeedContext): Promise<boolean> {
  if ((await ctx.store.repos.meta.get(SEEDED_KEY)) !== undefined) return false;
  const now = ctx.clock();
  await ctx.store.transaction(async ({ meta, roles, tokens, employees, records }) => {
    for (const role of [...ROLE_TEMPLATES, ...DEMO_ROLES]) {
      if (!(await roles.findByName(role.name))) await roles.insert({ name: role.name, type: role.type, rank: role.rank, rights: role.rights }, now);
    }
    if ((await meta.get('organisation_name')) === undefined) await meta.set('organisation_name', 'Wifox Demo');

    const owner = (await employees.findByEmail('admin@wifox.local')) ?? (await employees.findById(1));
    if (owner) {
      const today = todayIn(ctx.timeZone, now);
      for (const token of DEMO_TOKENS) {
        const role = await roles.findByName(token.role);
        if (!role || (await tokens.idByNameKey(tokenNameKey(token.name))) !== undefined) continue;
        const secret = generateSecret();
        const id = await tokens.insert({
          name: token.name,
          nameKey: tokenNameKey(token.name),
          roleId: role.id,
          whitelist: token.whitelist,
          expiresOn: token.expiresInDays === null ? null : addDays(today, token.expiresInDays),
          secretHash: sha256(secret),
          secretHint: secretHint(secret),
          createdBy: owner.id,
        }, new Date(now.getTime() - token.createdDaysAgo * DAY_MS));
        if (token.lastUsedMinutesAgo !== null) {
          await tokens.recordUse(id, new Date(now.getTime() - token.lastUsedMinutesAgo * 60_000), token.lastUsedIp ?? '127.0.0.1');
        }
      }
    }

    for (const resource of PUBLIC_RESOURCES) {
      for (const record of DEMO_RECORDS[resource]) await records.insert(resource, () => record);
    }
    await meta.set(SEEDED_KEY, now.toISOString());
  });
  return true;
}

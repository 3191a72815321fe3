import type { ModuleItem } from '../../shared/api/modules';
import type { RoleItem } from '../../shared/api/roles';
import type { IdentificationToken } from '../../shared/api/tokens';
import { MODULES, MODULE_GROUP_NAMES, ROLE_TEMPLATES, addDays, expiryEnd, reachableModuleNames, todayIn } from '../../shared/domain';
import { seededRandom } from './stats';

// Inventories shaped exactly like the API's token views, generated (the inventory figures are
// about files of 50,000 and 100,000 tokens, far more than a server needs to hold for them).

export const INVENTORY_TIME_ZONE = 'Europe/Paris';

export const MODULE_ITEMS: ModuleItem[] = MODULES.map((m) => ({ key: m.key, name: m.name, group: m.group, groupName: MODULE_GROUP_NAMES[m.group], parent: m.parent }));

export const ROLE_ITEMS: RoleItem[] = ROLE_TEMPLATES.map((template, i) => ({
  id: i + 1,
  name: template.name,
  type: template.type,
  rank: template.rank,
  rights: template.rights,
  modules: reachableModuleNames(template.rights),
}));

const SYSTEMS = ['Billing', 'Reporting', 'Webhook', 'Fraud', 'Backoffice', 'Payments', 'Onboarding', 'Ledger', 'Support', 'Mobile'];
const KINDS = ['sync', 'export', 'listener', 'gateway', 'script', 'service', 'worker'];

export function generateTokens(count: number, seed = 11): IdentificationToken[] {
  const random = seededRandom(seed);
  const now = Date.now();
  const today = todayIn(INVENTORY_TIME_ZONE, new Date(now));
  const ends = new Map<string, string>();
  const endOf = (day: string): string => {
    let end = ends.get(day);
    if (end === undefined) {
      end = expiryEnd(day, INVENTORY_TIME_ZONE).toISOString();
      ends.set(day, end);
    }
    return end;
  };
  const instant = (daysAgo: number): string => new Date(now - Math.floor(daysAgo * 86_400_000)).toISOString();
  return Array.from({ length: count }, (_, index) => {
    const id = index + 1;
    const role = ROLE_ITEMS[Math.floor(random() * ROLE_ITEMS.length)] as RoleItem;
    const expiresOn = random() < 0.25 ? null : addDays(today, Math.floor(random() * 500) - 100);
    const created = instant(random() * 700 + 1);
    const used = random() < 0.7;
    return {
      id,
      name: `${SYSTEMS[id % SYSTEMS.length]} ${KINDS[id % KINDS.length]} ${String(id).padStart(6, '0')}`,
      roleId: role.id,
      roleName: role.name,
      permissions: [...role.modules],
      whitelist: Array.from({ length: Math.floor(random() * 4) }, (_, e) => `10.${(id >> 8) & 255}.${id & 255}.${e * 16}/28`),
      expiresOn,
      expiresAt: expiresOn === null ? null : endOf(expiresOn),
      status: 'active',
      createdAt: created,
      createdBy: { id: 1, name: 'Ada Admin' },
      updatedAt: created,
      lastUsedAt: used ? instant(random() * 120) : null,
      lastUsedIp: used ? `10.${(id >> 8) & 255}.${id & 255}.5` : null,
      secretHint: `wfx_${id.toString(36).padStart(4, '0').slice(-4)}`,
      version: 1,
    };
  });
}

/**
 * The same inventory a while later: `share` of the tokens touched, split between edits (name,
 * role, whitelist, expiry), deletions and new tokens.
 */
export function laterInventory(before: readonly IdentificationToken[], share: number, seed = 13): IdentificationToken[] {
  const random = seededRandom(seed);
  const touched = Math.round(before.length * share);
  const removed = Math.round(touched * 0.2);
  const added = Math.round(touched * 0.2);
  const edited = touched - removed - added;
  const after = before.map((token) => ({ ...token }));
  const picks = new Set<number>();
  while (picks.size < edited + removed) picks.add(Math.floor(random() * after.length));
  const chosen = [...picks];
  chosen.slice(0, edited).forEach((i, n) => {
    const token = after[i] as IdentificationToken;
    switch (n % 4) {
      case 0:
        token.name = `${token.name} renamed`;
        break;
      case 1: {
        const role = ROLE_ITEMS[(ROLE_ITEMS.findIndex((r) => r.id === token.roleId) + 1) % ROLE_ITEMS.length] as RoleItem;
        Object.assign(token, { roleId: role.id, roleName: role.name, permissions: [...role.modules] });
        break;
      }
      case 2:
        token.whitelist = [...token.whitelist, '203.0.113.0/24'];
        break;
      default:
        token.expiresOn = token.expiresOn === null ? '2031-01-31' : null;
        token.expiresAt = token.expiresOn === null ? null : expiryEnd(token.expiresOn, INVENTORY_TIME_ZONE).toISOString();
    }
    token.version += 1;
  });
  const gone = new Set(chosen.slice(edited));
  const kept = after.filter((_, i) => !gone.has(i));
  const maxId = before.reduce((max, token) => Math.max(max, token.id), 0);
  const fresh = generateTokens(added, seed + 1).map((token, i) => ({ ...token, id: maxId + i + 1, name: `New ${token.name} ${i}` }));
  return [...kept, ...fresh];
}

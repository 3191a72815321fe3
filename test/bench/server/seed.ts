import { addDays, secretHint, todayIn, tokenNameKey, validateWhitelist } from '../../../shared/domain';
import { buildServer } from '../../../server/src/app';
import { openStore } from '../../../server/src/db/open-store';
import { generateSecret, sha256 } from '../../../server/src/tokens/secrets';
import { seededRandom } from '../stats';

// The console harness signs in as this administrator; the bench uses the same one everywhere.
export const BENCH_ADMIN = { email: 'admin@wifox.local', password: 'Bench-Admin-Passw0rd!' };
// Password hashing is not what the bench measures: a cheap cost keeps set-up short.
export const BENCH_SCRYPT = { N: 1024, r: 8, p: 1 };

/** A migrated database with the demo organisation (roles, records) and the bench administrator. */
export async function prepareDatabase(dbPath: string): Promise<void> {
  const app = await buildServer({ dbPath, demo: true, admin: BENCH_ADMIN, scryptCost: BENCH_SCRYPT });
  await app.close();
}

export type TokenSpec = {
  name: string;
  role: string;
  whitelist: readonly string[];
  expiresOn: string | null;
  lastUsed?: { at: Date; ip: string };
};

export type SeededToken = { id: number; name: string; secret: string };

/**
 * Inserts tokens straight through the repository in one transaction (10,000 take well under a
 * second, where the admin API would take minutes). Whitelists are validated and stored in
 * canonical form, exactly as the API would store them.
 */
export async function insertTokens(dbPath: string, specs: readonly TokenSpec[], owner = BENCH_ADMIN.email): Promise<SeededToken[]> {
  const store = await openStore(dbPath);
  try {
    const creator = await store.repos.employees.findByEmail(owner);
    if (!creator) throw new Error(`No employee ${owner}.`);
    const roleIds = new Map<string, number>();
    for (const role of await store.repos.roles.list()) roleIds.set(role.name, role.id);
    const roleId = (name: string): number => {
      const id = roleIds.get(name);
      if (id === undefined) throw new Error(`No role ${name}.`);
      return id;
    };
    const now = new Date();
    return await store.transaction(async ({ tokens }) => {
      const seeded: SeededToken[] = [];
      for (const spec of specs) {
        const checked = validateWhitelist(spec.whitelist);
        if (!checked.ok) throw new Error(`Bench whitelist of ${spec.name} is invalid: ${checked.errors[0]?.message ?? ''}`);
        const secret = generateSecret();
        const id = await tokens.insert(
          {
            name: spec.name,
            nameKey: tokenNameKey(spec.name),
            roleId: roleId(spec.role),
            whitelist: checked.entries,
            expiresOn: spec.expiresOn,
            secretHash: sha256(secret),
            secretHint: secretHint(secret),
            createdBy: creator.id,
          },
          now,
        );
        if (spec.lastUsed) await tokens.recordUse(id, spec.lastUsed.at, spec.lastUsed.ip);
        seeded.push({ id, name: spec.name, secret });
      }
      return seeded;
    });
  } finally {
    await store.close();
  }
}

/**
 * 50 entries, IPv4 and IPv6, single addresses and CIDR ranges, none covering another. With
 * `allowLoopback` one of them (in the middle) is 127.0.0.1, the address autocannon comes from;
 * without, that entry is another address, so loopback is refused.
 */
export function fiftyEntryWhitelist(allowLoopback: boolean): string[] {
  const v4 = Array.from({ length: 20 }, (_, i) => `198.51.100.${i * 3 + 1}`);
  const v4Ranges = Array.from({ length: 15 }, (_, i) => `10.${i * 7}.0.0/16`);
  const v6 = Array.from({ length: 7 }, (_, i) => `2001:db8:${i + 1}::${(i + 1) * 17}`);
  const v6Ranges = Array.from({ length: 7 }, (_, i) => `2001:db8:${(i + 1) * 1000}::/48`);
  const middle = allowLoopback ? '127.0.0.1' : '192.0.2.77';
  return [...v4.slice(0, 10), ...v6, ...v4Ranges, middle, ...v6Ranges, ...v4.slice(10)];
}

const ROLES = ['Read-only Clients', 'CB Accounts & Transactions', 'Clients, Actions, Logs', 'Analytics Only', 'Full CB Access', 'Agent', 'Desk manager'];
const SYSTEMS = ['Billing', 'Reporting', 'Webhook', 'Fraud', 'Backoffice', 'Payments', 'Onboarding', 'Ledger', 'Support', 'Analytics', 'Mobile', 'Partner'];
const KINDS = ['sync', 'export', 'listener', 'gateway', 'script', 'service', 'worker', 'bridge'];
const REGIONS = ['eu', 'us', 'asia', 'latam', 'uk', 'ch'];

/** `count` varied tokens: names, roles, whitelists, expiry (past, soon, later, never), usage. */
export function bulkTokenSpecs(count: number, seed = 7): TokenSpec[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const today = todayIn('UTC', new Date());
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => {
    const entries = Math.floor(random() * 5);
    const whitelist = Array.from({ length: entries }, (_, e) =>
      random() < 0.7 ? `10.${(i >> 8) & 255}.${i & 255}.${e * 16}/28` : `2001:db8:${(i % 65000).toString(16)}:${e}::/64`,
    );
    const roll = random();
    const expiresOn = roll < 0.3 ? null : addDays(today, Math.floor(random() * 400) - (roll < 0.4 ? 400 : 0));
    const spec: TokenSpec = {
      name: `${pick(SYSTEMS)} ${pick(KINDS)} ${pick(REGIONS)} ${String(i + 1).padStart(5, '0')}`,
      role: pick(ROLES),
      whitelist,
      expiresOn,
    };
    if (random() < 0.6) spec.lastUsed = { at: new Date(now - Math.floor(random() * 90 * 86_400_000)), ip: `10.${(i >> 8) & 255}.${i & 255}.5` };
    return spec;
  });
}

import { describe, expect, it } from 'vitest';
import {
  MODULE_GROUP_NAMES,
  MODULE_GROUPS,
  MODULE_KEYS,
  MODULES,
  childModules,
  moduleByKey,
  moduleKeySchema,
  moduleName,
  type ModuleGroup,
  type ModuleKey,
} from '../../../shared/domain';

describe('module catalog', () => {
  it('lists every Wifox module with its display name, in catalog order', () => {
    expect(MODULES.map((m) => m.name)).toEqual([
      'Projects', 'Desks', 'Employees', 'Roles', 'Affiliate Hub', 'Settings',
      'Clients', 'KYC Documents', 'Requests', 'Actions', 'Client area',
      'CB Accounts', 'CB Transactions', 'CB Assets', 'CB Wallets', 'Company fees', 'Payment Methods',
      'Platforms', 'Banks', 'Cards', 'Invoices',
      'Logs', 'Analytics', 'Security',
    ]);
  });

  it('has one entry per key, in the order of MODULE_KEYS', () => {
    expect(MODULES.map((m) => m.key)).toEqual([...MODULE_KEYS]);
    expect(new Set(MODULE_KEYS).size).toBe(24);
  });

  it('uses kebab-case keys', () => {
    for (const key of MODULE_KEYS) expect(key).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });

  it('groups modules as the Wifox documentation does', () => {
    const inGroup = (group: ModuleGroup) => MODULES.filter((m) => m.group === group).map((m) => m.key);
    expect(inGroup('organisation')).toEqual(['projects', 'desks', 'employees', 'roles', 'affiliate-hub', 'settings']);
    expect(inGroup('clients')).toEqual(['clients', 'kyc-documents', 'requests', 'actions', 'client-area']);
    expect(inGroup('core-banking')).toHaveLength(10);
    expect(inGroup('oversight')).toEqual(['logs', 'analytics', 'security']);
    expect(MODULE_GROUPS.map((g) => MODULE_GROUP_NAMES[g])).toEqual(['Organisation', 'Clients', 'Core banking', 'Oversight']);
  });

  it('links parents to children (view on a parent reaches them)', () => {
    expect(childModules('projects')).toEqual(['desks', 'employees']);
    expect(childModules('clients')).toEqual(['kyc-documents', 'requests']);
    expect(childModules('security')).toEqual([]);
    expect(childModules('desks')).toEqual([]);
    const withParent = MODULES.filter((m) => m.parent !== null).map((m) => m.key);
    expect(withParent).toEqual(['desks', 'employees', 'kyc-documents', 'requests']);
  });

  it('keeps parents in the same group and before their children', () => {
    for (const m of MODULES) {
      if (m.parent === null) continue;
      const parent = moduleByKey(m.parent);
      expect(parent.group).toBe(m.group);
      expect(MODULE_KEYS.indexOf(parent.key)).toBeLessThan(MODULE_KEYS.indexOf(m.key));
    }
  });

  it('looks modules up by key', () => {
    expect(moduleByKey('affiliate-hub')).toEqual({ key: 'affiliate-hub', name: 'Affiliate Hub', group: 'organisation', parent: null });
    expect(moduleName('kyc-documents')).toBe('KYC Documents');
    expect(moduleName('security')).toBe('Security');
    expect(() => moduleByKey('buckets' as ModuleKey)).toThrow(/Unknown module/);
  });

  it('recognises keys', () => {
    expect(moduleKeySchema.safeParse('cb-wallets').success).toBe(true);
    expect(moduleKeySchema.safeParse('buckets').success).toBe(false);
  });
});

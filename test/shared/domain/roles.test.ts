import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MANAGE_RIGHTS,
  MODULE_KEYS,
  NEEDED_RIGHTS,
  PRIVILEGED_MODULES,
  ROLE_TEMPLATES,
  ROLE_TYPE_LABELS,
  VIEW_RIGHTS,
  assignableRoles,
  canAssignRole,
  effectiveRights,
  grants,
  hasPrivilegedManageRights,
  reachableModuleNames,
  reachableModules,
  roleSchema,
  type ManageRight,
  type NeededRight,
  type Role,
  type RoleRights,
} from '../../../shared/domain';

const role = (rights: RoleRights, rank = 5): Role => ({ id: 'r1', name: 'Test role', type: 'employee', rank, rights });

describe('effectiveRights', () => {
  it('gives the children of a viewed parent the same view, and no manage rights', () => {
    const effective = effectiveRights({ projects: { view: 'own', manage: ['manage_own', 'delete'] } });
    expect(effective).toEqual({
      projects: { view: 'own', manage: ['manage_own', 'delete'] },
      desks: { view: 'own', manage: [] },
      employees: { view: 'own', manage: [] },
    });
  });

  it('keeps a child view that is broader than the parent view', () => {
    const effective = effectiveRights({ clients: { view: 'own', manage: [] }, requests: { view: 'all', manage: ['delete'] } });
    expect(effective.requests).toEqual({ view: 'all', manage: ['delete'] });
    expect(effective['kyc-documents']).toEqual({ view: 'own', manage: [] });
  });

  it('widens a narrower child view to the parent view', () => {
    const effective = effectiveRights({ clients: { view: 'all', manage: [] }, 'kyc-documents': { view: 'own', manage: ['create_edit'] } });
    expect(effective['kyc-documents']).toEqual({ view: 'all', manage: ['create_edit'] });
  });

  it('passes nothing down from a parent with manage rights only', () => {
    expect(effectiveRights({ clients: { view: 'none', manage: ['manage_all'] } })).toEqual({ clients: { view: 'none', manage: ['manage_all'] } });
  });

  it('drops modules with no right at all and never inherits upwards', () => {
    expect(effectiveRights({ logs: { view: 'none', manage: [] }, desks: { view: 'all', manage: [] } })).toEqual({ desks: { view: 'all', manage: [] } });
  });

  it('does not change its input', () => {
    const rights: RoleRights = { projects: { view: 'all', manage: ['delete', 'create_edit'] } };
    const copy = structuredClone(rights);
    effectiveRights(rights);
    expect(rights).toEqual(copy);
  });
});

describe('reachableModules', () => {
  it('lists modules with any view or manage right after inheritance, in catalog order', () => {
    const rights: RoleRights = {
      security: { view: 'none', manage: ['create_edit'] },
      clients: { view: 'own', manage: [] },
      'cb-accounts': { view: 'all', manage: [] },
      analytics: { view: 'none', manage: [] },
    };
    expect(reachableModules(rights)).toEqual(['clients', 'kyc-documents', 'requests', 'cb-accounts', 'security']);
    expect(reachableModuleNames(rights)).toEqual(['Clients', 'KYC Documents', 'Requests', 'CB Accounts', 'Security']);
  });

  it('accepts a role as well as bare rights', () => {
    expect(reachableModuleNames(role({ 'cb-wallets': { view: 'own', manage: [] } }))).toEqual(['CB Wallets']);
    expect(reachableModules(role({}))).toEqual([]);
  });
});

describe('grants', () => {
  const cases: [string, RoleRights[keyof RoleRights], NeededRight['right'], boolean][] = [
    ['view all satisfies view own', { view: 'all', manage: [] }, 'view_own', true],
    ['view all satisfies view all', { view: 'all', manage: [] }, 'view_all', true],
    ['view own satisfies view own', { view: 'own', manage: [] }, 'view_own', true],
    ['view own does not satisfy view all', { view: 'own', manage: [] }, 'view_all', false],
    ['no view satisfies no view right', { view: 'none', manage: [] }, 'view_own', false],
    ['manage all satisfies manage own', { view: 'none', manage: ['manage_all'] }, 'manage_own', true],
    ['manage all satisfies create/edit', { view: 'none', manage: ['manage_all'] }, 'create_edit', true],
    ['manage own satisfies create/edit', { view: 'none', manage: ['manage_own'] }, 'create_edit', true],
    ['manage own does not satisfy manage all', { view: 'none', manage: ['manage_own'] }, 'manage_all', false],
    ['create/edit does not satisfy manage own', { view: 'all', manage: ['create_edit'] }, 'manage_own', false],
    ['manage all does not satisfy delete', { view: 'all', manage: ['manage_all', 'create_edit'] }, 'delete', false],
    ['delete satisfies delete', { view: 'none', manage: ['delete'] }, 'delete', true],
    ['delete satisfies nothing else', { view: 'none', manage: ['delete'] }, 'create_edit', false],
    ['manage does not imply view', { view: 'none', manage: ['manage_all', 'delete', 'create_edit', 'manage_own'] }, 'view_own', false],
    ['view does not imply manage', { view: 'all', manage: [] }, 'create_edit', false],
  ];
  it.each(cases)('%s', (_name, moduleRights, right, expected) => {
    expect(grants({ 'cb-accounts': moduleRights }, { module: 'cb-accounts', right })).toBe(expected);
  });

  it('applies parent view inheritance', () => {
    expect(grants({ projects: { view: 'all', manage: [] } }, { module: 'employees', right: 'view_all' })).toBe(true);
    expect(grants({ projects: { view: 'own', manage: [] } }, { module: 'desks', right: 'view_all' })).toBe(false);
    expect(grants({ clients: { view: 'own', manage: [] } }, { module: 'kyc-documents', right: 'view_own' })).toBe(true);
    expect(grants({ desks: { view: 'all', manage: [] } }, { module: 'projects', right: 'view_own' })).toBe(false);
  });

  it('never inherits manage rights', () => {
    expect(grants({ clients: { view: 'all', manage: ['manage_all'] } }, { module: 'requests', right: 'create_edit' })).toBe(false);
  });

  it('grants nothing on modules absent from the rights', () => {
    expect(grants({ clients: { view: 'all', manage: ['manage_all'] } }, { module: 'logs', right: 'view_own' })).toBe(false);
    expect(grants({}, { module: 'clients', right: 'view_own' })).toBe(false);
  });

  const moduleRightsArb = fc.record({
    view: fc.constantFrom(...VIEW_RIGHTS),
    manage: fc.subarray([...MANAGE_RIGHTS]),
  });
  const rightsArb = fc.dictionary(fc.constantFrom(...MODULE_KEYS), moduleRightsArb, { maxKeys: 8 }) as fc.Arbitrary<RoleRights>;
  const neededArb = fc.record({ module: fc.constantFrom(...MODULE_KEYS), right: fc.constantFrom(...NEEDED_RIGHTS) });

  it('is monotonic: adding rights never takes a grant away', () => {
    fc.assert(
      fc.property(rightsArb, rightsArb, neededArb, (a, b, needed) => {
        const union: RoleRights = { ...a };
        for (const key of MODULE_KEYS) {
          const x = a[key];
          const y = b[key];
          if (!y) continue;
          const view = !x ? y.view : x.view === 'all' || y.view === 'all' ? 'all' : x.view === 'own' || y.view === 'own' ? 'own' : 'none';
          union[key] = { view, manage: [...new Set<ManageRight>([...(x?.manage ?? []), ...y.manage])] };
        }
        if (grants(a, needed)) expect(grants(union, needed)).toBe(true);
      }),
    );
  });

  it('agrees with effectiveRights on every module and right', () => {
    fc.assert(
      fc.property(rightsArb, neededArb, (rights, needed) => {
        const effective = effectiveRights(rights)[needed.module];
        const view = effective?.view ?? 'none';
        const manage = effective?.manage ?? [];
        const expected: Record<NeededRight['right'], boolean> = {
          view_own: view !== 'none',
          view_all: view === 'all',
          create_edit: manage.some((m) => m !== 'delete'),
          manage_own: manage.includes('manage_own') || manage.includes('manage_all'),
          manage_all: manage.includes('manage_all'),
          delete: manage.includes('delete'),
        };
        expect(grants(rights, needed)).toBe(expected[needed.right]);
      }),
    );
  });

  it('agrees with reachableModules: a granted module is reachable', () => {
    fc.assert(
      fc.property(rightsArb, neededArb, (rights, needed) => {
        if (grants(rights, needed)) expect(reachableModules(rights)).toContain(needed.module);
      }),
    );
  });
});

describe('role ranking', () => {
  it('lets an admin assign roles ranked equal to or below their own', () => {
    expect(canAssignRole(4, 4)).toBe(true);
    expect(canAssignRole(4, 5)).toBe(true);
    expect(canAssignRole(4, 99)).toBe(true);
    expect(canAssignRole(4, 3)).toBe(false);
    expect(canAssignRole(1, 1)).toBe(true);
    expect(canAssignRole(2, 1)).toBe(false);
  });

  it('refuses malformed ranks', () => {
    expect(canAssignRole(0, 5)).toBe(false);
    expect(canAssignRole(1.5, 5)).toBe(false);
    expect(canAssignRole(1, 0)).toBe(false);
    expect(canAssignRole(1, Number.NaN)).toBe(false);
    expect(canAssignRole(Number.NaN, 1)).toBe(false);
  });

  it('filters and sorts assignable roles by rank, keeping input order on ties', () => {
    const roles = [
      { id: 'a', rank: 3 },
      { id: 'b', rank: 5 },
      { id: 'c', rank: 4 },
      { id: 'd', rank: 4 },
      { id: 'e', rank: 1 },
    ];
    expect(assignableRoles(4, roles).map((r) => r.id)).toEqual(['c', 'd', 'b']);
    expect(assignableRoles(1, roles).map((r) => r.id)).toEqual(['e', 'a', 'c', 'd', 'b']);
    expect(assignableRoles(6, roles)).toEqual([]);
  });
});

describe('hasPrivilegedManageRights', () => {
  it('flags manage rights on Security, Roles or Employees', () => {
    expect(PRIVILEGED_MODULES).toEqual(['security', 'roles', 'employees']);
    expect(hasPrivilegedManageRights({ security: { view: 'none', manage: ['create_edit'] } })).toBe(true);
    expect(hasPrivilegedManageRights({ roles: { view: 'all', manage: ['delete'] } })).toBe(true);
    expect(hasPrivilegedManageRights({ employees: { view: 'own', manage: ['manage_own'] } })).toBe(true);
  });

  it('ignores view rights and other modules', () => {
    expect(hasPrivilegedManageRights({ security: { view: 'all', manage: [] }, roles: { view: 'all', manage: [] } })).toBe(false);
    expect(hasPrivilegedManageRights({ 'cb-accounts': { view: 'all', manage: ['manage_all', 'delete'] } })).toBe(false);
    // Manage rights are never inherited from Projects, so Employees stays unprivileged.
    expect(hasPrivilegedManageRights({ projects: { view: 'all', manage: ['manage_all'] } })).toBe(false);
    expect(hasPrivilegedManageRights({})).toBe(false);
  });
});

describe('roleSchema', () => {
  it('accepts a valid role', () => {
    const value = { id: 'r', name: 'Read-only Clients', type: 'employee', rank: 3, rights: { clients: { view: 'all', manage: [] } } };
    expect(roleSchema.parse(value)).toEqual(value);
  });

  it('refuses ranks below 1 or fractional, unknown types and empty names', () => {
    const base = { id: 'r', name: 'X', type: 'affiliate', rank: 1, rights: {} };
    expect(roleSchema.safeParse(base).success).toBe(true);
    expect(roleSchema.safeParse({ ...base, rank: 0 }).success).toBe(false);
    expect(roleSchema.safeParse({ ...base, rank: 2.5 }).success).toBe(false);
    expect(roleSchema.safeParse({ ...base, type: 'partner' }).success).toBe(false);
    expect(roleSchema.safeParse({ ...base, name: '   ' }).success).toBe(false);
    expect(roleSchema.safeParse({ ...base, id: '' }).success).toBe(false);
  });

  it('labels role types', () => {
    expect(ROLE_TYPE_LABELS).toEqual({ employee: 'Employee', affiliate: 'Affiliate' });
  });
});

describe('ROLE_TEMPLATES', () => {
  const byName = (name: string) => {
    const template = ROLE_TEMPLATES.find((t) => t.name === name);
    if (!template) throw new Error(`missing template ${name}`);
    return template;
  };
  const agent = byName('Agent');
  const deskManager = byName('Desk manager');
  const projectAdmin = byName('Project admin');

  it('holds the three Wifox templates as valid employee roles, most privileged first', () => {
    expect(ROLE_TEMPLATES.map((t) => t.name)).toEqual(['Project admin', 'Desk manager', 'Agent']);
    for (const template of ROLE_TEMPLATES) {
      expect(roleSchema.safeParse({ id: 'x', ...template }).success).toBe(true);
      expect(template.type).toBe('employee');
    }
    expect(projectAdmin.rank).toBeLessThan(deskManager.rank);
    expect(deskManager.rank).toBeLessThan(agent.rank);
    expect(agent.rank).toBeGreaterThan(1);
  });

  it('gives the Agent own views and manage own on clients only', () => {
    expect(grants(agent.rights, { module: 'projects', right: 'view_own' })).toBe(true);
    expect(grants(agent.rights, { module: 'projects', right: 'view_all' })).toBe(false);
    expect(grants(agent.rights, { module: 'clients', right: 'view_own' })).toBe(true);
    expect(grants(agent.rights, { module: 'clients', right: 'view_all' })).toBe(false);
    expect(grants(agent.rights, { module: 'requests', right: 'view_own' })).toBe(true);
    expect(grants(agent.rights, { module: 'company-fees', right: 'view_own' })).toBe(true);
    expect(grants(agent.rights, { module: 'clients', right: 'manage_own' })).toBe(true);
    expect(grants(agent.rights, { module: 'clients', right: 'manage_all' })).toBe(false);
    expect(grants(agent.rights, { module: 'projects', right: 'create_edit' })).toBe(false);
    expect(hasPrivilegedManageRights(agent.rights)).toBe(false);
  });

  it('gives the Desk manager all clients and manage rights on projects, desks, clients and requests', () => {
    expect(grants(deskManager.rights, { module: 'clients', right: 'view_all' })).toBe(true);
    expect(grants(deskManager.rights, { module: 'clients', right: 'manage_all' })).toBe(true);
    expect(grants(deskManager.rights, { module: 'projects', right: 'manage_own' })).toBe(true);
    expect(grants(deskManager.rights, { module: 'desks', right: 'manage_own' })).toBe(true);
    expect(grants(deskManager.rights, { module: 'requests', right: 'create_edit' })).toBe(true);
    expect(grants(deskManager.rights, { module: 'desks', right: 'view_all' })).toBe(false);
    expect(grants(deskManager.rights, { module: 'employees', right: 'create_edit' })).toBe(false);
  });

  it('gives the Project admin all desks and manage rights on employees', () => {
    expect(grants(projectAdmin.rights, { module: 'desks', right: 'view_all' })).toBe(true);
    expect(grants(projectAdmin.rights, { module: 'employees', right: 'manage_own' })).toBe(true);
    expect(hasPrivilegedManageRights(projectAdmin.rights)).toBe(true);
  });

  it('widens each template from the previous one', () => {
    for (const needed of MODULE_KEYS.flatMap((module) => NEEDED_RIGHTS.map((right) => ({ module, right })))) {
      if (grants(agent.rights, needed)) expect(grants(deskManager.rights, needed)).toBe(true);
      if (grants(deskManager.rights, needed)) expect(grants(projectAdmin.rights, needed)).toBe(true);
    }
    expect(reachableModuleNames(agent.rights)).toEqual(['Projects', 'Desks', 'Employees', 'Settings', 'Clients', 'KYC Documents', 'Requests', 'Company fees']);
  });
});

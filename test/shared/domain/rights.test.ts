import { describe, expect, it } from 'vitest';
import {
  MANAGE_RIGHTS,
  MANAGE_RIGHT_LABELS,
  NEEDED_RIGHTS,
  RIGHT_LABELS,
  VIEW_RIGHT_LABELS,
  broaderView,
  manageRightSchema,
  moduleRightsSchema,
  neededRightSchema,
  roleRightsSchema,
  sortManageRights,
  viewRightSchema,
} from '../../../shared/domain';

describe('rights', () => {
  it('labels every right as the Wifox role editor does', () => {
    expect(NEEDED_RIGHTS.map((r) => RIGHT_LABELS[r])).toEqual([
      'View own', 'View all', 'Create/Edit', 'Manage own', 'Manage all', 'Delete',
    ]);
    expect(VIEW_RIGHT_LABELS).toEqual({ none: 'None', own: 'View own', all: 'View all' });
    expect(MANAGE_RIGHTS.map((r) => MANAGE_RIGHT_LABELS[r])).toEqual(['Create/Edit', 'Manage own', 'Manage all', 'Delete']);
  });

  it('orders view rights', () => {
    expect(broaderView('own', 'all')).toBe('all');
    expect(broaderView('all', 'none')).toBe('all');
    expect(broaderView('none', 'own')).toBe('own');
    expect(broaderView('none', 'none')).toBe('none');
  });

  it('sorts and deduplicates manage rights', () => {
    expect(sortManageRights(['delete', 'create_edit', 'delete', 'manage_all'])).toEqual(['create_edit', 'manage_all', 'delete']);
    expect(sortManageRights([])).toEqual([]);
  });

  it('validates single rights', () => {
    expect(viewRightSchema.safeParse('own').success).toBe(true);
    expect(viewRightSchema.safeParse('read').success).toBe(false);
    expect(manageRightSchema.safeParse('manage_own').success).toBe(true);
    expect(manageRightSchema.safeParse('manage').success).toBe(false);
  });

  it('validates module rights and refuses repeated manage rights', () => {
    expect(moduleRightsSchema.parse({ view: 'all', manage: ['create_edit', 'delete'] })).toEqual({ view: 'all', manage: ['create_edit', 'delete'] });
    expect(moduleRightsSchema.safeParse({ view: 'all', manage: ['delete', 'delete'] }).success).toBe(false);
    expect(moduleRightsSchema.safeParse({ view: 'all' }).success).toBe(false);
  });

  it('validates role rights keyed by module and refuses unknown modules', () => {
    const rights = { clients: { view: 'own', manage: [] }, 'cb-accounts': { view: 'all', manage: ['manage_all'] } };
    expect(roleRightsSchema.parse(rights)).toEqual(rights);
    expect(roleRightsSchema.parse({})).toEqual({});
    expect(roleRightsSchema.safeParse({ buckets: { view: 'own', manage: [] } }).success).toBe(false);
    expect(roleRightsSchema.safeParse({ clients: { view: 'some', manage: [] } }).success).toBe(false);
  });

  it('validates needed rights', () => {
    expect(neededRightSchema.parse({ module: 'logs', right: 'view_all' })).toEqual({ module: 'logs', right: 'view_all' });
    expect(neededRightSchema.safeParse({ module: 'logs', right: 'all' }).success).toBe(false);
    expect(neededRightSchema.safeParse({ module: 'log', right: 'view_all' }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { checkRoleDraft, reachChanges, rightsChanges, roleInUseMessage, unionRights } from '../../../shared/domain';

describe('role rules', () => {
  it('joins several roles into the broadest view and every manage right, linked views included', () => {
    const joined = unionRights([{ clients: { view: 'own', manage: ['delete'] } }, { clients: { view: 'all', manage: ['create_edit'] } }]);
    expect(joined.clients).toEqual({ view: 'all', manage: ['create_edit', 'delete'] });
    expect(joined['kyc-documents']).toEqual({ view: 'all', manage: [] });
  });

  it('refuses a rank at or above the author and rights the author lacks, but lets kept and narrowed rights stay', () => {
    const author = { rank: 3, rights: { clients: { view: 'own' as const, manage: ['manage_all' as const] } } };
    expect(checkRoleDraft({ rank: 3, rights: { clients: { view: 'all', manage: ['create_edit', 'delete'] } } }, author)).toEqual([
      { field: 'rank', message: 'Choose a rank above 3: you can only define roles ranked below your own (rank 3).' },
      { field: 'rights.clients', message: 'You cannot grant "View all", "Delete" on Clients: you do not hold it yourself.' },
    ]);
    const before = { rights: { logs: { view: 'all' as const, manage: ['delete' as const] } } };
    expect(checkRoleDraft({ rank: 4, rights: { logs: { view: 'own', manage: ['delete'] } } }, author, before)).toEqual([]);
    expect(checkRoleDraft({ name: '   ' }, author)).toEqual([{ field: 'name', message: 'Enter a name.' }]);
  });

  it('describes changes per module and the modules holders gain and lose', () => {
    const before = { clients: { view: 'all' as const, manage: [] } };
    const after = { logs: { view: 'own' as const, manage: ['delete' as const] } };
    expect(rightsChanges(before, after)).toEqual({ 'rights.clients': ['View all', 'None'], 'rights.logs': ['None', 'View own, Delete'] });
    expect(reachChanges(before, after)).toEqual({ gained: ['logs'], lost: ['clients', 'kyc-documents', 'requests'] });
    expect(roleInUseMessage('Ops', 1, 0)).toBe('The role "Ops" is in use by 1 identification token. Move them to another role in the same request.');
  });
});

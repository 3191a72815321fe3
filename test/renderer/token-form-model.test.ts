import { describe, expect, it } from 'vitest';
import type { IdentificationToken } from '../../shared/api/tokens';
import {
  changedFields,
  formValuesOf,
  isEdited,
  newWhitelistRow,
  rebaseValues,
  validateTokenForm,
  type FormContext,
  type TokenFormValues,
} from '../../renderer/tokens/form/tokenFormModel';
import { filterTokens, sortTokens, tokenOrder } from '../../renderer/common/token-list/filterTokens';
import { DEFAULT_LIST_PREFS } from '../../renderer/common/token-list/listPrefs';

const token = (over: Partial<IdentificationToken> = {}): IdentificationToken => ({
  id: 1,
  name: 'BackendAutomation',
  roleId: 3,
  roleName: 'CB Accounts & Transactions',
  permissions: ['CB Accounts', 'CB Transactions'],
  whitelist: ['192.168.31.0/24'],
  expiresOn: '2030-01-31',
  expiresAt: '2030-01-31T23:00:00.000Z',
  status: 'active',
  createdAt: '2025-01-01T00:00:00.000Z',
  createdBy: { id: 1, name: 'Ada' },
  updatedAt: '2025-01-01T00:00:00.000Z',
  lastUsedAt: null,
  lastUsedIp: null,
  secretHint: 'wfx_AbCd',
  version: 4,
  ...over,
});

const context: FormContext = {
  existingNames: [
    { id: '1', name: 'BackendAutomation' },
    { id: '2', name: 'WebhookListener' },
  ],
  exceptId: '1',
  assignableRoleIds: new Set([3, 4]),
  currentRoleId: 3,
  currentExpiresOn: '2030-01-31',
  now: new Date('2026-06-01T10:00:00Z'),
  timeZone: 'UTC',
};

const withWhitelist = (values: TokenFormValues, entries: string[]): TokenFormValues => ({
  ...values,
  whitelist: entries.map((entry) => newWhitelistRow(entry)),
});

describe('the token form model', () => {
  it('sends nothing when nothing changed, and only the changed fields otherwise', () => {
    const base = token();
    const same = formValuesOf(base);
    expect(changedFields(base, same, validateTokenForm(same, context))).toEqual({});
    expect(isEdited(same, same)).toBe(false);

    const edited = withWhitelist({ ...same, roleId: 4 }, ['192.168.31.0/24', ' 10.0.0.0/8 ', '']);
    expect(changedFields(base, edited, validateTokenForm(edited, context))).toEqual({
      roleId: 4,
      whitelist: ['192.168.31.0/24', '10.0.0.0/8'],
    });
    // A blank row left by "+ New IP" is not an edit.
    expect(isEdited(same, withWhitelist(same, ['192.168.31.0/24', '']))).toBe(false);
  });

  it('refuses a clash with another token but not with the token itself, in any case', () => {
    const values = { ...formValuesOf(token()), name: 'webhooklistener' };
    expect(validateTokenForm(values, context).fields.name).toMatch(/already exists/);
    expect(validateTokenForm({ ...values, name: 'BACKENDAUTOMATION' }, context).fields.name).toBeUndefined();
  });

  it('keeps an expired date that was not touched, refuses a new past one', () => {
    const past = { ...context, currentExpiresOn: '2020-01-01' };
    const values = { ...formValuesOf(token({ expiresOn: '2020-01-01' })) };
    expect(validateTokenForm(values, past).fields.expiresOn).toBeUndefined();
    expect(validateTokenForm({ ...values, expiresOn: '2021-01-01' }, past).fields.expiresOn).toMatch(/cannot be in the past/);
  });

  it('after a reload keeps the fields the user edited and takes the others from the new version', () => {
    const oldBase = formValuesOf(token());
    const mine = { ...oldBase, roleId: 4 };
    const theirs = formValuesOf(token({ whitelist: ['192.168.31.0/24', '198.51.100.0/24'], expiresOn: null, version: 5 }));
    const merged = rebaseValues(mine, oldBase, theirs);
    expect(merged.roleId).toBe(4);
    expect(merged.expiresOn).toBeNull();
    expect(merged.whitelist.map((row) => row.value)).toEqual(['192.168.31.0/24', '198.51.100.0/24']);
  });
});

describe('filtering and sorting the list', () => {
  const tokens = [
    token({ id: 1, name: 'Token-10', expiresOn: null, lastUsedAt: '2025-02-01T00:00:00.000Z' }),
    token({ id: 2, name: 'token-9', expiresOn: '2030-01-01', lastUsedAt: null, status: 'expiring', roleId: 4 }),
    token({ id: 3, name: 'Other', expiresOn: '2029-01-01', lastUsedAt: '2025-03-01T00:00:00.000Z' }),
  ];
  const run = (over: Partial<typeof DEFAULT_LIST_PREFS>) =>
    filterTokens(sortTokens(tokens, tokenOrder({ ...DEFAULT_LIST_PREFS, ...over })), { ...DEFAULT_LIST_PREFS, ...over }).map((t) => t.name);

  it('sorts names naturally and ignoring case', () => {
    expect(run({})).toEqual(['Other', 'token-9', 'Token-10']);
    expect(run({ order: 'desc' })).toEqual(['Token-10', 'token-9', 'Other']);
  });

  it('puts tokens without a date last in either direction', () => {
    expect(run({ sort: 'expiresOn' })).toEqual(['Other', 'token-9', 'Token-10']);
    expect(run({ sort: 'expiresOn', order: 'desc' })).toEqual(['token-9', 'Other', 'Token-10']);
    expect(run({ sort: 'lastUsedAt', order: 'desc' })).toEqual(['Other', 'Token-10', 'token-9']);
  });

  it('filters by name without regard to case, by status and by role', () => {
    expect(run({ search: 'TOKEN' })).toEqual(['token-9', 'Token-10']);
    expect(run({ status: 'expiring' })).toEqual(['token-9']);
    expect(run({ roleId: 3 })).toEqual(['Other', 'Token-10']);
  });
});

import { describe, expect, it } from 'vitest';
import {
  DENY_REASONS,
  compileWhitelist,
  decideAccess,
  denialAuditReason,
  parseDenialReason,
  retiredSecretAuditReason,
  retiredSecretOf,
  type AccessInput,
  type RoleRights,
} from '../../../shared/domain';

const rights: RoleRights = {
  clients: { view: 'all', manage: ['manage_own'] },
  'cb-accounts': { view: 'own', manage: [] },
};

const base: AccessInput = {
  token: { expiresOn: '2026-03-20', whitelist: ['203.0.113.0/24', '2001:db8::/32'] },
  rights,
  clientAddress: '203.0.113.45',
  now: new Date('2026-03-10T12:00:00Z'),
  timeZone: 'UTC',
  needed: { module: 'clients', right: 'view_own' },
};

describe('decideAccess', () => {
  it('allows a known, current token from an allowed address with the needed right', () => {
    expect(decideAccess(base)).toEqual({ allow: true });
  });

  it('refuses an unknown token first, whatever else is wrong', () => {
    const decision = decideAccess({ ...base, token: null, rights: null, clientAddress: '198.51.100.1', needed: { module: 'security', right: 'delete' } });
    expect(decision).toEqual({ allow: false, reason: 'unknown_token', message: 'The token is unknown or has been deleted.' });
  });

  it('refuses an expired token before looking at the address or rights', () => {
    const decision = decideAccess({ ...base, now: new Date('2026-03-21T00:00:00Z'), clientAddress: '198.51.100.1', needed: { module: 'security', right: 'delete' } });
    expect(decision).toEqual({ allow: false, reason: 'expired', message: 'The token expired on 20/03/2026.' });
  });

  it('judges expiry in the organisation time zone', () => {
    const now = new Date('2026-03-20T12:00:00Z');
    expect(decideAccess({ ...base, now, timeZone: 'UTC' }).allow).toBe(true);
    expect(decideAccess({ ...base, now, timeZone: 'Pacific/Auckland' })).toMatchObject({ allow: false, reason: 'expired' });
  });

  it('lets a token work through the last minute of its last day', () => {
    expect(decideAccess({ ...base, now: new Date('2026-03-20T23:59:59.999Z') }).allow).toBe(true);
  });

  it('refuses an address outside the whitelist before looking at rights, naming the address seen', () => {
    const decision = decideAccess({ ...base, clientAddress: '::ffff:198.51.100.7', needed: { module: 'security', right: 'delete' } });
    expect(decision).toEqual({
      allow: false,
      reason: 'ip_not_allowed',
      message: "Requests from 198.51.100.7 are not allowed by the token's IP whitelist.",
    });
  });

  it('names an unparseable address as given', () => {
    expect(decideAccess({ ...base, clientAddress: 'unix-socket' })).toMatchObject({ reason: 'ip_not_allowed', message: expect.stringContaining('from unix-socket') as string });
    expect(decideAccess({ ...base, clientAddress: '' })).toMatchObject({ reason: 'ip_not_allowed', message: expect.stringContaining('from an unknown address') as string });
  });

  it('matches mapped addresses and IPv6 against the whitelist', () => {
    expect(decideAccess({ ...base, clientAddress: '::ffff:203.0.113.9' }).allow).toBe(true);
    expect(decideAccess({ ...base, clientAddress: '2001:db8:5::1' }).allow).toBe(true);
    expect(decideAccess({ ...base, clientAddress: '2001:db9::1' }).allow).toBe(false);
  });

  it('accepts a precompiled matcher', () => {
    const token = { expiresOn: null, whitelist: compileWhitelist(['10.0.0.0/8']) };
    expect(decideAccess({ ...base, token, clientAddress: '10.1.2.3' }).allow).toBe(true);
    expect(decideAccess({ ...base, token, clientAddress: '11.1.2.3' })).toMatchObject({ reason: 'ip_not_allowed' });
  });

  it('allows any address when the whitelist is empty', () => {
    expect(decideAccess({ ...base, token: { expiresOn: null, whitelist: [] }, clientAddress: '198.51.100.1' }).allow).toBe(true);
  });

  it('refuses a missing right naming the module and the right', () => {
    expect(decideAccess({ ...base, needed: { module: 'cb-accounts', right: 'view_all' } })).toEqual({
      allow: false,
      reason: 'insufficient_rights',
      message: 'The token\'s role lacks the "View all" right on CB Accounts.',
    });
    expect(decideAccess({ ...base, needed: { module: 'kyc-documents', right: 'create_edit' } })).toMatchObject({
      reason: 'insufficient_rights',
      message: 'The token\'s role lacks the "Create/Edit" right on KYC Documents.',
    });
  });

  it('accepts a broader right and inherited views', () => {
    expect(decideAccess({ ...base, needed: { module: 'clients', right: 'create_edit' } }).allow).toBe(true);
    expect(decideAccess({ ...base, needed: { module: 'requests', right: 'view_all' } }).allow).toBe(true);
  });

  it('refuses when the role is missing but a right is needed, and allows when none is needed', () => {
    expect(decideAccess({ ...base, rights: null })).toMatchObject({ reason: 'insufficient_rights' });
    expect(decideAccess({ ...base, rights: null, needed: null })).toEqual({ allow: true });
    expect(decideAccess({ ...base, rights: {}, needed: null })).toEqual({ allow: true });
  });

  it('never puts anything but the address, date, module and right in messages', () => {
    const decisions = [
      decideAccess({ ...base, token: null }),
      decideAccess({ ...base, now: new Date('2030-01-01T00:00:00Z') }),
      decideAccess({ ...base, clientAddress: '1.1.1.1' }),
      decideAccess({ ...base, needed: { module: 'logs', right: 'view_own' } }),
    ];
    expect(decisions.map((d) => (d.allow ? 'allow' : d.reason))).toEqual([...DENY_REASONS]);
    for (const d of decisions) if (!d.allow) expect(d.message).not.toMatch(/wfx_/);
  });
});

describe('the address a refusal names', () => {
  it('is the canonical address, else the text as given without its surrounding spaces, else a phrase', () => {
    const refused = (clientAddress: string) => {
      const decision = decideAccess({ ...base, clientAddress });
      return decision.allow ? null : decision.message;
    };
    expect(refused('::FFFF:198.51.100.7')).toBe("Requests from 198.51.100.7 are not allowed by the token's IP whitelist.");
    expect(refused('  unix socket\t')).toBe("Requests from unix socket are not allowed by the token's IP whitelist.");
    expect(refused(' \t ')).toBe("Requests from an unknown address are not allowed by the token's IP whitelist.");
  });
});

describe('denial reasons in the audit', () => {
  it('name a retired secret after the unknown-token code, and read back which one', () => {
    expect(retiredSecretAuditReason('deleted')).toBe('unknown_token:deleted');
    expect(retiredSecretAuditReason('rotated')).toBe('unknown_token:rotated');
    expect(retiredSecretOf('unknown_token:deleted')).toBe('deleted');
    expect(retiredSecretOf('unknown_token:rotated')).toBe('rotated');
    for (const reason of [undefined, '', 'unknown_token', 'unknown_token:', 'deleted', 'rotated']) expect(retiredSecretOf(reason), reason).toBeNull();
  });

  it('keep the right a refused request needed, and nothing else', () => {
    expect(denialAuditReason('insufficient_rights', { module: 'clients', right: 'view_all' })).toBe('insufficient_rights:clients:view_all');
    expect(denialAuditReason('insufficient_rights', null)).toBe('insufficient_rights');
    for (const reason of ['unknown_token', 'expired', 'ip_not_allowed'] as const) {
      expect(denialAuditReason(reason, { module: 'clients', right: 'view_all' })).toBe(reason);
    }
  });

  it('read back to the reason and the right', () => {
    for (const reason of DENY_REASONS) expect(parseDenialReason(reason)).toEqual({ reason, needed: null });
    expect(parseDenialReason('insufficient_rights:kyc-documents:create_edit')).toEqual({
      reason: 'insufficient_rights',
      needed: { module: 'kyc-documents', right: 'create_edit' },
    });
    expect(parseDenialReason('insufficient_rights:clients:fly')).toEqual({ reason: 'insufficient_rights', needed: null });
    expect(parseDenialReason('insufficient_rights:nowhere:view_all')).toEqual({ reason: 'insufficient_rights', needed: null });
    for (const text of ['', 'forbidden', 'EXPIRED', ':expired', 'expired_soon']) expect(parseDenialReason(text), text).toBeNull();
  });
});

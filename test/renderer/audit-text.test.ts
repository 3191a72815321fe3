import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/api/audit';
import { denialAuditReason, parseDenialReason, retiredSecretAuditReason } from '../../shared/domain';
import { eventSentences } from '../../renderer/common/audit-text/auditText';

const event = (over: Partial<AuditEvent>): AuditEvent => ({
  id: 1,
  at: '2026-03-04T09:15:00.000Z',
  actor: { type: 'employee', id: 7, name: 'Ada Admin' },
  action: 'token.updated',
  tokenId: 3,
  tokenName: 'ReportingScript',
  ip: '127.0.0.1',
  ...over,
});

describe('History sentences', () => {
  it('names the deleted token, or the rotation, a refused secret came from', () => {
    const refused = (why: 'deleted' | 'rotated') =>
      eventSentences(event({ action: 'token.denied', actor: { type: 'token', id: 3, name: 'Nightly' }, tokenName: 'Nightly', ip: '203.0.113.9', reason: retiredSecretAuditReason(why) }));
    expect(refused('deleted')).toEqual(['A request from 203.0.113.9 was refused: it used the secret of deleted token “Nightly”.']);
    expect(refused('rotated')).toEqual(['A request from 203.0.113.9 was refused: it used a rotated-out secret of token “Nightly”.']);
    // Still the unknown-token code to anything reading the code alone.
    expect(parseDenialReason(retiredSecretAuditReason('deleted'))).toEqual({ reason: 'unknown_token', needed: null });
  });

  it('tells a creation with what the token was given, dates as DD/MM/YYYY', () => {
    const created = event({
      action: 'token.created',
      changes: { name: [null, 'ReportingScript'], role: [null, 'Read-only Clients'], expiresOn: [null, '2026-12-31'], whitelist: [null, ['10.0.0.0/8']] },
    });
    expect(eventSentences(created)).toEqual([
      'Created as “ReportingScript” with role “Read-only Clients”, whitelist 10.0.0.0/8, expiry at the end of 31/12/2026.',
    ]);
    const open = event({ action: 'token.created', changes: { name: [null, 'Open'], role: [null, 'R'], expiresOn: [null, null], whitelist: [null, []] } });
    expect(eventSentences(open)).toEqual(['Created as “Open” with role “R”, no IP restriction, no expiry date.']);
  });

  it('tells each change as a sentence, never as raw values', () => {
    const updated = event({
      changes: {
        name: ['Old', 'New'],
        expiresOn: ['2026-12-31', null],
        whitelist: [['10.0.0.1', '10.0.0.2'], ['10.0.0.2', '2001:db8::/32']],
      },
    });
    expect(eventSentences(updated)).toEqual([
      'Renamed from “Old” to “New”.',
      'Expiry date 31/12/2026 removed: the token no longer expires.',
      'Whitelist: added 2001:db8::/32; removed 10.0.0.1.',
    ]);
    expect(eventSentences(event({ changes: { expiresOn: [null, '2027-01-05'] } }))).toEqual(['Expiry date set to 05/01/2027.']);
    expect(eventSentences(event({ changes: { whitelist: [['10.0.0.1'], []] } }))).toEqual([
      'Whitelist emptied: the token is now accepted from any address.',
    ]);
    expect(eventSentences(event({ changes: { owner: [null, 'Billing Team'], description: ['Old use', null] } }))).toEqual([
      'Owner set to “Billing Team”.',
      'Description “Old use” removed.',
    ]);
    expect(eventSentences(event({ changes: { owner: ['Ops', 'ops@example.com'] } }))).toEqual(['Owner changed from “Ops” to “ops@example.com”.']);
  });

  it('names the address of a whitelist refusal and the module and right of a rights refusal', () => {
    const denied = (reason: string) => event({ action: 'token.denied', actor: { type: 'token', id: 3, name: 'ReportingScript' }, ip: '198.51.100.9', reason });
    expect(eventSentences(denied('ip_not_allowed'))).toEqual([
      "A request from 198.51.100.9 was refused: that address is not in the token's whitelist.",
    ]);
    const reason = denialAuditReason('insufficient_rights', { module: 'clients', right: 'delete' });
    expect(parseDenialReason(reason)).toEqual({ reason: 'insufficient_rights', needed: { module: 'clients', right: 'delete' } });
    expect(eventSentences(denied(reason))).toEqual([
      'A request from 198.51.100.9 was refused: the token\'s role lacks the “Delete” right on Clients.',
    ]);
    expect(eventSentences(denied('expired'))).toEqual(['A request from 198.51.100.9 was refused: the token had expired.']);
    expect(denialAuditReason('ip_not_allowed', { module: 'clients', right: 'delete' })).toBe('ip_not_allowed');
  });
});

describe('rotation and leak events', () => {
  const base = { id: 1, at: '2030-06-15T12:00:00.000Z', tokenId: 3, tokenName: 'Rotated', ip: '203.0.113.7' };
  it('tells the rotation, the overlap end, the secret each call used and a public revocation, by hint only', () => {
    expect(eventSentences({ ...base, actor: { type: 'employee', id: 1, name: 'Ada' }, action: 'token.rotated',
      changes: { secret: ['wfx_AbCd', 'wfx_EfGh'], oldSecretValidUntil: [null, '2030-06-15T13:00:00.000Z'] } }))
      .toEqual(['Secret rotated from wfx_AbCd… to wfx_EfGh…: the old secret stays valid until 15/06/2030 13:00 UTC.']);
    expect(eventSentences({ ...base, actor: { type: 'employee', id: 1, name: 'Ada' }, action: 'token.rotated',
      changes: { secret: ['wfx_AbCd', 'wfx_EfGh'], oldSecretValidUntil: [null, null] } }))
      .toEqual(['Secret rotated from wfx_AbCd… to wfx_EfGh…: the old secret was refused at once.']);
    expect(eventSentences({ ...base, actor: { type: 'token', id: 3, name: 'Rotated' }, action: 'token.secret_used', reason: 'old secret wfx_AbCd' }))
      .toEqual(['Called from 203.0.113.7 with the old secret wfx_AbCd… during the rotation overlap.']);
    expect(eventSentences({ ...base, actor: { type: 'employee', id: 1, name: 'Ada' }, action: 'token.overlap_ended', reason: 'old secret wfx_AbCd' }))
      .toEqual(['Overlap ended: the old secret (wfx_AbCd…) is refused from now on.']);
    expect(eventSentences({ ...base, actor: { type: 'token', id: 3, name: 'Rotated' }, action: 'token.revoked', reason: 'secret wfx_EfGh reported leaked: token deleted' }))
      .toEqual(['Revoked from 203.0.113.7 because the secret was reported leaked (secret wfx_EfGh reported leaked: token deleted).']);
  });
});

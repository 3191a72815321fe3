import { describe, expect, it } from 'vitest';
import { OWNER_PATTERN } from '../../../shared/api/text';
import { validateDescription, validateOwner } from '../../../shared/domain';

describe('owner and description rules', () => {
  it('takes an email address or a team name, trimmed, and says what is wrong otherwise', () => {
    expect(validateOwner('  payments@example.com ')).toEqual({ ok: true, value: 'payments@example.com' });
    expect(validateOwner('Équipe Paiements (EU) & Ops')).toEqual({ ok: true, value: 'Équipe Paiements (EU) & Ops' });
    expect(validateOwner('   ')).toMatchObject({ ok: false, message: 'Enter an owner: an email address or a team name.' });
    expect(validateOwner('bob@localhost')).toMatchObject({ ok: false, message: 'Enter the owner\'s email address as name@example.com.' });
    expect(validateOwner('=HYPERLINK("x")')).toMatchObject({ ok: false });
    expect(validateOwner('ops\u200bteam')).toMatchObject({ ok: false, message: 'The owner contains an invisible or control character; remove it.' });
    expect(validateOwner('x'.repeat(201))).toMatchObject({ ok: false });
  });

  it('states the same rule in the documented pattern', () => {
    for (const owner of ['payments@example.com', ' Billing Team ', 'Équipe Paiements']) expect(OWNER_PATTERN.test(owner), owner).toBe(true);
    for (const owner of ['bob@', '#ops', 'ops\u0007team', '']) expect(OWNER_PATTERN.test(owner), owner).toBe(false);
  });

  it('keeps line breaks in a description, stores a blank one as none and refuses hidden text', () => {
    expect(validateDescription('  Nightly export\nof invoices  ')).toEqual({ ok: true, value: 'Nightly export\nof invoices' });
    expect(validateDescription(' \n ')).toEqual({ ok: true, value: null });
    expect(validateDescription('abc\u202edef')).toMatchObject({ ok: false });
    expect(validateDescription('x'.repeat(501))).toMatchObject({ ok: false, message: 'The description must be at most 500 characters long (it has 501).' });
  });
});

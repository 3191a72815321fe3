import { describe, expect, it } from 'vitest';
import { identificationTokenSchema, type IdentificationToken } from '../../../shared/api/tokens';
import { canonicalJson } from '../../../shared/inventory/canonical-json';
import { bareTokensCanonicalJson, isBareToken, tokenFileJson } from '../../../shared/inventory/token-json';
import { makeToken } from './fixtures';

// Every field the schema knows, optional ones included, in an order of its own.
const full = (id: number): IdentificationToken => {
  const { name, ...rest } = makeToken(id, {
    previousSecret: { validUntil: '2026-03-02T00:00:00.000Z', hint: 'wfx_Zz99' },
    owner: 'Payments team',
    description: 'Nightly "export" — é\u2028',
    createdBy: { name: 'Ada Admin', id: 1 } as IdentificationToken['createdBy'],
  });
  return { description: rest.description, ...rest, name };
};

describe('tokens as JSON text, fast', () => {
  it('the schema hands a bare token back as it stands, so the opened token is the file\'s', () => {
    const token = full(7);
    expect(Object.keys(token).sort()).toEqual(Object.keys(identificationTokenSchema.shape).sort());
    expect(identificationTokenSchema.parse(token)).toStrictEqual(token);
  });

  it('writes bare tokens exactly as canonicalJson does', () => {
    const tokens = [full(1), makeToken(2, { expiresOn: null, expiresAt: null, lastUsedAt: null, lastUsedIp: null, previousSecret: null, owner: null })];
    expect(bareTokensCanonicalJson(tokens)).toBe(canonicalJson(tokens));
    expect(bareTokensCanonicalJson([])).toBe('[]');
  });

  it('tells a token holding anything the schema strips from a bare one', () => {
    const parsed = (text: string): Record<string, unknown> => JSON.parse(text) as Record<string, unknown>;
    const line = JSON.stringify(full(3));
    expect(isBareToken(parsed(line))).toBe(true);
    expect(isBareToken({ ...full(3), secret: 'wfx_leaked' })).toBe(false);
    expect(isBareToken({ ...full(3), createdBy: { id: 1, name: 'Ada', email: 'ada@example.com' } })).toBe(false);
    expect(isBareToken({ ...full(3), previousSecret: { hint: 'wfx_Zz99', validUntil: '2026-03-02T00:00:00.000Z', secret: 'x' } })).toBe(false);
    // canonicalJson drops a "__proto__" key: such a token must take the slow path.
    expect(isBareToken(parsed(line.replace('{', '{"__proto__":{"a":1},')))).toBe(false);
  });

  it('writes a token\'s line in canonical form whatever its keys\' order, and nothing else', () => {
    const token = { ...full(4), extra: 'dropped' } as IdentificationToken;
    const line = tokenFileJson(token);
    expect(line).toBe(canonicalJson(identificationTokenSchema.parse(token)));
    expect(Object.keys(JSON.parse(line) as object)).toEqual(Object.keys(identificationTokenSchema.shape).sort());
    expect(line).toContain('"createdBy":{"id":1,"name":"Ada Admin"}');
    expect(line).toContain('"previousSecret":{"hint":"wfx_Zz99","validUntil":"2026-03-02T00:00:00.000Z"}');
    expect(line).not.toContain('extra');
  });
});

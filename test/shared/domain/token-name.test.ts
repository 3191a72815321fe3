import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  TOKEN_NAME_MAX,
  TOKEN_NAME_MIN,
  findNameClash,
  nameClashMessage,
  tokenNameKey,
  tokenNameSchema,
  validateTokenName,
} from '../../../shared/domain';

const ok = (raw: string) => {
  const result = validateTokenName(raw);
  if (!result.ok) throw new Error(`expected "${raw}" to be valid: ${result.message}`);
  return result.value;
};
const message = (raw: string) => {
  const result = validateTokenName(raw);
  if (result.ok) throw new Error(`expected "${raw}" to be refused`);
  return result.message;
};

describe('validateTokenName', () => {
  it('accepts the names the product page uses', () => {
    for (const name of ['BackendAutomation', 'WebhookListener', 'Fraud-detection vendor', 'nightly_batch.v2', '3rd party']) {
      expect(ok(name)).toBe(name);
    }
  });

  it('trims surrounding whitespace', () => {
    expect(ok('  BackendAutomation \t\n')).toBe('BackendAutomation');
  });

  it('normalises to NFC', () => {
    const decomposed = 'Cafe\u0301 sync';
    expect(ok(decomposed)).toBe('Café sync');
    expect(ok(decomposed)).toHaveLength(9);
  });

  it('accepts Unicode letters and combining marks after letters', () => {
    expect(ok('Zürich-Ops')).toBe('Zürich-Ops');
    expect(ok('Δοκιμή')).toBe('Δοκιμή');
    expect(ok('टोकन परीक्षण')).toBe('टोकन परीक्षण');
    expect(ok('東京 sync')).toBe('東京 sync');
  });

  it('counts characters, not UTF-16 units, for the length rules', () => {
    expect(ok('𝐀𝐁𝐂')).toBe('𝐀𝐁𝐂');
    expect(ok('a'.repeat(TOKEN_NAME_MAX))).toHaveLength(64);
    expect(ok('x'.repeat(63) + '𝐀')).toBeTruthy();
  });

  it('enforces 3 to 64 characters after trimming', () => {
    expect(TOKEN_NAME_MIN).toBe(3);
    expect(ok('abc')).toBe('abc');
    expect(message('ab')).toBe('The name must be at least 3 characters long.');
    expect(message('  ab  ')).toBe('The name must be at least 3 characters long.');
    expect(message('a'.repeat(65))).toBe('The name must be at most 64 characters long (it has 65).');
  });

  it('asks for a name when empty or blank', () => {
    expect(message('')).toBe('Enter a name.');
    expect(message('   ')).toBe('Enter a name.');
  });

  it('requires a letter or digit first', () => {
    expect(ok('1st token')).toBe('1st token');
    for (const name of ['.hidden', '_private', '-dash']) {
      expect(message(name)).toBe('The name must start with a letter or a digit.');
    }
  });

  it('refuses other characters and names the offending one', () => {
    expect(message('Backend/Automation')).toBe('The name may contain only letters, digits, spaces, ".", "_" and "-"; "/" is not allowed.');
    expect(message('token#1')).toContain('"#" is not allowed');
    expect(message('token🙂x')).toContain('"🙂" is not allowed');
    expect(message('a+b')).toContain('"+"');
    expect(message("O'Brien")).toContain(`"'"`);
  });

  it('refuses zero-width and other invisible characters', () => {
    const invisible = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u202E', '\u2066', '\u034F', '\uFE0F', '\u3164', '\u180E', '\u{E0100}', '\u0007'];
    for (const char of invisible) {
      expect(message(`Back${char}end`)).toBe('The name contains an invisible character (such as a zero-width space); remove it.');
    }
  });

  it('refuses spacing characters other than the plain space', () => {
    for (const char of ['\t', '\n', '\u00A0', '\u2003', '\u3000', '\u2028']) {
      expect(message(`Back${char}end`)).toMatch(/ordinary spaces only|invisible character/);
    }
    expect(message('Back\u00A0end')).toBe('Use ordinary spaces only; tabs, line breaks and other spacing characters are not allowed.');
  });

  it('refuses a combining mark that does not follow a letter', () => {
    expect(message('abc \u0301x')).toContain('is not allowed');
    expect(message('\u0301abc')).toContain('is not allowed');
  });

  it('always returns a trimmed NFC value within the rules', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (raw) => {
        const result = validateTokenName(raw);
        if (!result.ok) {
          expect(result.message.length).toBeGreaterThan(5);
          return;
        }
        expect(result.value).toBe(result.value.normalize('NFC').trim());
        const length = [...result.value].length;
        expect(length).toBeGreaterThanOrEqual(3);
        expect(length).toBeLessThanOrEqual(64);
        expect(result.value).toMatch(/^[\p{L}\p{Nd}][\p{L}\p{M}\p{Nd} ._-]*$/u);
        expect(validateTokenName(result.value)).toEqual(result);
      }),
    );
  });

  it('accepts every name built from the allowed alphabet', () => {
    const first = fc.constantFrom(...'aZ9éß0Жक');
    const rest = fc.constantFrom(...'aZ9 ._-éЖ');
    fc.assert(
      fc.property(first, fc.array(rest, { minLength: 2, maxLength: 63 }), (head, tail) => {
        const name = head + tail.join('');
        const trimmedLength = [...name.trim()].length;
        const result = validateTokenName(name);
        expect(result.ok).toBe(trimmedLength >= 3);
      }),
    );
  });
});

describe('name uniqueness', () => {
  it('compares names without regard to case', () => {
    expect(tokenNameKey('BackendAutomation')).toBe(tokenNameKey('backendautomation'));
    expect(tokenNameKey('BACKENDAUTOMATION')).toBe('backendautomation');
    expect(tokenNameKey('Straße')).toBe(tokenNameKey('STRASSE'));
    expect(tokenNameKey('ÉTÉ')).toBe(tokenNameKey('été'));
    expect(tokenNameKey('Cafe\u0301')).toBe(tokenNameKey('CAFÉ'));
    expect(tokenNameKey('  Spaced ')).toBe('spaced');
  });

  it('keeps different names apart', () => {
    expect(tokenNameKey('Backend Automation')).not.toBe(tokenNameKey('BackendAutomation'));
    expect(tokenNameKey('token-1')).not.toBe(tokenNameKey('token_1'));
  });

  const existing = [
    { id: 't1', name: 'BackendAutomation' },
    { id: 't2', name: 'WebhookListener' },
  ];

  it('finds the clashing entry', () => {
    expect(findNameClash('backendautomation', existing)).toEqual(existing[0]);
    expect(findNameClash(' WEBHOOKLISTENER ', existing)).toEqual(existing[1]);
    expect(findNameClash('Analytics export', existing)).toBeNull();
    expect(findNameClash('anything', [])).toBeNull();
  });

  it('ignores the entry being edited', () => {
    expect(findNameClash('BACKENDAUTOMATION', existing, 't1')).toBeNull();
    expect(findNameClash('WebhookListener', existing, 't1')).toEqual(existing[1]);
  });

  it('explains a clash', () => {
    expect(nameClashMessage('backendautomation')).toBe('A token named "backendautomation" already exists (names are compared without regard to case).');
  });

  it('is case-insensitive for any valid name', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._-]{2,20}$/), (name) => {
        expect(tokenNameKey(name.toUpperCase())).toBe(tokenNameKey(name.toLowerCase()));
        expect(findNameClash(name.toUpperCase(), [{ id: 'x', name }])?.id).toBe('x');
      }),
    );
  });
});

describe('tokenNameSchema', () => {
  it('outputs the normalised name', () => {
    expect(tokenNameSchema.parse('  Cafe\u0301 sync ')).toBe('Café sync');
  });

  it('reports the rule message', () => {
    const result = tokenNameSchema.safeParse('ab');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('The name must be at least 3 characters long.');
    expect(tokenNameSchema.safeParse(42).success).toBe(false);
  });
});

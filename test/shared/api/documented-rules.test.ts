import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ISO_DATE_PATTERN, TOKEN_NAME_INPUT_MAX, TOKEN_NAME_PATTERN, calendarDateSchema, tokenNameInputSchema } from '../../../shared/api';
import { isIsoDate, validateTokenName } from '../../../shared/domain';

// The OpenAPI document states the token name and date rules as JSON Schema (pattern, lengths,
// format); these properties hold that statement to the domain's own rules.

// Mostly characters a name may hold, so that acceptances are common; sometimes one it may not.
const pieces = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom('a', 'Z', 'é', 'ß', 'Ж', '文', 'ا', '𝒜', '7', '٣', ' ', '.', '_', '-', '\u0301', '\u093F', 'क') },
  { weight: 1, arbitrary: fc.constantFrom('\t', '\n', '\u00a0', '\u3000', '\u200b', '\ufeff', '\u00ad', '\u3164', '\u034f', '!', '/', '\u0000', '\ud800') },
);
const names = fc.array(pieces, { maxLength: 70 }).map((parts) => parts.join(''));

const codePoints = (text: string): number => [...text].length;

describe('the documented token name rule', () => {
  it('accepts exactly the NFC names the domain accepts (pattern, minLength 3, maxLength on the raw text)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(names.filter((name) => name === name.normalize('NFC')), (name) => {
        const documented = TOKEN_NAME_PATTERN.test(name) && codePoints(name) >= 3 && codePoints(name) <= TOKEN_NAME_INPUT_MAX;
        expect(documented, JSON.stringify(name)).toBe(validateTokenName(name).ok);
        expect(tokenNameInputSchema.safeParse(name).success).toBe(documented);
        if (documented) accepted++;
      }),
      { numRuns: 3_000 },
    );
    expect(accepted).toBeGreaterThan(300);
  });
});

describe('the documented date rule', () => {
  it('accepts exactly the dates the domain accepts (pattern and format: date)', () => {
    const digits = fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/);
    fc.assert(
      fc.property(fc.oneof(digits, fc.string({ maxLength: 12 })), (text) => {
        const calendarDay = (() => {
          const [year, month, day] = text.split('-').map(Number);
          const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
          return date.getUTCFullYear() === year && date.getUTCMonth() === (month ?? 0) - 1 && date.getUTCDate() === day;
        })();
        const documented = ISO_DATE_PATTERN.test(text) && calendarDay;
        expect(documented, text).toBe(isIsoDate(text));
        expect(calendarDateSchema.safeParse(text).success).toBe(documented);
      }),
      { numRuns: 5_000 },
    );
  });
});

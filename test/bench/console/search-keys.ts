import { tokenNameKey } from '../../../shared/domain';
import { seededRandom } from '../stats';

export type Keystroke = { key: string; query: string; expected: number };

/**
 * A typing session in the Search box: characters typed and deleted so that every keystroke
 * changes the number of matching tokens (a keystroke that changes nothing paints nothing to
 * wait for). The expected counts use the renderer's rule: the case-folded name contains the
 * case-folded search.
 */
export function searchSession(names: readonly string[], length: number, seed = 5): Keystroke[] {
  const keys = names.map(tokenNameKey);
  const count = (query: string): number => {
    const needle = tokenNameKey(query);
    return needle === '' ? keys.length : keys.filter((key) => key.includes(needle)).length;
  };
  const random = seededRandom(seed);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789 ';
  const session: Keystroke[] = [];
  let query = '';
  let current = keys.length;
  while (session.length < length) {
    const deleting = query.length >= 4 || (query.length > 0 && random() < 0.35);
    if (deleting) {
      const shorter = query.slice(0, -1);
      const wider = count(shorter);
      if (wider !== current) {
        session.push({ key: 'Backspace', query: shorter, expected: wider });
        query = shorter;
        current = wider;
        continue;
      }
    }
    const start = Math.floor(random() * alphabet.length);
    let typed = false;
    for (let i = 0; i < alphabet.length && !typed; i++) {
      const char = alphabet[(start + i) % alphabet.length] as string;
      if (query === '' && char === ' ') continue;
      const narrower = count(query + char);
      if (narrower > 0 && narrower !== current) {
        session.push({ key: char === ' ' ? 'Space' : char, query: query + char, expected: narrower });
        query += char;
        current = narrower;
        typed = true;
      }
    }
    if (!typed) {
      const shorter = query.slice(0, -1);
      session.push({ key: 'Backspace', query: shorter, expected: count(shorter) });
      query = shorter;
      current = count(shorter);
    }
  }
  return session;
}

/*
 * Tokens of one role reach the same modules: 100,000 tokens hold a few dozen distinct module
 * lists. Taking them one list per distinct content, shared, leaves the copies to die young
 * instead of 100,000 arrays of short strings for main's garbage collector to carry (and an IPC
 * answer sends each shared list once). Nothing edits a token's list in place.
 */
export function sharedLists(): (list: string[]) => string[] {
  const known = new Map<string, string[]>();
  return (list) => {
    const key = list.join('\n');
    const seen = known.get(key);
    // The key alone could join two different lists ("a\nb" and "a", "b").
    if (seen !== undefined && seen.length === list.length && seen.every((item, i) => item === list[i])) return seen;
    if (seen === undefined) known.set(key, list);
    return list;
  };
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const TOKEN_SECRET = /^wfx_[0-9A-Za-z]{38}$/;
// A token secret is also looked for by a part of its random body alone, so a copy stripped of
// "wfx_" (or split at it) is found too.
const BODY = 32;
const ALNUM_RUN = new RegExp(`[0-9A-Za-z]{${BODY},}`, 'g');

// Where a secret could leak to at rest: every file under the given folders (user data, the
// database with its -wal/-shm files) and every captured log line.
export const findLeaks = (secrets: readonly string[], places: { dirs: readonly string[]; logs: readonly string[] }): string[] => {
  const long = secrets.filter((secret) => secret.length >= 8);
  // Token secrets by body: each body lies inside a run of letters and digits, so every window
  // of every such run is looked up once. Ten thousand seeded secrets then cost one pass over
  // each file instead of ten thousand.
  const bodies = new Map<string, string>();
  for (const secret of long) if (TOKEN_SECRET.test(secret)) bodies.set(secret.slice(4, 4 + BODY), secret);
  const others = long.filter((secret) => !TOKEN_SECRET.test(secret));
  const leaks: string[] = [];
  const scan = (label: string, content: string) => {
    const found = new Set<string>();
    for (const [run] of content.matchAll(ALNUM_RUN)) {
      for (let start = 0; start + BODY <= run.length; start++) {
        const secret = bodies.get(run.slice(start, start + BODY));
        if (secret !== undefined) found.add(secret);
      }
    }
    for (const secret of others) if (content.includes(secret)) found.add(secret);
    for (const secret of found) leaks.push(`${label} holds a secret starting ${secret.slice(0, 4)}…`);
  };
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else scan(path, readFileSync(path).toString('latin1'));
    }
  };
  for (const dir of places.dirs) walk(dir);
  places.logs.forEach((line, index) => scan(`log line ${index}`, line));
  return leaks;
};

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Where a secret could leak to at rest: every file under the given folders (user data, the
// database with its -wal/-shm files) and every captured log line.
export const findLeaks = (secrets: readonly string[], places: { dirs: readonly string[]; logs: readonly string[] }): string[] => {
  // A token secret is also looked for without its prefix (its random body alone), so a copy
  // stripped of "wfx_" (or split at it) is found too.
  const wanted = secrets
    .filter((secret) => secret.length >= 8)
    .flatMap((secret) => (/^wfx_[0-9A-Za-z]{38}$/.test(secret) ? [secret, secret.slice(4, 36)] : [secret]));
  const leaks: string[] = [];
  const scan = (label: string, content: string) => {
    for (const secret of wanted) if (content.includes(secret)) leaks.push(`${label} holds a secret starting ${secret.slice(0, 4)}…`);
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

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Where a secret could leak to at rest: every file under the given folders (user data, the
// database with its -wal/-shm files) and every captured log line.
export const findLeaks = (secrets: readonly string[], places: { dirs: readonly string[]; logs: readonly string[] }): string[] => {
  const wanted = secrets.filter((secret) => secret.length >= 8);
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

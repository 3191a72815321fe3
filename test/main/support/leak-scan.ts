import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

// Where any of the needles (or anything shaped like a Wifox credential) shows up.
export const findLeaks = (haystacks: { label: string; text: string }[], needles: string[]): string[] => {
  const shapes = [/wfx_[0-9A-Za-z]{38}/, /\bwf[ar]_[A-Za-z0-9_-]{20,}/];
  const leaks: string[] = [];
  for (const { label, text } of haystacks) {
    for (const needle of needles) if (needle !== '' && text.includes(needle)) leaks.push(`${label} contains a known secret`);
    for (const shape of shapes) if (shape.test(text)) leaks.push(`${label} contains something shaped like ${shape.source}`);
  }
  return leaks;
};

export const readAll = (dir: string): { label: string; text: string }[] =>
  filesUnder(dir).map((path) => ({ label: path, text: readFileSync(path, 'latin1') }));

import { randomUUID } from 'node:crypto';

// Syncs remembered: a window that missed more asks for the whole list again.
const KEPT = 64;

type Step = { version: number; changed: readonly number[]; removed: readonly number[] };
export type ChangesSince = { changed: ReadonlySet<number>; removed: ReadonlySet<number> };

/**
 * Versions of main's token list, so a window holding an earlier one is sent only what changed
 * since (a focus sync of 100,000 tokens that moved 100 sends 100). A new list altogether (a full
 * load, another profile, the saved copy at launch) starts a new series: its versions say
 * nothing about an earlier one.
 */
export class ListVersions {
  private series = randomUUID();
  private version = 0;
  private steps: Step[] = [];

  current(): string {
    return `${this.series}.${this.version}`;
  }

  restart(): void {
    this.series = randomUUID();
    this.version = 0;
    this.steps = [];
  }

  /** A sync changed (added or replaced) and removed these tokens. */
  record(changed: readonly number[], removed: readonly number[]): void {
    this.version += 1;
    this.steps.push({ version: this.version, changed, removed });
    if (this.steps.length > KEPT) this.steps.shift();
  }

  /** What changed after `version` (changed and removed may share an id: the later step decides), or null when this cannot tell. */
  since(version: string): ChangesSince | null {
    const [series, number] = version.split('.');
    const from = Number(number);
    if (series !== this.series || !Number.isInteger(from) || from > this.version) return null;
    const oldest = this.steps[0]?.version ?? this.version + 1;
    if (from < this.version && from + 1 < oldest) return null;
    const changed = new Set<number>();
    const removed = new Set<number>();
    for (const step of this.steps) {
      if (step.version <= from) continue;
      for (const id of step.removed) {
        changed.delete(id);
        removed.add(id);
      }
      for (const id of step.changed) {
        removed.delete(id);
        changed.add(id);
      }
    }
    return { changed, removed };
  }
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FigureResult, Goal } from './figure';

const goalText = (goal: Goal | null, unit: string): string => (goal === null ? '' : `${goal.op === '>=' ? '≥' : '≤'} ${format(goal.target)} ${unit}`);

const format = (value: number): string =>
  Number.isInteger(value) ? value.toLocaleString('en-GB') : value.toLocaleString('en-GB', { maximumFractionDigits: 3 });

const metText = (met: boolean | null, value: number | null): string => {
  if (value === null) return 'n/a';
  if (met === null) return '';
  return met ? 'yes' : 'NO';
};

/** The table: figure, value, unit, goal, met?; notes below it, keyed by figure id. */
export function formatTable(results: readonly FigureResult[]): string {
  const rows = results.map((r) => [r.id, r.label, r.value === null ? '—' : format(r.value), r.unit, goalText(r.goal, r.unit), metText(r.met, r.value)]);
  const header = ['#', 'Figure', 'Value', 'Unit', 'Goal', 'Met?'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (i === 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join(' | ').trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('-|-');
  const notes = results.filter((r) => r.notes !== '').map((r) => `  ${r.id}: ${r.notes}`);
  return [line(header), rule, ...rows.map(line), '', 'Notes:', ...notes].join('\n');
}

export type BenchReport = {
  startedAt: string;
  durationSeconds: number;
  /** 1-minute load average at the start and the end: other work on the machine skews throughput figures. */
  machine: { cpus: number; node: string; platform: string; loadAverage: { start: number; end: number } };
  figures: FigureResult[];
};

export function writeReport(path: string, report: BenchReport): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}

// What every figure module returns: one row of the table, measured or honestly not.

export type Goal = { op: '>=' | '<='; target: number };

export type FigureSpec = {
  /** "1a", "4b"...: the figure number and a letter per row. */
  id: string;
  label: string;
  unit: string;
  /** Null for a row that only gives context to the goal rows (e.g. raw req/s). */
  goal: Goal | null;
};

export type FigureResult = FigureSpec & {
  value: number | null;
  met: boolean | null;
  notes: string;
};

export type BenchContext = {
  /** A temporary folder of this run, removed at the end. */
  workDir: string;
  log(message: string): void;
};

export type BenchModule = {
  name: string;
  specs: readonly FigureSpec[];
  run(context: BenchContext): Promise<FigureResult[]>;
};

export const meets = (goal: Goal, value: number): boolean => (goal.op === '>=' ? value >= goal.target : value <= goal.target);

export const measured = (spec: FigureSpec, value: number, notes = ''): FigureResult => ({
  ...spec,
  value,
  met: spec.goal === null ? null : meets(spec.goal, value),
  notes,
});

export const notMeasured = (spec: FigureSpec, reason: string): FigureResult => ({
  ...spec,
  value: null,
  met: null,
  notes: `not measured: ${reason}`,
});

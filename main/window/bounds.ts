import { z } from 'zod';
import type { KeyValueStore } from '../ports';
import { MIN_HEIGHT, MIN_WIDTH } from './create';

const KEY = 'window';

const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(MIN_WIDTH).max(20_000),
  height: z.number().int().min(MIN_HEIGHT).max(20_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export type Area = { x: number; y: number; width: number; height: number };

const overlaps = (a: Area, b: Area): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

// Window size and position across launches; a position on a display that is gone is dropped
// so the window never opens off screen.
export class WindowStateStore {
  constructor(private readonly store: KeyValueStore) {}

  load(displays: readonly Area[]): WindowState | Omit<WindowState, 'x' | 'y'> | undefined {
    const parsed = windowStateSchema.safeParse(this.store.get(KEY));
    if (!parsed.success) return undefined;
    const state = parsed.data;
    if (displays.some((display) => overlaps(state, display))) return state;
    return { width: state.width, height: state.height, maximized: state.maximized };
  }

  save(state: WindowState): void {
    const parsed = windowStateSchema.safeParse(state);
    if (parsed.success) this.store.set(KEY, parsed.data);
  }
}

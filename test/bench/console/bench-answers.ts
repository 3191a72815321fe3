import type { ExtraRoute } from '../../e2e/support/renderer-server';

export const ANSWER_PATH = '/__bench/answer/';
const ANSWER = new RegExp(`^${ANSWER_PATH}(\\d+)\\.js$`);

/**
 * Main's answers to the bench probe's calls, each served once as a module on the renderer's
 * origin (see bench-console.ts): `export default` the envelope, as JSON the page parses.
 */
export class BenchAnswers {
  private readonly waiting = new Map<number, string>();

  put(id: number, envelope: unknown): void {
    this.waiting.set(id, JSON.stringify(envelope));
  }

  drop(id: number): void {
    this.waiting.delete(id);
  }

  readonly route: ExtraRoute = (path) => {
    const match = ANSWER.exec(path);
    if (!match) return null;
    const id = Number(match[1]);
    const text = this.waiting.get(id);
    this.waiting.delete(id);
    if (text === undefined) return new Response('no such answer', { status: 404 });
    // A JSON text is a valid JavaScript string literal once quoted by JSON.stringify.
    return new Response(`export default JSON.parse(${JSON.stringify(text)});`, { headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' } });
  };
}

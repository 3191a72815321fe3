import { compileWhitelist, validateWhitelist } from '../../../shared/domain';
import { measured, type BenchModule, type FigureSpec } from '../figure';
import { median } from '../stats';

const MATCHES: FigureSpec = { id: '3', label: 'Whitelist matching: one address against 100 entries (slowest kind)', unit: 'matches/s', goal: { op: '>=', target: 1_000_000 } };

const ITERATIONS = 1_000_000;
const RUNS = 5;

// 100 entries as an administrator might write them: IPv4 and IPv6, addresses and ranges.
function hundredEntries(): string[] {
  const entries: string[] = [];
  for (let i = 0; i < 30; i++) entries.push(`198.51.${i}.${i * 7 + 1}`);
  for (let i = 0; i < 30; i++) entries.push(`10.${i * 5}.0.0/16`);
  for (let i = 0; i < 20; i++) entries.push(`2001:db8:${(i + 1).toString(16)}::${(i * 13 + 1).toString(16)}`);
  for (let i = 0; i < 20; i++) entries.push(`2001:db8:${((i + 1) * 256).toString(16)}::/40`);
  const checked = validateWhitelist(entries);
  if (!checked.ok || checked.entries.length !== 100) throw new Error(`Bench whitelist is invalid: ${checked.errors[0]?.message ?? ''}`);
  return checked.entries;
}

// A refused IPv6 address walks every IPv6 rule: the worst case; the others for comparison.
const ADDRESSES: Readonly<Record<string, { address: string; expected: boolean }>> = {
  'IPv4 allowed': { address: '10.70.3.9', expected: true },
  'IPv4 refused': { address: '203.0.113.9', expected: false },
  'IPv4-mapped IPv6 allowed': { address: '::ffff:198.51.10.71', expected: true },
  'IPv6 allowed': { address: '2001:db8:a00::42', expected: true },
  'IPv6 refused': { address: '2001:db9::1', expected: false },
};

export const whitelistMatching: BenchModule = {
  name: 'whitelist matching (figure 3)',
  specs: [MATCHES],
  async run() {
    const matcher = compileWhitelist(hundredEntries());
    const rates: Record<string, number> = {};
    for (const [kind, { address, expected }] of Object.entries(ADDRESSES)) {
      if (matcher.matches(address) !== expected) throw new Error(`${kind}: ${address} should ${expected ? '' : 'not '}match.`);
      // The count of matches is used, so the calls cannot be optimised away.
      let hits = 0;
      for (let i = 0; i < ITERATIONS / 10; i++) if (matcher.matches(address)) hits++;
      const runs: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const start = performance.now();
        for (let i = 0; i < ITERATIONS; i++) if (matcher.matches(address)) hits++;
        runs.push(ITERATIONS / ((performance.now() - start) / 1000));
      }
      if (hits !== (expected ? ITERATIONS * RUNS + ITERATIONS / 10 : 0)) throw new Error('Matching was not stable.');
      rates[kind] = median(runs);
    }
    const slowest = Math.min(...Object.values(rates));
    const detail = Object.entries(rates).map(([kind, rate]) => `${kind} ${(rate / 1e6).toFixed(2)} M/s`).join(', ');
    return [measured(MATCHES, Math.round(slowest), `compiled matcher, address given as text; median of ${RUNS} × ${ITERATIONS.toLocaleString('en-GB')}; ${detail}`)];
  },
};

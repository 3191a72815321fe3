import { defineConfig } from 'vitest/config';

// The tests that judge the enforcement code, for `npm run mutation` only: the shared domain and
// the server's access tests. Stryker runs this one Node project in order (it measures which test
// covers which mutant), so it neither shuffles nor needs the browser.
const SHARED = ['test/shared/domain/**/*.test.ts'];
const SERVER = [
  'test/server/access-guard.test.ts',
  'test/server/access-cache.test.ts',
  'test/server/client-address.test.ts',
  'test/server/crypto.test.ts',
  'test/server/hardening/forged-secrets.test.ts',
  // What the guard records of each request: which secret was used (rotation), the deleted
  // token a refused secret belonged to, and the per-day counts.
  'test/server/rotation/secret-rotation.test.ts',
  'test/server/audit-log.test.ts',
  'test/server/usage-counters.test.ts',
];

function selected(narrowed: string | undefined): string[] {
  if (narrowed === undefined || narrowed === '') return [...SHARED, ...SERVER];
  return narrowed === 'shared' ? SHARED : narrowed.split(',');
}

export default defineConfig({
  test: {
    name: 'mutation',
    environment: 'node',
    // MUTATION_TESTS narrows the tests for a quicker run over one file: "shared" keeps the shared
    // tests (for a shared file the server tests' HTTP round trips cost a server start per mutant),
    // any other value is a comma-separated list of test globs. Fewer tests can only kill fewer
    // mutants, so such a score is a lower bound.
    include: selected(process.env.MUTATION_TESTS),
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

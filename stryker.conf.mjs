// @ts-check
// `npm run mutation`: mutation testing of the code that decides whether a caller gets in (issue
// 20). Not part of `npm test`: a full run takes tens of minutes on two cores. Incremental: a re-run
// after a small change only tests the mutants of the changed code (reports/stryker-incremental.json,
// kept between runs). Run it after changing any file of `mutate`, then refresh README's table.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'stryker.vitest.config.ts', related: false },
  mutate: [
    'shared/domain/ip-address.ts',
    'shared/domain/whitelist.ts',
    'shared/domain/access.ts',
    'shared/domain/rights.ts',
    'shared/domain/expiry.ts',
    'server/src/public/access-guard.ts',
    'server/src/public/client-address.ts',
    'server/src/tokens/secrets.ts',
    // Which secret answers for a token, until when a replaced one works (rotation), and that no
    // answer outlives the write that changed it: each of these is an access decision.
    'server/src/tokens/access-cache.ts',
  ],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  thresholds: { high: 95, low: 90, break: 95 },
  concurrency: 2,
  timeoutMS: 30_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};

export default config;

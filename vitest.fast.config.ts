/**
 * The fast tier (`make test-fast`): unit, model, template and in-process
 * render tests, for the edit loop. Checks that start Chromium or LibreOffice
 * are skipped (tests/helpers/tier.ts); files that only drive a browser, the
 * built command line or worker threads, the watcher, or the fuzzer are left
 * out, and so are the PDF layout-equivalence proofs (each lays out hundreds
 * of documents twice; they guard pinned library code, not the edit loop); the
 * model's property tests make fewer runs. Test files share their module
 * instances (isolate: false), which also shows any test that depends on
 * what another file left behind.
 * `make test` (the default config) runs everything.
 */
import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    exclude: [
      ...configDefaults.exclude,
      '.cache/**',
      'tests/build/font-cache.test.ts',
      'tests/build/pool-threads.test.ts',
      'tests/build/watch.test.ts',
      'tests/cli/**',
      'tests/fuzz/**',
      'tests/hostile/browser.test.ts',
      'tests/hostile/corpus.test.ts',
      'tests/hostile/interrupt.test.ts',
      'tests/hostile/interrupt-layout.test.ts',
      'tests/hostile/limits.test.ts',
      'tests/hostile/operations.test.ts',
      'tests/hostile/sandbox.test.ts',
      'tests/render/html/browser.test.ts',
      'tests/render/pdf/fontkit-decoding.test.ts',
      'tests/render/pdf/line-builder.test.ts',
      'tests/render/pdf/measure-cache.test.ts',
      'tests/render/pdf/merge-inlines.test.ts',
      'tests/render/pdf/pagination.test.ts',
      'tests/render/pdf/style-memo.test.ts',
      'tests/render/pptx/process.test.ts',
    ],
    // Fewer runs of the model's property tests (make fuzz runs 20,000).
    env: { BRIEFWRIGHT_TEST_TIER: 'fast', FUZZ_RUNS: '50' },
    isolate: false,
    // One test file per core. Vitest's default keeps a core for its own
    // process, which is idle while the tests run: on a 2-core machine that is
    // one file at a time (≈ 130 s for this tier here; ≈ 90 s with two).
    maxWorkers: availableParallelism(),
  },
});

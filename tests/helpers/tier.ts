/**
 * The test tiers. `make test` runs everything; `make test-fast`
 * (vitest.fast.config.ts) sets BRIEFWRIGHT_TEST_TIER=fast, under which the
 * checks that start Chromium or LibreOffice are skipped (and reported as
 * skipped) and whole files that only drive those tools or the built command
 * line are left out.
 */
export const FAST = process.env.BRIEFWRIGHT_TEST_TIER === 'fast';

/** Tools too slow to start for the edit loop: the fast tier skips what needs them. */
export const SLOW_TOOLS: ReadonlySet<string> = new Set(['soffice', 'chromium']);

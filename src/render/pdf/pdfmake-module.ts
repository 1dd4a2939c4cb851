/**
 * One of pdfmake's own modules (`pdfmake/js/<name>.js`), the very instance
 * pdfmake loads (same file, so the same module), for the modules that wrap
 * a method of the pinned pdfmake: line-builder.ts, measure-cache.ts,
 * merge-inlines.ts and word-runs.ts.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The default export of `pdfmake/js/<name>.js`, typed as the caller relies on it. */
export function pdfmakeModule<T>(name: string): T {
  return (require(require.resolve(`pdfmake/js/${name}.js`)) as { default: T }).default;
}

#!/usr/bin/env node
// Runs the compiled command line (`make` or `npm run compile` writes dist/).
import { existsSync } from 'node:fs';
import v8 from 'node:v8';
import { V8_FLAGS } from './v8-flags.js';

// Before any other code runs, so the main thread and every worker thread (which share
// the process's V8 flags) use them.
for (const flag of V8_FLAGS) v8.setFlagsFromString(flag);

const entry = new URL('../dist/src/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('briefwright: dist/ is missing; run `make` (or `npm run compile`) first\n');
  process.exit(2);
}
const { run } = await import(entry.href);
await run(process.argv.slice(2));

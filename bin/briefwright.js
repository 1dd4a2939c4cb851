#!/usr/bin/env node
// Runs the compiled command line (`make` or `npx tsc -p .` writes dist/).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('briefwright: dist/ is missing; run `make` (or `npx tsc -p .`) first\n');
  process.exit(2);
}
const { run } = await import(entry.href);
await run(process.argv.slice(2));

#!/usr/bin/env node
/**
 * Compile the project to dist/: TypeScript with tsc, then each module under
 * dist/src/vendor/ bundled in place with the node_modules code it imports
 * (see src/vendor/markdown.ts for why). Every way of compiling the project
 * (make, npm run compile, the CLI tests, CI) goes through here, so dist/ —
 * whose bytes are part of the build cache's key — is the same whichever ran.
 *
 * Then it writes the hash of dist/'s files (src/build/cache.ts, DIST_HASH_FILE).
 *
 * Exits with tsc's status; tsc emits even when it reports type errors, and
 * the bundling runs on whatever it emitted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// No hash of dist/ until this compile has finished (DIST_HASH_FILE in src/build/cache.ts; tests/cli/compile.test.ts
// checks the compile writes that file): a compile that fails or stops midway leaves builds hashing the files.
rmSync(path.join(root, 'dist/files.sha256'), { force: true });
const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', root], { cwd: root, stdio: 'inherit' });

const vendor = path.join(root, 'dist/src/vendor');
if (existsSync(vendor)) {
  const { build } = await import('esbuild');
  const entryPoints = readdirSync(vendor)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((f) => path.join(vendor, f));
  await build({
    // The bundle names each module's path in a comment, relative to the project: the same bytes in
    // any checkout, even one whose node_modules is a link to another checkout's.
    absWorkingDir: root,
    preserveSymlinks: true,
    entryPoints,
    outdir: vendor,
    allowOverwrite: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Keep the code readable in stack traces; the files are loaded, not downloaded.
    minify: false,
    legalComments: 'inline',
    logLevel: 'warning',
    // CommonJS packages inside (yaml) require Node's built-ins; an ES module has no `require` of its own.
    banner: { js: "import { createRequire as __bwCreateRequire } from 'node:module';\nconst require = __bwCreateRequire(import.meta.url);" },
  });
}
// The hash of what dist/ now holds, which every build's cache key includes (src/build/cache.ts, codeHash).
const cache = path.join(root, 'dist/src/build/cache.js');
if (existsSync(cache)) {
  const { DIST_HASH_FILE, filesHash } = await import(pathToFileURL(cache).href);
  const stamp = path.join(root, DIST_HASH_FILE);
  writeFileSync(`${stamp}.tmp`, `${filesHash(root, ['dist'])}\n`);
  renameSync(`${stamp}.tmp`, stamp);
}
process.exit(tsc.status ?? 1);

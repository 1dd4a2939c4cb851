/**
 * Where a build (or a merge) may write. The output folder is a folder the
 * build owns: never the root of the file system, the home folder, the
 * project, the source folder or any folder that holds a source, and never a
 * file. Paths are compared after resolving symbolic links, so `--out` through
 * a link to the project is refused too.
 */
import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { operatorError, printable, usageError } from '../errors.js';
import { SOURCE_DIR } from './discover.js';

/** `p` with every existing part's links resolved (the rest appended as given). */
export function realPath(p: string): string {
  const abs = path.resolve(p);
  let head = abs;
  const tail: string[] = [];
  for (;;) {
    try {
      return path.join(realpathSync(head), ...tail);
    } catch {
      const up = path.dirname(head);
      if (up === head) return abs;
      tail.unshift(path.basename(head));
      head = up;
    }
  }
}

/** True when `inner` is `outer` or inside it. */
export function within(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export interface OutDirContext {
  /** The project folder the sources are relative to. */
  root: string;
  /** Absolute paths of the sources the command reads. */
  sources: readonly string[];
  /** Also refused: the package the code runs from (default none). */
  packageRoot?: string;
  /** The home folder (default `os.homedir()`). */
  home?: string;
  /** How the folder was named on the command line, for messages. */
  label?: string;
}

/**
 * Throw a usage error when `outDir` is a folder a build must not write into,
 * and an operator error when it is a file.
 */
export function checkOutDir(outDir: string, ctx: OutDirContext): void {
  const label = printable(ctx.label ?? outDir);
  const out = realPath(outDir);
  const refuse = (why: string) =>
    usageError(`--out ${label}: ${why}; choose a folder only builds write into (e.g. out/)`);
  if (path.dirname(out) === out) throw refuse('refusing to write into the root of the file system');
  const home = ctx.home ?? os.homedir();
  if (home && out === realPath(home)) throw refuse('refusing to write into the home folder');
  for (const [what, dir] of [
    ['the project folder', ctx.root],
    ['the folder of the code', ctx.packageRoot],
  ] as const) {
    if (dir && out === realPath(dir)) throw refuse(`refusing to write into ${what}`);
  }
  const sourceDir = realPath(path.join(ctx.root, SOURCE_DIR));
  if (within(out, sourceDir)) throw refuse(`refusing to write into the source folder ${printable(SOURCE_DIR)}/`);
  for (const src of ctx.sources) {
    const real = realPath(src);
    if (within(real, out)) throw refuse(`it holds the source ${printable(path.relative(ctx.root, src) || src)}`);
  }
  if (existsSync(out) && !statSync(out).isDirectory()) {
    throw operatorError(`--out ${label}: is a file, not a folder (ENOTDIR)`);
  }
}

/**
 * Throw when a folder between `outDir` and the file `rel` (relative to it) is
 * a symbolic link: a build writes and removes files only in real folders
 * inside the output folder, never through a link planted in it.
 */
export function checkRealFolders(outDir: string, rel: string): void {
  const parts = rel.split('/').slice(0, -1);
  let dir = outDir;
  for (const part of parts) {
    dir = path.join(dir, part);
    let link = false;
    try {
      link = lstatSync(dir).isSymbolicLink();
    } catch {
      return; // not there yet: the build creates it
    }
    if (link) throw operatorError(`${printable(path.relative(outDir, dir) || dir)} in the output folder is a symbolic link; a build writes only into real folders (remove the link)`);
  }
}

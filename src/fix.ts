/**
 * The core of `briefwright fix`: write the generated ids of blocks that have
 * none into the source, so that later edits cannot move them.
 *
 * - Only insertions: `:p{#id}` at the start of a paragraph or list item,
 *   `#id ` inside an existing `:p{…}` or `::table{…}`, or a `::table{#id}`
 *   line before a table without a caption. Every other byte stays as it was
 *   (byte-order mark, CRLF, trailing spaces, invalid-looking text…).
 * - Never renumbers: existing ids are not touched; the ids written are the
 *   ones the model already used (so cites of generated ids keep their block).
 * - Checked before writing: the new text is read again and must give the same
 *   blocks, in the same order, with the written ids now explicit; otherwise
 *   the file is left alone.
 * - Atomic: a temporary file in the same folder, then a rename; the file's
 *   mode is kept, and nothing is written when the file changed meanwhile.
 * - Idempotent: a file with no generated id is not rewritten.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { articleFromBytes, loadArticle, type LoadResult } from './model/index.js';
import type { GeneratedId } from './model/items.js';
import { readSourceBytes } from './source-bytes.js';

export interface FixPlan {
  /** The new bytes, or null when nothing is to be written. */
  output: Uint8Array | null;
  /** Ids written. */
  written: GeneratedId[];
  /** Generated ids that cannot be written automatically (e.g. a table that starts a list item). */
  skipped: GeneratedId[];
  /** Why nothing was written although ids are missing. */
  problem?: string;
}

/** Byte offsets (UTF-8, after `lead` bytes) of sorted UTF-16 offsets of `text`. */
function byteOffsets(text: string, offsets: number[], lead: number): number[] {
  const out: number[] = [];
  let bytes = lead;
  let i = 0;
  for (const target of offsets) {
    for (; i < target; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (c >= 0xd800 && c <= 0xdbff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    }
    out.push(bytes);
  }
  return out;
}

const hasBom = (b: Uint8Array) => b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/** What the citable blocks look like, to compare two readings. */
const shape = (r: LoadResult) => r.citables.map((c) => `${c.kind} ${c.mark} ${c.text}`);

/** Plan the insertions for a file's bytes (no I/O). */
export function planFix(bytes: Uint8Array, filePath: string): FixPlan {
  const before = articleFromBytes(bytes, filePath);
  const written = before.generated.filter((g) => g.insertion !== null);
  const skipped = before.generated.filter((g) => g.insertion === null);
  if (written.length === 0) return { output: null, written: [], skipped };
  const text = String(before.file.value);
  const sorted = [...written].sort((a, b) => a.insertion!.offset - b.insertion!.offset);
  const at = byteOffsets(text, sorted.map((g) => g.insertion!.offset), hasBom(bytes) ? 3 : 0);
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let last = 0;
  sorted.forEach((g, k) => {
    parts.push(bytes.subarray(last, at[k]), encoder.encode(g.insertion!.text));
    last = at[k];
  });
  parts.push(bytes.subarray(last));
  const output = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    output.set(p, o);
    o += p.length;
  }
  // Read the result again: same blocks, the written ids now explicit, nothing else generated.
  const after = articleFromBytes(output, filePath);
  const ids = (r: LoadResult) => r.citables.map((c) => c.id);
  const explicitNow = new Set(after.citables.filter((c) => !c.generatedId).map((c) => c.id));
  const same =
    JSON.stringify(shape(after)) === JSON.stringify(shape(before)) &&
    JSON.stringify(ids(after)) === JSON.stringify(ids(before)) &&
    written.every((g) => explicitNow.has(g.id)) &&
    after.generated.length === skipped.length;
  if (!same) return { output: null, written: [], skipped: before.generated, problem: 'writing the ids would change how the file reads; add them by hand' };
  return { output, written, skipped };
}

export interface FixResult {
  path: string;
  status: 'written' | 'unchanged' | 'failed';
  written: GeneratedId[];
  skipped: GeneratedId[];
  /** Why the file was not written (failed), in one line. */
  reason?: string;
}

let liveTemp: string | null = null;
const removeLiveTemp = () => {
  if (liveTemp !== null) rmSync(liveTemp, { force: true });
};

/** Replace `file` by `bytes` atomically, keeping its mode; refuses when the file no longer holds `expected`. */
export function replaceFile(file: string, bytes: Uint8Array, expected: Uint8Array): void {
  const real = realpathSync(file);
  const mode = statSync(real).mode & 0o7777;
  const tmp = path.join(path.dirname(real), `.${path.basename(real)}.briefwright-fix-${process.pid}-${randomBytes(4).toString('hex')}`);
  liveTemp = tmp;
  // A signal ends the process through process.exit: the temporary file goes with it.
  process.on('exit', removeLiveTemp);
  try {
    const fd = openSync(tmp, 'wx', mode);
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (!Buffer.from(readFileSync(real)).equals(Buffer.from(expected))) throw new Error('the file changed while it was being fixed; run fix again');
    renameSync(tmp, real);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  } finally {
    liveTemp = null;
    process.off('exit', removeLiveTemp);
  }
}

/** Fix each file in turn; problems with one file do not stop the others. */
export async function fixFiles(paths: string[]): Promise<FixResult[]> {
  const results: FixResult[] = [];
  for (const p of paths) {
    let bytes: Uint8Array;
    try {
      bytes = readSourceBytes(p);
    } catch (error) {
      const { file } = await loadArticle(p);
      results.push({ path: p, status: 'failed', written: [], skipped: [], reason: file.messages[0]?.reason ?? String(error) });
      continue;
    }
    const plan = planFix(bytes, p);
    if (plan.problem !== undefined || plan.output === null) {
      results.push({ path: p, status: plan.problem ? 'failed' : 'unchanged', written: [], skipped: plan.skipped, ...(plan.problem ? { reason: plan.problem } : {}) });
      continue;
    }
    try {
      replaceFile(p, plan.output, bytes);
      results.push({ path: p, status: 'written', written: plan.written, skipped: plan.skipped });
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      results.push({ path: p, status: 'failed', written: [], skipped: plan.skipped, reason: e.code ? `${e.code}: ${e.message}` : e.message });
    }
  }
  return results;
}

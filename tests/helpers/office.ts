/**
 * Test helpers for outside tools: `need(tool)` says whether a Debian tool is
 * installed (and fails under CI, where every tool must be present), and
 * `convertToPdf(file, outDir)` converts an office document (DOCX, PPTX, ODT…)
 * to PDF with headless LibreOffice in a private profile.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FAST, SLOW_TOOLS } from './tier.js';

function which(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v "$1"`, 'sh', tool], { stdio: 'ignore' }).status === 0;
}

/**
 * True when `tool` is on PATH. When it is missing: under CI (`CI=true`) this
 * throws, so the suite fails; elsewhere it warns and returns false, so the
 * caller can `it.skipIf(!need('soffice'))`. The fast tier answers false for
 * the slow tools (see tier.ts).
 */
export const need = (tool: string): boolean => {
  // The fast tier (make test-fast) skips what needs LibreOffice or Chromium, even under CI.
  if (FAST && SLOW_TOOLS.has(tool)) return false;
  if (which(tool)) return true;
  const message = `${tool} not found on PATH`;
  if (process.env.CI === 'true') throw new Error(`${message}; it is required when CI=true`);
  console.warn(`skipping tests that need ${tool}: ${message}`);
  return false;
};

let queue: Promise<unknown> = Promise.resolve();

/**
 * Convert `file` to PDF in `outDir` with LibreOffice; resolves to the PDF path.
 * Each call uses a fresh private user profile (so parallel test workers and a
 * running desktop LibreOffice never share one); calls in one process run one at a time.
 */
export function convertToPdf(file: string, outDir: string, timeoutMs = 180_000): Promise<string> {
  const run = async (): Promise<string> => {
    const profile = mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
    try {
      const args = [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        file,
      ];
      const r = spawnSync('soffice', args, { encoding: 'utf8', timeout: timeoutMs });
      const pdf = path.join(outDir, `${path.basename(file, path.extname(file))}.pdf`);
      if (r.error) throw r.error;
      if (r.status !== 0 || !existsSync(pdf)) {
        throw new Error(`soffice failed on ${file} (status ${r.status}):\n${r.stdout}\n${r.stderr}`);
      }
      return pdf;
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/** Number of pages of a PDF, read by poppler's pdfinfo. */
export function pdfPageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (!m) throw new Error(`pdfinfo gave no page count for ${pdf}`);
  return Number(m[1]);
}

/** Fonts a PDF uses, as poppler's pdffonts lists them: name (subset prefix dropped) and whether embedded. */
export function pdfFonts(pdf: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name type [encoding words…] emb sub uni object ID: emb is 5th from the end.
    return { name: cols[0].replace(/^[A-Z]{6}\+/, ''), embedded: cols[cols.length - 5] === 'yes' };
  });
}

/** Plain text of a PDF (poppler's pdftotext, layout off). */
export function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/**
 * Convert several office documents to PDF in ONE LibreOffice process (one
 * `soffice --convert-to` call with every file), as a reader who opens them
 * one after the other in the same session would: what one file leaves
 * behind in the process (e.g. its embedded fonts) is there for the next.
 * Resolves to the PDF paths, in the order of `files`.
 */
export function convertAllToPdf(files: readonly string[], outDir: string, timeoutMs = 600_000): Promise<string[]> {
  const run = async (): Promise<string[]> => {
    const profile = mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
    try {
      const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files];
      const r = spawnSync('soffice', args, { encoding: 'utf8', timeout: timeoutMs });
      if (r.error) throw r.error;
      const pdfs = files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.pdf`));
      const missing = pdfs.filter((p) => !existsSync(p));
      if (r.status !== 0 || missing.length) throw new Error(`soffice failed (status ${r.status}), no ${missing.join(', ')}:\n${r.stdout}\n${r.stderr}`);
      return pdfs;
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

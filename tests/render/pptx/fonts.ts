/**
 * A private fontconfig file that adds the project's faces (Noto Sans SC and
 * Noto Sans, from npm) to the system fonts, so LibreOffice renders the deck
 * with the faces it names even on a machine without them. Nothing is
 * installed: the file lives in the test's folder and only the processes
 * started with FONTCONFIG_FILE pointing at it see the faces.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import path from 'node:path';
import { fontPath, latinFontPath, type LatinStyle } from '../../../src/fonts/index.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Writes the file into `dir` and sets FONTCONFIG_FILE; returns a function restoring the env. */
export function fontConfigFor(dir: string): () => void {
  const conf = path.join(dir, 'fonts.conf');
  mkdirSync(path.join(dir, 'fontcache'), { recursive: true });
  writeFileSync(
    conf,
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
      '<fontconfig>',
      '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
      `  <dir>${esc(path.dirname(fontPath('regular')))}</dir>`,
      `  <dir>${esc(path.dirname(fontPath('bold')))}</dir>`,
      ...(['regular', 'bold', 'italic', 'boldItalic'] as LatinStyle[]).map((s) => `  <dir>${esc(path.dirname(latinFontPath(s)))}</dir>`),
      `  <cachedir>${esc(path.join(dir, 'fontcache'))}</cachedir>`,
      '</fontconfig>',
      '',
    ].join('\n'),
  );
  const before = process.env.FONTCONFIG_FILE;
  process.env.FONTCONFIG_FILE = conf;
  return () => {
    if (before === undefined) delete process.env.FONTCONFIG_FILE;
    else process.env.FONTCONFIG_FILE = before;
  };
}

/**
 * In a describe block: create `dir` and point LibreOffice at the project's
 * font for the block's tests (fontconfig restored afterwards).
 */
export function useProjectFontIn(dir: string): void {
  let restore: () => void = () => {};
  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    restore = fontConfigFor(dir);
  });
  afterAll(() => restore());
}

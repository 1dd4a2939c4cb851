/**
 * A private fontconfig file that adds the project's Noto Sans SC (from npm)
 * to the system fonts, so LibreOffice renders the deck with the face it names
 * even on a machine without CJK fonts. Returns a function restoring the env.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fontPath } from '../../../src/fonts/index.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

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

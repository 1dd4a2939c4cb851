/**
 * The stages a build (and a merge) calls, behind one interface so tests can
 * substitute a fast stand-in. The default loads the real pipeline lazily:
 * nothing here loads the parser or a backend unless it is called.
 */
import { readFileSync } from 'node:fs';
import type { VFile } from 'vfile';
import type { Article } from '../model/types.js';
import type { LandingEntry } from '../pipeline.js';
import { renderTask, type RenderTask } from './jobs.js';

export type { LandingEntry };

export interface Engine {
  parse(bytes: Uint8Array, path: string): Promise<{ file: VFile; article: Article | null }>;
  epoch(article: Article): Promise<number>;
  render(task: RenderTask): Promise<Uint8Array>;
  landing(entries: LandingEntry[]): Promise<string>;
  /**
   * Optional: get ready to render a landing page like this one (load its code,
   * make its font subsets), while the render threads work. Its result is not used.
   */
  prepareLanding?(entries: LandingEntry[]): Promise<void>;
  fontLicense(): Promise<{ name: string; text: string }>;
}

export const defaultEngine: Engine = {
  async parse(bytes, file) {
    const { articleFromBytes } = await import('../model/index.js');
    return articleFromBytes(bytes, file);
  },
  async epoch(article) {
    const { buildEpoch } = await import('../epoch.js');
    return buildEpoch(article);
  },
  render: renderTask,
  async landing(entries) {
    const { renderSite } = await import('../pipeline.js');
    return new TextDecoder().decode(await renderSite(entries));
  },
  async prepareLanding(entries) {
    // The page's glyphs do not depend on the sizes it shows (digits are in every subset),
    // so this makes the subsets the final page will use, in memory (and in the font cache).
    const { renderSite } = await import('../pipeline.js');
    await renderSite(entries);
  },
  async fontLicense() {
    const f = await import('../fonts/index.js');
    // Both faces are under the SIL OFL 1.1: one licence text, after the
    // copyright lines of both (the packages' files differ only in that line).
    const cjk = readFileSync(f.fontLicensePath(), 'utf8');
    const latin = readFileSync(f.latinFontLicensePath(), 'utf8');
    const [cjkFirst, ...rest] = cjk.split('\n');
    const latinFirst = latin.split('\n')[0];
    const text = latin.split('\n').slice(1).join('\n') === rest.join('\n') ? [cjkFirst, latinFirst, ...rest].join('\n') : `${cjk}\n\n${latin}`;
    return {
      name: `Noto Sans SC (npm package @expo-google-fonts/noto-sans-sc ${f.fontPackageVersion()}) for Chinese and Noto Sans (npm package @expo-google-fonts/noto-sans ${f.latinFontPackageVersion()}) for English`,
      text,
    };
  },

};

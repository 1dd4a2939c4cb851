/**
 * `out/index.html`: every article and every artifact (all formats) with its
 * size, under the same self-contained rules and CSP as the product pages.
 */
import { h } from '../../vendor/html.js';
import type { ElementContent } from 'hast';
import type { Bi } from '../../model/types.js';
import { theme } from '../../theme/theme.js';
import { collectText, serialise } from './document.js';
import { fontFaceCss } from './fonts.js';

export interface LandingArtifact {
  /** Path relative to `out/`, e.g. `us-japan-acquisition/summary.pdf`. */
  path: string;
  format: string;
  product: string;
  bytes: number;
}

export interface LandingEntry {
  slug: string;
  title: Bi;
  artifacts: LandingArtifact[];
}

const PRODUCT_LABELS: Record<string, Bi> = {
  summary: { zh: '双语摘要', en: 'Bilingual summary' },
  checklist: { zh: '建议清单', en: 'Recommendations checklist' },
  slides: { zh: '幻灯片简报', en: 'Slide brief' },
};

/** Human-readable size: `812 B`, `14.2 KB`, `1.3 MB` (1 KB = 1024 B). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A relative link to an artifact, path segments percent-encoded (so it can never become a scheme). */
export function artifactHref(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

const c = theme.colors;
const css = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:"${theme.fonts.cjk}",sans-serif;color:${c.ink};background:${c.white}}
body{margin:0 auto;max-width:60rem;padding:1.5rem 1rem;line-height:${theme.lineHeight.zh}}
[lang="en"]{color:${c.en}}
h1{font-size:1.6rem;border-bottom:3px solid ${c.accent};padding-bottom:.4rem;margin:0 0 1rem}
span.en{margin-left:.5em}
h1 .en,h2 .en{margin-left:.6rem;font-weight:400;font-size:.75em}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
h1,h2,th{font-weight:700}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.35rem .5rem;border-top:1px solid ${c.rule};vertical-align:top}
thead th{background:${c.panel};border-top:0}
td.size{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
a{color:${c.accent}}
footer{margin-top:2rem;font-size:.8rem;color:${c.muted}}
@media (max-width:600px){th.format,td.format{display:none}}
`
  .replace(/\n\s*/g, '\n')
  .trim();

/** Reading order of the rows: products as the editors present them, then formats. */
const PRODUCT_ORDER = ['summary', 'checklist', 'slides'];
const FORMAT_ORDER = ['html', 'pdf', 'docx', 'pptx'];
const rank = (order: string[], v: string) => (order.includes(v) ? order.indexOf(v) : order.length);

/** Artifacts in reading order: product, then format, then path (unknown names last). */
export function artifactOrder(a: LandingArtifact, b: LandingArtifact): number {
  return (
    rank(PRODUCT_ORDER, a.product) - rank(PRODUCT_ORDER, b.product) ||
    rank(FORMAT_ORDER, a.format) - rank(FORMAT_ORDER, b.format) ||
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
  );
}

/** Where the build puts the font licence, relative to `out/`. */
export const FONT_LICENSE_HREF = 'fonts/OFL.txt';

const bi = (b: Bi): ElementContent[] => [h('span', b.zh), h('span', { className: 'en', lang: 'en' }, b.en)];

export async function renderLanding(entries: LandingEntry[]): Promise<string> {
  const sorted = [...entries].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const body = h('body', [
    h('header', h('h1', bi({ zh: '出版物', en: 'Publications' }))),
    h('nav', { ariaLabel: '文章 Articles' }, [
      h('ul', sorted.map((e) => h('li', h('a', { href: `#${e.slug}` }, bi(e.title))))),
    ]),
    h(
      'main',
      sorted.map((e) =>
        h('section', { id: e.slug, ariaLabelledby: `${e.slug}-title` }, [
          h('h2', { id: `${e.slug}-title` }, bi(e.title)),
          h('table', [
            h('thead', h('tr', [
              h('th', { scope: 'col' }, bi({ zh: '产品', en: 'Product' })),
              h('th', { scope: 'col', className: 'format' }, bi({ zh: '格式', en: 'Format' })),
              h('th', { scope: 'col' }, bi({ zh: '文件', en: 'File' })),
              h('th', { scope: 'col' }, bi({ zh: '大小', en: 'Size' })),
            ])),
            h(
              'tbody',
              [...e.artifacts]
                .sort(artifactOrder)
                .map((a) => {
                  const label = PRODUCT_LABELS[a.product] ?? { zh: a.product, en: a.product };
                  return h('tr', [
                    h('td', bi(label)),
                    h('td', { className: 'format' }, a.format.toUpperCase()),
                    h('td', h('a', { href: artifactHref(a.path) }, a.path.split('/').pop()!)),
                    h('td', { className: 'size' }, formatBytes(a.bytes)),
                  ]);
                }),
            ),
          ]),
        ]),
      ),
    ),
    h(
      'footer',
      h('p', [
        h('span', '所有文件均可离线阅读\u3002字体 Noto Sans SC\uFF0CSIL 开放字体许可证 1.1\uFF1A'),
        h('span', { className: 'en', lang: 'en' }, 'Every file reads offline. Font: Noto Sans SC, SIL Open Font License 1.1:'),
        ' ',
        h('a', { href: FONT_LICENSE_HREF, lang: 'en' }, FONT_LICENSE_HREF),
      ]),
    ),
  ]);
  const glyphs = collectText([body]);
  const style = (await fontFaceCss(glyphs.regular, glyphs.bold)) + css + '\n';
  return serialise('zh-Hans', '出版物 | Publications', style, null, body);
}

/**
 * Summaries of many shapes for the PDF layout tests, from a seeded generator
 * (the same Docs on every run): 1–9 sections of varied lengths, long pairs
 * now and then. Slide decks are not made here: what fits on a slide is the
 * slides template's measured decision (templates/slide-fit.ts), so the slide
 * tests build decks with the template from the article-shape generator
 * (tests/helpers/shapes.ts).
 */
import type { Block, Doc, Inline } from '../../../src/ir/types.js';
import { cite, meta, t } from './kitchen-sink.js';

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
const WORDS = 'alliance acquisition cooperation defense forum industry program export control release partner trainer interceptor aircraft sustainment dialogue framework policy security agreement government summit'.split(' ');

export class Shapes {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = rng(seed);
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  bool(p = 0.5): boolean {
    return this.next() < p;
  }

  /** `n` Han characters with a comma now and then and a full stop at the end; a Latin acronym sometimes. */
  zh(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) {
      s += HAN[this.int(0, HAN.length - 1)];
      if (i > 3 && i < n - 2 && this.bool(0.08)) s += '，';
      if (this.bool(0.03)) s += ['DICAS', 'GPI', 'CCA', 'AUKUS', '2025年'][this.int(0, 4)];
    }
    return n > 6 ? `${s}。` : s;
  }

  /** About `n` characters of English words, with a quotation now and then. */
  en(n: number): string {
    const words: string[] = [];
    let len = 0;
    while (len < n) {
      let w = WORDS[this.int(0, WORDS.length - 1)];
      if (this.bool(0.05)) w = `“${w}”`;
      if (this.bool(0.05)) w = `Japan’s ${w}`;
      words.push(w);
      len += w.length + 1;
    }
    const s = words.join(' ');
    return n > 20 ? `${s[0].toUpperCase()}${s.slice(1)}.` : s;
  }

  source(): Inline {
    const n = this.int(1, 3);
    return Array.from({ length: n }, (_, i) => [...(i > 0 ? [{ text: ' ' }] : []), cite(`${this.int(1, 9)}.${this.int(1, 20)}`, 'lede-1', false)]).flat();
  }

  pair(zhMax = 36, enMax = 100, marker?: string): Block {
    return {
      type: 'pair',
      zh: t(this.zh(this.int(4, zhMax))),
      en: t(this.en(this.int(10, enMax))),
      ...(marker ? { marker } : {}),
      ...(this.bool(0.3) ? { tags: { zh: t('推断'), en: t('Inferred') } } : {}),
      cites: [],
    };
  }

  /** A summary of `sections` sections: takeaways in a callout, a heading and pair per section, a long pair now and then. */
  summary(sections: number): Doc {
    const blocks: Block[] = [
      { type: 'title', title: meta('').title, meta: [], cites: [] },
      { type: 'heading', level: 1, id: 'takeaways', text: { zh: t('核心要点'), en: t('Key takeaways') }, cites: [] },
      { type: 'callout', tone: 'key', cites: [], children: Array.from({ length: this.int(1, 6) }, (_, i) => this.pair(60, 200, String(i + 1))) },
      { type: 'heading', level: 1, id: 'sections', text: { zh: t('各部分摘要'), en: t('Section summaries') }, cites: [] },
    ];
    for (let s = 1; s <= sections; s++) {
      blocks.push({
        type: 'group',
        id: `section-${s}`,
        cites: [],
        children: [
          { type: 'heading', level: 2, text: { zh: t(this.zh(this.int(2, 30))), en: t(this.en(this.int(8, 60))) }, cites: [] },
          { ...this.pair(this.bool(0.3) ? 600 : 200, this.bool(0.3) ? 1500 : 500), source: this.source() } as Block,
        ],
      });
    }
    return { product: 'summary', page: 'a4', meta: meta('summary'), blocks };
  }
}

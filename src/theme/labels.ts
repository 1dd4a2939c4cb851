/**
 * The fixed bilingual labels of every product and of the site's index page,
 * in one place below templates and backends. Templates put them into the
 * Doc; a backend prints what the Doc says.
 */
import type { Bi, CertaintyLevel } from '../model/types.js';

/** Fixed bilingual labels. */
export const LABELS = {
  publisher: { zh: '发布机构', en: 'Publisher' },
  date: { zh: '日期', en: 'Date' },
  author: { zh: '原文作者', en: 'Original author' },
  outlet: { zh: '原文出处', en: 'Original outlet' },
  originalTitle: { zh: '原文标题', en: 'Original title' },
  originalUrl: { zh: '原文链接', en: 'Original URL' },
  originalDate: { zh: '原文日期', en: 'Original date' },
  summary: { zh: '双语摘要', en: 'Bilingual summary' },
  checklist: { zh: '建议清单', en: 'Recommendations checklist' },
  slides: { zh: '幻灯片简报', en: 'Slide brief' },
  reading: { zh: '全文阅读版', en: 'Reading edition' },
  takeaways: { zh: '核心要点', en: 'Key takeaways' },
  sections: { zh: '各部分摘要', en: 'Section summaries' },
  glossary: { zh: '术语表', en: 'Glossary' },
  timeline: { zh: '时间线', en: 'Timeline' },
  term: { zh: '术语', en: 'Term' },
  name: { zh: '名称', en: 'Name' },
  definition: { zh: '释义', en: 'Definition' },
  progress: { zh: '完成进度', en: 'Progress' },
  /** The checklist page's control that clears every tick. */
  resetChecks: { zh: '全部清除', en: 'Clear all' },
  resetConfirm: { zh: '清除全部勾选？', en: 'Clear every tick?' },
  actor: { zh: '行为方', en: 'Actor' },
  horizon: { zh: '时间范围', en: 'Horizon' },
  recommendation: { zh: '建议', en: 'Recommendation' },
  /** Lead-in of the editors' note on an inferred or uncertain date. */
  note: { zh: '注', en: 'Note' },
  publications: { zh: '出版物', en: 'Publications' },
  articles: { zh: '文章', en: 'Articles' },
  product: { zh: '产品', en: 'Product' },
  file: { zh: '文件', en: 'File' },
  size: { zh: '大小', en: 'Size' },
  format: { zh: '格式', en: 'Format' },
  /** The landing page's abstract of an article (its key takeaways). */
  abstract: { zh: '内容提要', en: 'Abstract' },
  /** The original the article translates (landing page, title slide continuation, closing slide). */
  original: { zh: '原文', en: 'The original' },
  /** The Chinese edition (closing slide): publisher and date. */
  edition: { zh: '中文版', en: 'Chinese edition' },
  offline: {
    zh: '所有文件均可离线阅读\u3002字体 Noto Sans SC 与 Noto Sans\uFF0CSIL 开放字体许可证 1.1\uFF1A',
    en: 'Every file reads offline. Fonts: Noto Sans SC and Noto Sans, SIL Open Font License 1.1:',
  },
  licence: {
    // Full-width punctuation from escapes, so no editor or tool can fold it to ASCII.
    // Only what the front matter says (the publisher) and the fonts' licence, which must ship with the files.
    zh: '中文译文由{publisher}发布\u3002字体\uFF1ANoto Sans SC 与 Noto Sans\uFF0CSIL Open Font License 1.1\u3002',
    en: 'Chinese translation published by {publisher}. Fonts: Noto Sans SC and Noto Sans, SIL Open Font License 1.1.',
  },
  /* The reading edition and citations. */
  contents: { zh: '目录', en: 'Contents' },
  /** The reading edition's label of a section's summary: the editors' words, set apart from the article's. */
  sectionSummary: { zh: '编者摘要', en: 'Editors\u2019 summary' },
  /** The appendix of the summary and the checklist: every cited paragraph, so a printed copy stands alone. */
  sourcesCited: { zh: '引用原文', en: 'Sources cited' },
  /** Lead-in of a small source line: "出处 / Source ¶3.2". */
  sourceLine: { zh: '出处', en: 'Source' },
  /** Margin note of a passage of the appendix: where it stands in the reading edition. */
  inContext: { zh: '全文阅读版', en: 'Reading edition' },
  /** Margin note of a passage of the appendix that refers to a footnote: the note's text (followed by its number). */
  footnoteNote: { zh: '脚注', en: 'Footnote' },
  /**
   * Text of a margin note repeated beside the paragraph after the one it stands in full beside, `{mark}` that
   * paragraph ("第2.3段", "¶2.3"): "详见第2.3段旁注" / "In full beside ¶2.3" (not "as above": the note above it in
   * the margin may be another).
   */
  inFullBeside: { zh: '详见{mark}旁注', en: 'In full beside {mark}' },
  /** Margin-note labels of the reading edition (followed by a number or date). */
  takeawayNote: { zh: '要点', en: 'Takeaway' },
  recommendationNote: { zh: '建议', en: 'Recommendation' },
  eventNote: { zh: '事件', en: 'Event' },
  termNote: { zh: '术语', en: 'Term' },
  /* Explicit vs inferred recommendations: the words say it, not only a colour. */
  /** `kind=explicit`: one of the recommendations the article itself lists. */
  explicit: { zh: '原文建议', en: 'From the article' },
  /** `kind=implicit`: the editors' inference from the article's analysis. */
  implicit: { zh: '编者归纳', en: 'Editors\u2019 inference' },
  /** The summary's section of the article's own recommendations. */
  explicitRecommendations: { zh: '文章提出的建议', en: 'The article\u2019s recommendations' },
  explicitIntro: { zh: '以下是文章自己列出的建议\uFF0C编号与建议清单相同\u3002', en: 'These are the recommendations the article itself lists, numbered as in the checklist.' },
  /** After `explicitIntro` when the editors also inferred recommendations. */
  implicitPointer: { zh: '编者据正文分析归纳的其他建议见建议清单\u3002', en: 'The checklist adds those the editors infer from its analysis.' },
  /** The checklist's legend of its two tags. */
  tagLegend: {
    zh: '\u201C原文建议\u201D是文章自己列出的建议\uFF1B\u201C编者归纳\u201D是编者根据文章的分析归纳的建议\u3002',
    en: '\u201CFrom the article\u201D marks a recommendation the article itself lists; \u201CEditors\u2019 inference\u201D marks one the editors infer from its analysis.',
  },
  /** A list or table continued on the next slide: "建议清单（续）" / "Recommendations (continued)". */
  continued: { zh: '续', en: 'continued' },
} as const satisfies Record<string, Bi>;

/** The mark a timeline date carries when the text does not state it plainly. */
export const CERTAINTY_LABELS: Record<CertaintyLevel, Bi> = {
  inferred: { zh: '推断', en: 'inferred' },
  uncertain: { zh: '存疑', en: 'uncertain' },
};

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
  offline: {
    zh: '所有文件均可离线阅读\u3002字体 Noto Sans SC\uFF0CSIL 开放字体许可证 1.1\uFF1A',
    en: 'Every file reads offline. Font: Noto Sans SC, SIL Open Font License 1.1:',
  },
  licence: {
    // Full-width punctuation from escapes, so no editor or tool can fold it to ASCII.
    // Only what the front matter says (the publisher) and the font's licence, which must ship with the files.
    zh: '中文译文由{publisher}发布\u3002字体\uFF1ANoto Sans SC\uFF0CSIL Open Font License 1.1\u3002',
    en: 'Chinese translation published by {publisher}. Font: Noto Sans SC, SIL Open Font License 1.1.',
  },
} as const satisfies Record<string, Bi>;

/** The mark a timeline date carries when the text does not state it plainly. */
export const CERTAINTY_LABELS: Record<CertaintyLevel, Bi> = {
  inferred: { zh: '推断', en: 'inferred' },
  uncertain: { zh: '存疑', en: 'uncertain' },
};

/**
 * The text a document sets in bold, read from its compiled WordprocessingML
 * as Word reads it: a run is bold when its own properties, its character
 * style, its paragraph style (each with the styles it is based on) or the
 * conditional formatting of a table it sits in say so. The bold face is
 * embedded as a subset of only these characters, as Word's own "embed only
 * the characters used" does per face.
 *
 * Bold is a toggle property (two style levels that both set it cancel out in
 * Word); this reading ignores that and counts a run bold when any level sets
 * it, which can only add characters to the bold subset, never miss one.
 */

/** Bold as a style or run sets it: true, false, or not said. */
type Said = boolean | undefined;

/** The `w:val` attribute among an element's attributes, if it has one. */
const wVal = (attrs: string): string | undefined => /\bw:val="([^"]*)"/.exec(attrs)?.[1];

/** `<w:b/>` or `<w:b w:val="…"/>` → on or off. */
function onOff(attrs: string): boolean {
  const val = wVal(attrs);
  return val === undefined || !['false', '0', 'off'].includes(val);
}

interface StyleInfo {
  basedOn: string | null;
  /** Bold in the style's own run properties. */
  bold: Said;
  /** Table styles: conditional formats (`firstRow`, `band1Horz`, …) that set bold. */
  boldWhere: Set<string>;
}

/** What the styles part says about bold, resolved through `basedOn`. */
export interface BoldStyles {
  /** A paragraph, character or table style sets bold (itself or through its base). */
  bold(id: string | null): boolean;
  /** Conditional formats of a table style (and its bases) that set bold. */
  boldWhere(id: string | null): Set<string>;
  /** The default paragraph style's id. */
  defaultParagraph: string | null;
  /** The document defaults set bold. */
  defaultBold: boolean;
}

/** Read `word/styles.xml` (as written into the package). */
export function readBoldStyles(stylesXml: string): BoldStyles {
  const styles = new Map<string, StyleInfo>();
  let defaultParagraph: string | null = null;
  for (const m of stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const [, attrs, body] = m;
    const id = /\bw:styleId="([^"]*)"/.exec(attrs)?.[1];
    if (!id) continue;
    if (/\bw:type="paragraph"/.test(attrs) && /\bw:default="(1|true|on)"/.test(attrs)) defaultParagraph = id;
    const conditional = [...body.matchAll(/<w:tblStylePr\b[^>]*\bw:type="([^"]*)"[^>]*>([\s\S]*?)<\/w:tblStylePr>/g)];
    const own = body.replace(/<w:tblStylePr\b[\s\S]*?<\/w:tblStylePr>/g, '');
    const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(own)?.[1] ?? '';
    const b = /<w:b(?=[\s/>])([^>]*)>/.exec(rPr);
    styles.set(id, {
      basedOn: /<w:basedOn\b[^>]*\bw:val="([^"]*)"/.exec(own)?.[1] ?? null,
      bold: b ? onOff(b[1]) : undefined,
      boldWhere: new Set(conditional.filter(([, , c]) => [...c.matchAll(/<w:b(?=[\s/>])([^>]*)>/g)].some((x) => onOff(x[1]))).map(([, type]) => type)),
    });
  }
  const defaults = /<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/.exec(stylesXml)?.[1] ?? '';
  const defaultB = /<w:b(?=[\s/>])([^>]*)>/.exec(defaults);

  const boldMemo = new Map<string, boolean>();
  const bold = (id: string | null, seen = new Set<string>()): boolean => {
    if (id === null || seen.has(id)) return false;
    const memo = boldMemo.get(id);
    if (memo !== undefined) return memo;
    seen.add(id);
    const s = styles.get(id);
    const v = s ? (s.bold ?? bold(s.basedOn, seen)) : false;
    boldMemo.set(id, v);
    return v;
  };
  const where = (id: string | null, seen = new Set<string>()): Set<string> => {
    const s = id === null || seen.has(id) ? undefined : styles.get(id);
    if (!s) return new Set();
    seen.add(id!);
    return new Set([...s.boldWhere, ...where(s.basedOn, seen)]);
  };
  return { bold: (id) => bold(id), boldWhere: where, defaultParagraph, defaultBold: defaultB ? onOff(defaultB[1]) : false };
}

/** XML text → characters (the five entities and numeric references). */
export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (_m, hex: string, dec: string, name: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name]!,
  );
}

interface TableState {
  style: string | null;
  /** Index of the current row (0: the first). */
  row: number;
}

/**
 * The tokens that decide a run's boldness and its text: paragraphs, runs,
 * tables and rows (open and close), the style references, `w:b` and `w:t`.
 */
const TOKENS = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<(\/?)w:(p|r|tbl|tr|rPr|pStyle|rStyle|tblStyle|b)(?=[\s/>])([^>]*)>/g;

/**
 * The text of every bold run in a body part (`document.xml`, a header,
 * footer, footnotes…), joined. Conditional table formats other than the
 * first row's (banding, first column…) count for the whole table.
 */
export function boldText(partXml: string, styles: BoldStyles): string {
  const out: string[] = [];
  let paraStyle: string | null = styles.defaultParagraph;
  let inRun = false;
  let inRunProps = false;
  let runBold: Said;
  let runStyle: string | null = null;
  const tables: TableState[] = [];
  const tableBold = () =>
    tables.some((t) => {
      const where = styles.boldWhere(t.style);
      return where.size > 0 && ([...where].some((w) => w !== 'firstRow') || t.row === 0);
    });
  for (const m of partXml.matchAll(TOKENS)) {
    const [, text, close, tag, attrs] = m;
    if (text !== undefined) {
      if (!inRun || text === '') continue;
      const bold = runBold ?? (styles.defaultBold || styles.bold(runStyle) || styles.bold(paraStyle) || tableBold());
      if (bold) out.push(unescapeXml(text));
      continue;
    }
    const selfClosing = attrs.endsWith('/');
    switch (tag) {
      case 'p':
        if (!close && !selfClosing) paraStyle = styles.defaultParagraph;
        break;
      case 'r':
        inRun = !close && !selfClosing;
        runBold = undefined;
        runStyle = null;
        break;
      case 'rPr':
        inRunProps = inRun && !close && !selfClosing;
        break;
      case 'tbl':
        if (close) tables.pop();
        else if (!selfClosing) tables.push({ style: null, row: -1 });
        break;
      case 'tr':
        if (!close && !selfClosing && tables.length) tables[tables.length - 1].row++;
        break;
      case 'pStyle':
        if (!inRun) paraStyle = wVal(attrs) ?? paraStyle;
        break;
      case 'rStyle':
        if (inRunProps) runStyle = wVal(attrs) ?? null;
        break;
      case 'tblStyle':
        if (tables.length) tables[tables.length - 1].style = wVal(attrs) ?? null;
        break;
      case 'b':
        // Direct formatting sets the value outright (true or false); a `w:b` of the paragraph mark is not a run's.
        if (inRunProps) runBold = onOff(attrs) ? true : undefined;
        break;
    }
  }
  return out.join('');
}

/** Body parts of a package whose runs are drawn: the document, headers, footers, notes, comments. */
export const BODY_PART = /^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/;

/**
 * What makes the DOCX bytes depend only on the Doc and the epoch: docx draws
 * relationship ids and font keys from Math.random and numbers bookmarks from
 * process-wide counters; these helpers pin the former and renumber the latter.
 */

/** A small seeded PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 32-bit FNV-1a of a string: the seed for a document's ids. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Run `fn` (synchronous) with Math.random replaced by a seeded generator.
 * Only synchronous work sees it, so nothing else in the process is affected.
 */
export function withSeededRandom<T>(seed: number, fn: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}

/** Map each distinct number (ascending) to 1, 2, 3… */
function denseMap(numbers: Iterable<number>): Map<number, number> {
  return new Map([...new Set(numbers)].sort((a, b) => a - b).map((n, i) => [n, i + 1]));
}

/**
 * Renumber bookmark ids (`w:bookmarkStart/End w:id`) and the `_TocN` bookmark
 * names from 1 in document order, whatever the process-wide counters were at.
 */
export function renumberBookmarks(xml: string): string {
  const ids = denseMap([...xml.matchAll(/<w:bookmark(?:Start|End)\b[^>]*?\sw:id="(\d+)"/g)].map((m) => Number(m[1])));
  const toc = denseMap([...xml.matchAll(/_Toc(\d+)/g)].map((m) => Number(m[1])));
  return xml
    .replace(/(<w:bookmark(?:Start|End)\b[^>]*?\sw:id=")(\d+)"/g, (_m, head: string, n: string) => `${head}${ids.get(Number(n))}"`)
    .replace(/_Toc(\d+)/g, (_m, n: string) => `_Toc${toc.get(Number(n))}`);
}

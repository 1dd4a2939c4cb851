/**
 * The extent of a directive label `[…]` in source text: balanced brackets,
 * `\` escapes. Shared by the parser's fast container reading and the model's
 * attribute positions, so both read a label the same way.
 */

/**
 * Offset just after the `]` that closes the label opening at `open`, or -1
 * when it is not closed (on the same line, unless `multiline`).
 */
export function labelEnd(text: string, open: number, { multiline = false }: { multiline?: boolean } = {}): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i + 1;
    else if (c === '\n' && !multiline) return -1;
  }
  return -1;
}

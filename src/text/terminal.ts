/**
 * Words and colour for what the command line prints (the checker's
 * diagnostics, the build's progress): one way to colour, one way to count.
 */

/** SGR code that ends each kind of attribute: bold and dim end with 22, colours with 39. */
const closing = (code: number): number => (code === 1 || code === 2 ? 22 : 39);

/** A function that wraps text in the ANSI attribute `code` (31 red, 32 green, 33 yellow, 90 grey, 2 dim) when `on`. */
export function paint(on: boolean, code: number): (text: string) => string {
  return (text) => (on ? `\u001b[${code}m${text}\u001b[${closing(code)}m` : text);
}

/** `1 file`, `2 files`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

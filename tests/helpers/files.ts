/** Reading output folders back as a user comparing two builds would. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** sha256 (hex) of a file's bytes. */
export const fileSha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every file under `dir` (relative, `/`-separated path) → sha256 of its bytes. */
export function fileDigests(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else out.set(path.relative(dir, abs).split(path.sep).join('/'), fileSha256(abs));
    }
  };
  walk(dir);
  return out;
}

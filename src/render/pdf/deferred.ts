/**
 * Two modules that pdfkit and fontkit load at start-up but this backend never
 * runs: fontkit's Brotli decoder (for WOFF2 fonts; the faces here are
 * TrueType) and pdfkit's AES (for encrypted PDFs). Loading them builds large
 * tables (~30 ms of every PDF thread's start, on the build's critical path).
 *
 * Before pdfmake is loaded, each is entered in Node's CommonJS module cache
 * as a stand-in whose exports load the real module on first use (a call, or
 * reading any property), so a WOFF2 font or an encrypted document would
 * still work; they just pay the load then.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** `require` as pdfkit (under pdfmake) resolves: what it finds is the instance pdfmake uses. */
export const pdfkitRequire = createRequire(createRequire(require.resolve('pdfmake')).resolve('pdfkit'));
/** `require` as fontkit (under pdfkit) resolves. */
const fontkitRequire = createRequire(pdfkitRequire.resolve('fontkit'));

/** The modules deferred: who requires them, and how. */
export const DEFERRED: readonly { from: NodeJS.Require; id: string }[] = [
  { from: fontkitRequire, id: 'brotli/decompress.js' },
  { from: pdfkitRequire, id: '@noble/ciphers/aes' },
];

interface CacheEntry {
  id: string;
  filename: string;
  loaded: boolean;
  exports: unknown;
  children: unknown[];
  paths: string[];
}

/** Resolved file names of the deferred modules whose real code has been loaded. */
export const loadedForReal = new Set<string>();

/** The stand-ins' exports (to tell them from a real module's). */
export const standIns = new WeakSet<object>();

let installed = false;

/** Enter the stand-ins (once; a module already loaded for real is left alone). */
export function deferUnusedModules(): void {
  if (installed) return;
  installed = true;
  for (const { from, id } of DEFERRED) {
    const filename = from.resolve(id);
    const cache = from.cache as unknown as Record<string, CacheEntry | undefined>;
    if (cache[filename]) continue;
    let real: Record<PropertyKey, unknown> | ((...args: unknown[]) => unknown) | null = null;
    const load = (): Record<PropertyKey, unknown> => {
      if (!real) {
        delete cache[filename];
        real = from(id) as typeof real;
        loadedForReal.add(filename);
      }
      return real as Record<PropertyKey, unknown>;
    };
    // A function target, so the stand-in can be called (brotli's export is a function) as well as read.
    const target = function deferredModule(): void {};
    const exports = new Proxy(target, {
      apply: (_t, self, args) => Reflect.apply(load() as unknown as (...a: unknown[]) => unknown, self, args),
      get: (_t, key) => load()[key],
      has: (_t, key) => key in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_t, key) => {
        const d = Reflect.getOwnPropertyDescriptor(load(), key);
        return d ? { ...d, configurable: true } : undefined;
      },
    });
    standIns.add(exports);
    cache[filename] = { id: filename, filename, loaded: true, exports, children: [], paths: [] };
  }
}

// Importing this module enters the stand-ins: the backend's modules import it before pdfmake.
deferUnusedModules();

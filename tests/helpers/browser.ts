/**
 * A shared headless Chromium for tests: `needChromium()` says whether it is
 * installed (and fails under CI=true, where it must be), `launchChromium()`
 * starts it offline, and `openHtml()` loads a page from a file:// URL with
 * every other request blocked and recorded, plus CSP violations and console
 * errors collected, so a test can assert the page is self-contained.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { FAST, SLOW_TOOLS } from './tier.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** True when Chromium is installed; throws under CI=true when it is not, warns and returns false elsewhere (false in the fast tier). */
export const needChromium = (): boolean => {
  // The fast tier (make test-fast) skips the browser checks, even under CI.
  if (FAST && SLOW_TOOLS.has('chromium')) return false;
  if (existsSync(CHROMIUM_PATH)) return true;
  const message = `Chromium not found at ${CHROMIUM_PATH}`;
  if (process.env.CI === 'true') throw new Error(`${message}; it is required when CI=true`);
  console.warn(`skipping browser tests: ${message}`);
  return false;
};

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * One Chromium for the tests of a file (or describe block): launched before
 * them when it is installed (see needChromium), closed after them.
 */
export function sharedChromium(): { readonly available: boolean; readonly browser: Browser } {
  const available = needChromium();
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (available) browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return {
    available,
    get browser(): Browser {
      if (!browser) throw new Error('Chromium is not running');
      return browser;
    },
  };
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  url: string;
  /** URLs the page tried to load besides itself (all blocked). */
  requests: string[];
  /** Console errors (including CSP refusals) and uncaught page errors. */
  errors: string[];
  /** Content-Security-Policy violations reported by the page. */
  violations(): Promise<string[]>;
}

let dir: string | null = null;
/** Write `html` to a temporary file and return its path (names are caller-chosen so reloads keep the origin). */
export function writeTemp(name: string, html: string): string {
  dir ??= mkdtempSync(path.join(os.tmpdir(), 'briefwright-html-'));
  const file = path.join(dir, name);
  writeFileSync(file, html);
  return file;
}

/** Open a page from a file with every other request blocked and recorded. */
/**
 * Waits until the page has drawn what its scripts do after the faces load, a resize or a scroll: those handlers
 * queue their work for the next animation frame, so after the faces are in, three frames have run it (a fixed
 * wait is not enough on a loaded machine).
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    for (let i = 0; i < 3; i++) await new Promise((done) => requestAnimationFrame(() => done(undefined)));
  });
}

export async function openHtml(
  browser: Browser,
  file: string,
  viewport = { width: 1280, height: 800 },
  context?: BrowserContext,
): Promise<OpenedPage> {
  const ctx = context ?? (await browser.newContext({ viewport, offline: true }));
  const page = await ctx.newPage();
  if (context) await page.setViewportSize(viewport);
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u.split('#')[0] === url) return route.continue();
    requests.push(u);
    return route.abort();
  });
  page.on('requestfailed', (r) => {
    if (r.url().split('#')[0] !== url && !r.url().startsWith('data:')) requests.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return {
    page,
    context: ctx,
    url,
    requests,
    errors,
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
  };
}

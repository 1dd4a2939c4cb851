import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { allowSelf, EVENTS_PATH, injectReload, resolveRequest, SCRIPT_PATH, serve, type LiveServer } from '../../src/build/watch.js';

const page = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-abc'; img-src data:"></head><body><p>x</p></body></html>`;

describe('live reload injection', () => {
  it('adds an external script before </body> and lets the CSP load it from self', () => {
    const served = injectReload(page);
    expect(served).toContain(`<script src="${SCRIPT_PATH}"></script></body>`);
    const policy = /content="([^"]*)"/.exec(served)![1];
    const directive = (name: string) => policy.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(directive('connect-src')).toBe("connect-src 'self'");
    expect(directive('style-src')).toBe("style-src 'sha256-abc'");
    expect(served).not.toMatch(/<script>[^<]/); // no inline script
  });

  it('reads a CSP whose quotes are written as character references', () => {
    const encoded = `<html><head><meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; script-src &#x27;sha256-q&#x27;"></head><body></body></html>`;
    const policy = /content="([^"]*)"/.exec(injectReload(encoded))![1];
    expect(policy.split('; ')).toEqual(["default-src 'none'", "script-src 'sha256-q' 'self'", "connect-src 'self'"]);
  });

  it('extends an existing script-src instead of replacing it', () => {
    expect(allowSelf("script-src 'sha256-x'")).toBe("script-src 'sha256-x' 'self'");
    expect(allowSelf("script-src 'self'")).toBe("script-src 'self'");
  });

  it('keeps requests inside the output folder', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'briefwright-serve-'));
    mkdirSync(path.join(out, 'a'));
    expect(resolveRequest(out, '/')).toBe(path.join(out, 'index.html'));
    expect(resolveRequest(out, '/a/')).toBe(path.join(out, 'a/index.html'));
    expect(resolveRequest(out, '/a/x.pdf?v=1')).toBe(path.join(out, 'a/x.pdf'));
    for (const evil of ['/../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/a/../../x']) {
      const r = resolveRequest(out, evil);
      expect(r === null || r.startsWith(out + path.sep), evil).toBe(true);
    }
    expect(resolveRequest(out, '/%E0%A4%A')).toBeNull();
  });
});

describe('the watch server', () => {
  let live: LiveServer | null = null;
  afterEach(async () => {
    await live?.close();
    live = null;
  });

  const get = (url: string) =>
    new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      http
        .get(url, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }));
        })
        .on('error', reject);
    });

  it('serves HTML with the reload script, never changing the file on disk, and pushes reload events', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'briefwright-serve-'));
    writeFileSync(path.join(out, 'index.html'), page);
    writeFileSync(path.join(out, 'data.json'), '{}');
    live = await serve(out, 0);
    expect(live.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

    const html = await get(live.url);
    expect(html.status).toBe(200);
    expect(html.body).toContain(SCRIPT_PATH);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe(page);

    const script = await get(new URL(SCRIPT_PATH, live.url).href);
    expect(script.type).toMatch(/javascript/);
    expect(script.body).toContain('EventSource');

    expect((await get(new URL('/data.json', live.url).href)).body).toBe('{}');
    expect((await get(new URL('/missing.pdf', live.url).href)).status).toBe(404);

    const event = await new Promise<string>((resolve, reject) => {
      http
        .get(new URL(EVENTS_PATH, live!.url), (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            text += c;
            if (text.includes(': connected')) live!.reload();
            if (text.includes('event: reload')) {
              res.destroy();
              resolve(text);
            }
          });
        })
        .on('error', reject);
    });
    expect(event).toContain('event: reload');
  });
});

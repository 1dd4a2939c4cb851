import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { allowSelf, EVENTS_PATH, hostAllowed, injectReload, resolveRequest, SCRIPT_PATH, serve, watch, type LiveServer } from '../../src/build/watch.js';

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

describe('the Host check (DNS rebinding)', () => {
  it('accepts only the loopback names with the server\'s port', () => {
    for (const ok of ['127.0.0.1:4173', 'localhost:4173', '[::1]:4173', 'LOCALHOST:4173']) expect(hostAllowed(ok, 4173), ok).toBe(true);
    for (const bad of [undefined, '', 'evil.example:4173', '127.0.0.1', 'localhost:80', '127.0.0.1:4174', 'localhost.evil.example:4173', '127.0.0.1:4173.evil', '0.0.0.0:4173', '127.1:4173']) {
      expect(hostAllowed(bad, 4173), String(bad)).toBe(false);
    }
    expect(hostAllowed('localhost', 80)).toBe(true);
  });

  it('the server answers another Host with 421 and no content of out/', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'briefwright-serve-'));
    writeFileSync(path.join(out, 'index.html'), '<p>unpublished draft</p>');
    const live = await serve(out, 0);
    try {
      const port = Number(new URL(live.url).port);
      const ask = (host: string) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = http.request({ host: '127.0.0.1', port, path: '/index.html', headers: { host } }, (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c) => (body += c));
            res.on('end', () => resolve({ status: res.statusCode!, body }));
          });
          req.on('error', reject);
          req.end();
        });
      for (const host of ['attacker.example', `attacker.example:${port}`, `127.0.0.1:${port + 1}`]) {
        const r = await ask(host);
        expect(r.status, host).toBe(421);
        expect(r.body, host).not.toContain('draft');
      }
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
        const r = await ask(host);
        expect(r.status, host).toBe(200);
        expect(r.body).toContain('unpublished draft');
      }
      const events = await ask('attacker.example');
      expect(events.status).toBe(421);
    } finally {
      await live.close();
    }
  });
});

describe('the rebuild loop', () => {
  /** Start watch with a stand-in build that counts; `settle` waits for quiet and returns the rebuilds since the last call. */
  async function start() {
    const root = mkdtempSync(path.join(os.tmpdir(), 'briefwright-watch-'));
    mkdirSync(path.join(root, 'source'));
    mkdirSync(path.join(root, 'code'));
    writeFileSync(path.join(root, 'source/a.md'), 'one\n');
    let builds = 0;
    let codeBuilds = 0;
    const session = await watch({
      root,
      outDir: path.join(root, 'out'),
      port: 0,
      buildArgs: [],
      log: () => {},
      codeDirs: [path.join(root, 'code')],
      settleMs: 100,
      rebuild: async (code) => {
        builds += 1;
        if (code) codeBuilds += 1;
        return 0;
      },
    });
    let seen = 1; // the first build
    const settle = async (): Promise<{ builds: number; code: number }> => {
      // Quiet for a second after the last rebuild (events of one save may arrive over a few hundred ms).
      let last = builds;
      for (let quiet = 0; quiet < 10; ) {
        await new Promise((r) => setTimeout(r, 100));
        if (builds !== last) {
          last = builds;
          quiet = 0;
        } else quiet += 1;
      }
      const r = { builds: builds - seen, code: codeBuilds };
      seen = builds;
      return r;
    };
    return { root, session, settle, src: (name: string) => path.join(root, 'source', name) };
  }

  it('edit, rename-save (vim, JetBrains, sed -i), add and delete a source: each rebuilds once', async () => {
    const { session, settle, src, root } = await start();
    try {
      expect((await settle()).builds).toBe(0);

      writeFileSync(src('a.md'), 'two\n');
      expect((await settle()).builds, 'edit in place').toBe(1);

      // vim (backupcopy=no): the original becomes a backup, a new file takes its name, the backup goes
      renameSync(src('a.md'), src('a.md~'));
      writeFileSync(src('a.md'), 'three\n');
      rmSync(src('a.md~'));
      expect((await settle()).builds, 'vim').toBe(1);

      // JetBrains safe write: a temp file is renamed over the original
      writeFileSync(src('a.md___jb_tmp___'), 'four\n');
      renameSync(src('a.md'), src('a.md___jb_old___'));
      renameSync(src('a.md___jb_tmp___'), src('a.md'));
      rmSync(src('a.md___jb_old___'));
      expect((await settle()).builds, 'JetBrains').toBe(1);

      // sed -i: a temp file renamed over the original, twice in a row (each save is seen)
      for (const text of ['five\n', 'six\n']) {
        writeFileSync(src('sedAb12Cd'), text);
        renameSync(src('sedAb12Cd'), src('a.md'));
        expect((await settle()).builds, `sed -i → ${text.trim()}`).toBe(1);
      }

      writeFileSync(src('b.md'), 'new\n');
      expect((await settle()).builds, 'new source').toBe(1);
      rmSync(src('b.md'));
      expect((await settle()).builds, 'deleted source').toBe(1);

      // files that are not sources: nothing
      writeFileSync(src('notes.txt'), 'x');
      mkdirSync(src('drafts'));
      writeFileSync(src('drafts/c.md'), 'x');
      expect((await settle()).builds, 'not a source').toBe(0);

      // code: one rebuild that recompiles
      writeFileSync(path.join(root, 'code/x.ts'), 'export {};\n');
      const code = await settle();
      expect(code.builds).toBe(1);
      expect(code.code).toBe(1);
    } finally {
      await session.stop();
    }
  }, 120_000);
});

/**
 * `briefwright watch`: rebuild when a source, template, the theme or other
 * code changes, and serve `out/` on 127.0.0.1 with live reload.
 *
 * Files on disk are never touched by the reload machinery: the reload script
 * is added to HTML only in the served response, as an external same-origin
 * script (so a strict Content-Security-Policy only needs `'self'`, which the
 * served copy's CSP gets), listening to a Server-Sent-Events endpoint.
 *
 * The server answers only requests whose Host is 127.0.0.1, localhost or
 * [::1] with its own port (421 otherwise): a web page that rebinds its own
 * name to 127.0.0.1 cannot read the drafts. Changes are seen through
 * chokidar, which follows files saved by rename (vim, JetBrains' safe write,
 * `sed -i`) and new files; each burst of events rebuilds once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { watch as watchFiles, type FSWatcher } from 'chokidar';
import { projectRoot, runsCompiled } from './cache.js';
import { SOURCE_DIR } from './discover.js';

export const RELOAD_PREFIX = '/__briefwright/';
export const EVENTS_PATH = `${RELOAD_PREFIX}events`;
export const SCRIPT_PATH = `${RELOAD_PREFIX}reload.js`;

export const RELOAD_SCRIPT = `// briefwright watch: reload this page after each rebuild.
(() => {
  const source = new EventSource(${JSON.stringify(EVENTS_PATH)});
  source.addEventListener('reload', () => location.reload());
})();
`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Add `'self'` to the script and connect sources of a CSP policy string. */
export function allowSelf(policy: string): string {
  const directives = policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  const find = (name: string) => directives.findIndex((d) => d.split(/\s+/)[0].toLowerCase() === name);
  const fallback = directives[find('default-src')]?.split(/\s+/).slice(1) ?? [];
  for (const name of ['script-src', 'connect-src']) {
    const i = find(name);
    if (i >= 0) {
      const parts = directives[i].split(/\s+/).filter((p) => p !== "'none'");
      if (!parts.includes("'self'")) parts.push("'self'");
      directives[i] = parts.join(' ');
    } else if (find('default-src') >= 0) {
      const base = fallback.filter((p) => p !== "'none'");
      directives.push([name, ...base, ...(base.includes("'self'") ? [] : ["'self'"])].join(' '));
    }
  }
  return directives.join('; ');
}

/** Decode the character references an HTML serializer may use inside an attribute value. */
export function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|quot|apos|amp|lt|gt);/gi, (_m, ref: string) => {
    const r = ref.toLowerCase();
    if (r.startsWith('#x')) return String.fromCodePoint(parseInt(r.slice(2), 16));
    if (r.startsWith('#')) return String.fromCodePoint(parseInt(r.slice(1), 10));
    return ({ quot: '"', apos: "'", amp: '&', lt: '<', gt: '>' } as Record<string, string>)[r];
  });
}

const encodeAttribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The served copy of an HTML page: CSP meta allows `'self'`, reload script before `</body>`. */
export function injectReload(html: string): string {
  const withCsp = html.replace(/<meta\s[^>]*>/gi, (tag) => {
    if (!/http-equiv\s*=\s*["']?content-security-policy/i.test(tag)) return tag;
    return tag.replace(/(\scontent\s*=\s*)(?:"([^"]*)"|'([^']*)')/i, (_m, head: string, dq?: string, sq?: string) => {
      const policy = decodeAttribute(dq ?? sq ?? '');
      return `${head}"${encodeAttribute(allowSelf(policy))}"`;
    });
  });
  const tag = `<script src="${SCRIPT_PATH}"></script>`;
  const at = withCsp.toLowerCase().lastIndexOf('</body>');
  return at >= 0 ? `${withCsp.slice(0, at)}${tag}${withCsp.slice(at)}` : `${withCsp}${tag}`;
}

/** The file under `outDir` a URL path names, or null if it escapes `outDir`. */
export function resolveRequest(outDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(outDir, `.${path.posix.normalize(`/${decoded}`)}`);
  const base = path.resolve(outDir);
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  if (existsSync(file) && statSync(file).isDirectory()) return path.join(file, 'index.html');
  return file;
}

export interface LiveServer {
  server: http.Server;
  /** Tell every open page to reload. */
  reload(): void;
  close(): Promise<void>;
  url: string;
}

/** Host names the server answers to (with its port): the loopback names, never a name a web page controls. */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

/** Whether a request's Host header names this server on the loopback interface. */
export function hostAllowed(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.trim().toLowerCase();
  return LOOPBACK_HOSTS.some((name) => host === `${name}:${port}` || (port === 80 && host === name));
}

export async function serve(outDir: string, port: number, host = '127.0.0.1'): Promise<LiveServer> {
  const clients = new Set<http.ServerResponse>();
  let actualPort = port;
  const server = http.createServer((req, res) => {
    if (!hostAllowed(req.headers.host, actualPort)) {
      res.writeHead(421, { 'content-type': TYPES['.txt'], 'cache-control': 'no-store' });
      res.end(`misdirected request: open http://127.0.0.1:${actualPort}/\n`);
      return;
    }
    const url = req.url ?? '/';
    if (url === EVENTS_PATH) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (url === SCRIPT_PATH) {
      res.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-store' });
      res.end(RELOAD_SCRIPT);
      return;
    }
    const file = resolveRequest(outDir, url);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(file ? 404 : 400, { 'content-type': TYPES['.txt'] });
      res.end(file ? 'not found\n' : 'bad request\n');
      return;
    }
    const type = contentType(file);
    const bytes = readFileSync(file);
    const body = type.startsWith('text/html') ? Buffer.from(injectReload(bytes.toString('utf8')), 'utf8') : bytes;
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    url: `http://${host}:${actualPort}/`,
    reload() {
      for (const c of clients) c.write('event: reload\ndata: now\n\n');
    },
    close() {
      for (const c of clients) c.end();
      clients.clear();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export interface WatchOptions {
  root: string;
  outDir: string;
  port: number;
  /** Extra arguments for each `build` run (e.g. --formats). */
  buildArgs: string[];
  log: (line: string) => void;
  /**
   * What a rebuild runs; `code`: code changed since the last one. Default:
   * recompile when code changed (and the CLI runs compiled), then the CLI's
   * build, each in a child process. Returns the exit status.
   */
  rebuild?: (code: boolean) => Promise<number>;
  /** Folders of code whose changes recompile (default: the package's src and templates). */
  codeDirs?: string[];
  /** Milliseconds of quiet after a change before rebuilding (default 150). */
  settleMs?: number;
}

const children = new Set<ChildProcess>();

function run(cmd: string, args: string[], cwd: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, stdio: 'inherit' });
    children.add(child);
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on('error', () => resolve(1));
  });
}

/** The changes that matter: a source (`*.md` directly in the source folder) or a code file. */
export function relevantChange(file: string, sourceDir: string, codeDirs: readonly string[]): 'source' | 'code' | null {
  if (path.dirname(file) === sourceDir) return file.endsWith('.md') ? 'source' : null;
  if (codeDirs.some((d) => file.startsWith(d + path.sep)) && /\.(ts|mts|js|mjs|json|css)$/.test(file)) return 'code';
  return null;
}

/** Serve, build, then rebuild on every change. Resolves with a stop function after the first build. */
export async function watch(opts: WatchOptions): Promise<{ url: string; stop: () => Promise<void> }> {
  const pkg = projectRoot();
  const compiled = runsCompiled();
  const cli = path.join(pkg, 'bin', 'briefwright.js');
  // The same compile as make's (tsc, then the vendor bundles), so dist/ and the build cache's keys match.
  const compile = path.join(pkg, 'scripts', 'compile.mjs');
  const defaultRebuild = async (code: boolean): Promise<number> => {
    let status = 0;
    if (code && compiled) status = await run(process.execPath, [compile], pkg);
    if (status === 0) status = await run(process.execPath, [cli, 'build', '--out', opts.outDir, ...opts.buildArgs], opts.root);
    return status;
  };
  const runBuild = opts.rebuild ?? defaultRebuild;

  let running = false;
  let stopped = false;
  let again = false;
  let codeChanged = false;
  let live: LiveServer | null = null;

  const rebuild = async (): Promise<void> => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    do {
      again = false;
      const code = codeChanged;
      codeChanged = false;
      const started = performance.now();
      const status = await runBuild(code);
      opts.log(`${status === 0 ? 'rebuilt' : 'build failed'} in ${Math.round(performance.now() - started)} ms; watching for changes`);
      live?.reload();
    } while (again && !stopped);
    running = false;
  };

  let timer: NodeJS.Timeout | null = null;
  const sourceDir = path.resolve(opts.root, SOURCE_DIR);
  const codeDirs = (opts.codeDirs ?? [path.join(pkg, 'templates'), path.join(pkg, 'src')]).map((d) => path.resolve(d));
  const changed = (file: string): void => {
    const kind = relevantChange(path.resolve(file), sourceDir, codeDirs);
    if (!kind || stopped) return;
    if (kind === 'code') codeChanged = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), opts.settleMs ?? 150);
  };

  const watched = [sourceDir, ...codeDirs].filter((d) => existsSync(d));
  const watcher: FSWatcher = watchFiles(watched, {
    ignoreInitial: true,
    // A file replaced by rename (safe write) is one change, not a deletion and a new file.
    atomic: true,
    // Sources are the *.md directly in the source folder; code is anything in the code folders.
    ignored: (file: string) => path.resolve(file) !== sourceDir && path.dirname(path.resolve(file)) !== sourceDir && !codeDirs.some((d) => path.resolve(file) === d || path.resolve(file).startsWith(d + path.sep)),
  });
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, changed);
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  live = await serve(opts.outDir, opts.port);
  opts.log(`serving ${opts.outDir} at ${live.url}`);
  await rebuild();
  return {
    url: live.url,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      for (const child of children) child.kill('SIGTERM');
      await watcher.close();
      await live?.close();
    },
  };
}

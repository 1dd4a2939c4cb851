/**
 * The command line: parse arguments, call one command, map the outcome to an
 * exit status in one place. Commands live elsewhere; this file stays thin.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { pathToFileURL } from 'node:url';
import { CliError, EXIT, describeFailure, printable, usageError } from './errors.js';
import { projectRoot } from './build/cache.js';
import { defaultSources } from './build/discover.js';
import { parseShard } from './build/shard.js';
import { PRODUCTS, type ProductName } from './ir/types.js';
import { OUTPUT_FORMATS, type OutputFormat } from './render/registry.js';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

const HELP = `briefwright — Markdown articles → bilingual summaries, checklists, slide briefs and reading editions

Usage:
  briefwright build [files…] [options]   build HTML, PDF, DOCX and PPTX into out/
  briefwright check [files…] [options]   validate sources (default: source/*.md)
  briefwright fix [files…]               write the generated ids of blocks without one into the sources
  briefwright merge DIR… --out DIR       combine the output folders of shard builds into one
  briefwright watch [options]            rebuild on change and serve out/ with live reload
  briefwright init <slug>                create source/<slug>.md from a template
  briefwright --help | --version

Build options:
  --out DIR            output folder (default: out)
  --products LIST      comma-separated: ${PRODUCTS.join(',')} (default: all)
  --formats LIST       comma-separated: ${OUTPUT_FORMATS.join(',')} (default: all; pptx is for slides only)
  --force              ignore the cache and render everything again
  --jobs N             render threads (default: number of CPUs)
  --shard K/N          build only the K-th of N deterministic slices of the articles
  --no-wait            fail at once when another build is writing to the output folder
  --quiet              print only problems

Check options:
  --strict             every warning is an error (exit 1), as CI runs it
  --compact            one line per problem, without the fix and docs lines

Merge options:
  --out DIR            the combined folder (absent, empty, or made by an earlier merge)

Watch options:
  --port N             port on 127.0.0.1 (default: 4173), plus --out, --products, --formats

Any command: --debug prints stack traces with errors.

Exit status: 0 success · 1 an article has errors · 2 usage, system or internal error · 130/143 interrupted
Environment: SOURCE_DATE_EPOCH fixes every date written into outputs; NO_COLOR disables colour.
`;

function version(): string {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

type Options = NonNullable<ParseArgsConfig['options']>;

function parse<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>({
      args,
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw usageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

function list<T extends string>(raw: string | undefined, allowed: readonly T[], flag: string): T[] | undefined {
  if (raw === undefined) return undefined;
  const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw usageError(`${flag} needs at least one of: ${allowed.join(', ')}`);
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item)) {
      throw usageError(`${flag}: unknown value "${item}" (expected: ${allowed.join(', ')})`);
    }
  }
  return [...new Set(items)] as T[];
}

function positiveInt(raw: string | undefined, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw usageError(`${flag} expects a whole number ≥ 1, got "${raw}"`);
  return Number(raw);
}

const BUILD_OPTIONS = {
  out: { type: 'string' },
  products: { type: 'string' },
  formats: { type: 'string' },
  force: { type: 'boolean' },
  jobs: { type: 'string' },
  shard: { type: 'string' },
  'no-wait': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
} as const satisfies Options;

async function buildCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, BUILD_OPTIONS);
  const products = list<ProductName>(values.products as string | undefined, PRODUCTS, '--products');
  const formats = list<OutputFormat>(values.formats as string | undefined, OUTPUT_FORMATS, '--formats');
  const jobs = positiveInt(values.jobs as string | undefined, '--jobs');
  const shard = values.shard === undefined ? undefined : parseShard(values.shard as string);
  const outDir = (values.out as string | undefined) ?? 'out';
  const quiet = Boolean(values.quiet);

  const { build } = await import('./build/index.js');
  const { createProgress, summaryLine, useColor } = await import('./build/progress.js');
  const color = useColor(io.stderr, io.env);
  const started = performance.now();
  const report = await build({
    root: io.cwd,
    files: positionals,
    outDir,
    products,
    formats,
    force: Boolean(values.force),
    jobs,
    shard,
    wait: !values['no-wait'],
    outLabel: outDir,
    // run() leaves the process right after a build (below).
    detachWorkers: true,
    onEvent: createProgress({ tty: Boolean(io.stderr.isTTY), color, quiet, debug: hasDebug(io), write: (t) => io.stderr.write(t) }),
  });
  const withMessages = report.files.filter((f) => f.messages.length > 0);
  if (withMessages.length > 0) {
    const { formatDiagnostics } = await import('./check.js');
    const invalid = new Set(report.articles.filter((a) => a.status === 'invalid').map((a) => a.path));
    const shown = quiet ? withMessages.filter((f) => invalid.has(f.path)) : withMessages;
    if (shown.length > 0) io.stderr.write(ensureNewline(formatDiagnostics(shown, { color })));
  }
  if (!quiet) io.stderr.write(`${summaryLine(report, performance.now() - started, printable(outDir))}\n`);
  return report.ok ? EXIT.ok : EXIT.content;
}

async function mergeCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { out: BUILD_OPTIONS.out, quiet: BUILD_OPTIONS.quiet } as const);
  if (positionals.length === 0) throw usageError('merge expects the output folders of the shard builds, e.g. `briefwright merge shard-1 shard-2 --out out`');
  const outDir = values.out as string | undefined;
  if (outDir === undefined) throw usageError('merge needs --out DIR: the folder to write the combined output into');
  const { merge } = await import('./build/merge.js');
  const started = performance.now();
  const report = await merge({ root: io.cwd, inputs: positionals, outDir });
  if (!values.quiet) {
    const [{ formatMs }, { plural }] = await Promise.all([import('./build/progress.js'), import('./text/terminal.js')]);
    io.stderr.write(
      `briefwright: merged ${plural(report.inputs, 'folder')}: ${plural(report.articles, 'article')}, ${plural(report.artifacts, 'artifact')} (${report.copied} copied, ${report.unchanged} unchanged) in ${formatMs(performance.now() - started)} → ${printable(outDir)}\n`,
    );
  }
  return EXIT.ok;
}

const ensureNewline = (text: string): string => (text === '' || text.endsWith('\n') ? text : `${text}\n`);

/** The files a command works on: the arguments, or every source/*.md; each must exist. */
async function sourceArguments(positionals: string[], io: Io, verb: string): Promise<string[]> {
  const files = positionals.length > 0 ? positionals : defaultSources(io.cwd);
  if (files.length === 0) throw usageError(`no sources to ${verb}: source/ holds no .md file`);
  const { escapeForDisplay } = await import('./text/unicode-policy.js');
  for (const f of files) if (!existsSync(path.resolve(io.cwd, f))) throw usageError(`no such file: ${escapeForDisplay(f)}`);
  return files;
}

async function checkCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { strict: { type: 'boolean' }, compact: { type: 'boolean' } } as const);
  const files = await sourceArguments(positionals, io, 'check');
  const { checkFiles, formatDiagnostics, hasErrors, strict } = await import('./check.js');
  const checked = await inDir(io.cwd, () => checkFiles(files));
  const vfiles = values.strict ? strict(checked) : checked;
  const color = Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
  io.stdout.write(ensureNewline(formatDiagnostics(vfiles, { color, verbose: !values.compact })));
  return hasErrors(vfiles) ? EXIT.content : EXIT.ok;
}

async function fixCommand(args: string[], io: Io): Promise<number> {
  const { positionals } = parse(args, {});
  const files = await sourceArguments(positionals, io, 'fix');
  const { fixFiles } = await import('./fix.js');
  const { escapeForDisplay } = await import('./text/unicode-policy.js');
  const { plural } = await import('./text/terminal.js');
  const results = await inDir(io.cwd, () => fixFiles(files));
  for (const r of results) {
    const where = escapeForDisplay(r.path);
    if (r.status === 'written') io.stdout.write(`${where}: wrote ${plural(r.written.length, 'id')} (${r.written.map((g) => g.id).join(', ')})\n`);
    else if (r.status === 'unchanged' && r.skipped.length === 0) io.stdout.write(`${where}: every block has its id; nothing to write\n`);
    else if (r.status === 'failed') io.stderr.write(`${where}: not changed: ${escapeForDisplay(r.reason ?? 'unknown reason')}\n`);
    for (const g of r.skipped) io.stderr.write(`${where}:${g.line}:${g.column}: cannot write the id \`${g.id}\` here; add it by hand\n`);
  }
  return results.some((r) => r.status === 'failed' || r.skipped.length > 0) ? EXIT.content : EXIT.ok;
}

/** Run with the process in `dir` (check reads paths relative to it). */
async function inDir<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const before = process.cwd();
  if (path.resolve(dir) === before) return fn();
  process.chdir(dir);
  try {
    return await fn();
  } finally {
    process.chdir(before);
  }
}

async function initCommand(args: string[], io: Io): Promise<number> {
  const { positionals } = parse(args, {});
  if (positionals.length !== 1) throw usageError('init expects exactly one slug, e.g. `briefwright init my-article`');
  const { initArticle } = await import('./build/scaffold.js');
  const rel = initArticle(io.cwd, positionals[0]);
  io.stdout.write(`created ${rel}; edit it, then run \`briefwright check ${rel}\`\n`);
  return EXIT.ok;
}

async function watchCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    out: BUILD_OPTIONS.out,
    products: BUILD_OPTIONS.products,
    formats: BUILD_OPTIONS.formats,
    port: { type: 'string' },
  } as const);
  if (positionals.length > 0) throw usageError('watch takes no file arguments');
  const port = values.port === undefined ? 4173 : positiveInt(values.port as string, '--port')!;
  if (port > 65535) throw usageError('--port must be at most 65535');
  const buildArgs: string[] = ['--quiet'];
  for (const key of ['products', 'formats'] as const) {
    const v = values[key] as string | undefined;
    if (v !== undefined) {
      list(v, key === 'products' ? PRODUCTS : OUTPUT_FORMATS, `--${key}`);
      buildArgs.push(`--${key}`, v);
    }
  }
  const { watch } = await import('./build/watch.js');
  const outDir = path.resolve(io.cwd, (values.out as string | undefined) ?? 'out');
  const session = await watch({ root: io.cwd, outDir, port, buildArgs, log: (l) => io.stderr.write(`${l}\n`) });
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  await session.stop();
  return signal === 'SIGINT' ? EXIT.interrupted : EXIT.terminated;
}

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  build: buildCommand,
  check: checkCommand,
  fix: fixCommand,
  init: initCommand,
  merge: mergeCommand,
  watch: watchCommand,
};

const hasDebug = (io: Io): boolean => Boolean(io.env.BRIEFWRIGHT_DEBUG);

/** Run one command line; returns the exit status. The single place errors become statuses. */
export async function main(argvIn: string[], io: Io = defaultIo()): Promise<number> {
  // --debug applies to any command: stack traces with errors.
  if (argvIn.includes('--debug')) io = { ...io, env: { ...io.env, BRIEFWRIGHT_DEBUG: '1' } };
  const debug = hasDebug(io);
  const argv = argvIn.filter((a) => a !== '--debug');
  try {
    const [command, ...rest] = argv;
    if (command === undefined) {
      io.stderr.write(HELP);
      return EXIT.usage;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    if (command === '--version' || command === '-v') {
      io.stdout.write(`${version()}\n`);
      return EXIT.ok;
    }
    const run = COMMANDS[command];
    if (!run) throw usageError(`unknown command "${printable(command)}" (expected: ${Object.keys(COMMANDS).join(', ')})`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    return await run(rest, io);
  } catch (error) {
    const { exitCode, message } = describeFailure(error, { debug, cwd: io.cwd });
    io.stderr.write(`briefwright: ${message}\n`);
    if (error instanceof CliError && error.kind === 'usage') io.stderr.write('run `briefwright --help` for usage\n');
    return exitCode;
  }
}

function defaultIo(): Io {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr };
}

/** Remove half-written files, release locks, and leave with 130 (SIGINT) or 143 (SIGTERM). */
export function installSignalHandlers(cleanup: () => void): void {
  const on = (signal: NodeJS.Signals, code: number) =>
    process.once(signal, () => {
      try {
        cleanup();
      } finally {
        process.exit(code);
      }
    });
  on('SIGINT', EXIT.interrupted);
  on('SIGTERM', EXIT.terminated);
}

/** Entry point used by bin/briefwright.js (and `tsx src/cli.ts`). */
export async function run(argv: string[] = process.argv.slice(2)): Promise<void> {
  // watch answers signals itself (it stops its server and its builds first).
  if (argv[0] !== 'watch') {
    const [{ removeLiveTempFiles }, { releaseHeldLocks }] = await Promise.all([import('./build/write.js'), import('./build/lock.js')]);
    installSignalHandlers(() => {
      removeLiveTempFiles();
      releaseHeldLocks();
    });
  }
  const code = await main(argv);
  // watch may leave sockets of closed pages half-open, and a build's render threads are only asked
  // to stop (tearing their heaps down would cost the build ~25 ms): leave now, with the status,
  // once what was written to stdout and stderr is out.
  if (argv[0] === 'watch' || argv[0] === 'build' || argv[0] === 'merge') {
    await Promise.all([process.stdout, process.stderr].map((s) => new Promise((resolve) => s.write('', resolve))));
    process.exit(code);
  }
  process.exitCode = code;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  void run();
}

/**
 * The CI workflow, read as data: it parses, has the jobs the project relies
 * on (tests on every supported Node version, shard builds whose count is set
 * in one place, the merge, Pages on main, a release with checksums and
 * provenance on tags), pins every action to a version, grants each job only
 * what it needs, and every command its steps run exists: the CLI's commands
 * and options (from the shipped CLI's --help), npm scripts, make targets and
 * files of the repository.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cliPath, ensureCompiled, repoRoot } from './helpers.js';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  name?: string;
  needs?: string | string[];
  if?: string;
  'runs-on': string;
  container?: string;
  permissions?: Record<string, string>;
  strategy?: { matrix?: Record<string, unknown> };
  env?: Record<string, unknown>;
  environment?: { name: string; url?: string };
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  env?: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const WORKFLOWS = path.join(repoRoot, '.github/workflows');
const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));
const wf = parse(readFileSync(path.join(WORKFLOWS, 'build.yml'), 'utf8')) as Workflow;
const steps = (job: string) => wf.jobs[job].steps;
const runs = (job: string) => steps(job).flatMap((s) => (s.run ? [s.run] : []));
const uses = (job: string) => steps(job).flatMap((s) => (s.uses ? [s.uses.replace(/@.*$/, '')] : []));
const needs = (job: string) => [wf.jobs[job].needs ?? []].flat();

let help = '';
beforeAll(() => {
  ensureCompiled();
  help = execFileSync(process.execPath, [cliPath, '--help'], { encoding: 'utf8' });
}, 300_000);

describe('the workflow files', () => {
  it('parse as YAML, each with jobs', () => {
    expect(files).toContain('build.yml');
    for (const f of files) {
      const doc = parse(readFileSync(path.join(WORKFLOWS, f), 'utf8')) as Workflow;
      expect(Object.keys(doc.jobs ?? {}).length, f).toBeGreaterThan(0);
    }
  });

  it('run on pushes (tags v* included) and pull requests', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push']);
    expect((wf.on.push as { tags: string[] }).tags).toEqual(['v*']);
  });
});

describe('the jobs', () => {
  it('tests on Node 20, 22 and 24, each version one that package.json engines accepts', () => {
    const nodes = (wf.jobs.test.strategy!.matrix!.node as number[]).map(String);
    expect(nodes).toEqual(['20', '22', '24']);
    expect(wf.jobs.test.container).toBe('node:${{ matrix.node }}-bookworm');
    const engines = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    for (const n of nodes) expect(engines, `engines for Node ${n}`).toMatch(new RegExp(`(\\^${n}\\.\\d+\\.\\d+|>=${n}(\\.\\d+){0,2})`));
    expect(runs('test')).toEqual(['.ci/run']);
  });

  it('builds in shards whose count is set once (env SHARDS) and reaches the matrix through the plan job', () => {
    const shards = wf.env!.SHARDS;
    expect(Number.isInteger(shards)).toBe(true);
    const text = readFileSync(path.join(WORKFLOWS, 'build.yml'), 'utf8');
    // the number itself is written nowhere else
    expect(text.match(new RegExp(`\\b${shards}\\b`, 'g'))).toHaveLength(1);
    expect(wf.jobs.build.strategy!.matrix!.shard).toBe('${{ fromJSON(needs.plan.outputs.shards) }}');
    expect(needs('build')).toEqual(expect.arrayContaining(['plan', 'test']));
    expect(runs('build').some((r) => r.includes('briefwright.js build --shard ${{ matrix.shard }}/${{ needs.plan.outputs.count }}'))).toBe(true);
    // the plan step really makes the list 1..N
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'briefwright-gh-')), 'output');
    const r = spawnSync('bash', ['-euo', 'pipefail', '-c', runs('plan')[0]], { env: { ...process.env, SHARDS: '4', BUILD_NODE: '22', GITHUB_OUTPUT: out }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('shards=[1,2,3,4]\ncount=4\nnode=22\n');
  });

  it('merges the shards after they are built, and uploads the merged folder', () => {
    expect(needs('merge')).toContain('build');
    expect(uses('merge')).toEqual(expect.arrayContaining(['actions/download-artifact', 'actions/upload-artifact', 'actions/upload-pages-artifact']));
    expect(runs('merge').some((r) => r.includes('briefwright.js merge shards/shard-* --out out'))).toBe(true);
    const upload = steps('build').find((s) => s.uses?.startsWith('actions/upload-artifact'))!;
    const download = steps('merge').find((s) => s.uses?.startsWith('actions/download-artifact'))!;
    expect(upload.with!.name).toBe('shard-${{ matrix.shard }}');
    expect(download.with!.pattern).toBe('shard-*');
    // shards and the merge build with one Node version
    for (const job of ['build', 'merge']) expect(wf.jobs[job].container).toBe('node:${{ needs.plan.outputs.node }}-bookworm');
  });

  it('publishes the merged site with GitHub Pages on pushes to main only', () => {
    const pages = wf.jobs.pages;
    expect(needs('pages')).toEqual(['merge']);
    expect(pages.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
    expect(uses('pages')).toEqual(['actions/deploy-pages']);
    expect(pages.environment?.name).toBe('github-pages');
    const upload = steps('merge').find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))!;
    expect(upload.if).toBe(pages.if);
    expect(upload.with!.path).toBe('out/');
  });

  it('releases every PDF, DOCX and PPTX with SHA256SUMS and build provenance on tags v*', () => {
    const release = wf.jobs.release;
    expect(release.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(needs('release')).toEqual(['merge']);
    expect(uses('release')).toEqual(['actions/download-artifact', 'actions/attest-build-provenance']);
    const script = runs('release').join('\n');
    for (const ext of ['pdf', 'docx', 'pptx']) expect(script).toContain(`out/*/*.${ext}`);
    expect(script).toContain('sha256sum -- *.pdf *.docx *.pptx > SHA256SUMS');
    expect(script).toMatch(/gh release create "\$GITHUB_REF_NAME" release\/\*/);
    const attest = steps('release').find((s) => s.uses?.startsWith('actions/attest-build-provenance'))!;
    expect(attest.with).toEqual({ 'subject-checksums': 'release/SHA256SUMS' });
  });

  it('the release step makes the files and checksums a reader verifies with sha256sum -c', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'briefwright-release-'));
    for (const f of ['a-b/summary.pdf', 'a-b/slides.pptx', 'c-d/checklist.docx', 'c-d/summary.html', 'fonts/OFL.txt']) {
      const abs = path.join(dir, 'out', f);
      execFileSync('mkdir', ['-p', path.dirname(abs)]);
      execFileSync('bash', ['-c', `printf '%s' "$1" > "$2"`, '_', f, abs]);
    }
    const collect = steps('release').find((s) => s.run?.includes('SHA256SUMS'))!.run!;
    const r = spawnSync('bash', ['-euo', 'pipefail', '-c', collect], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'release')).sort()).toEqual(['SHA256SUMS', 'a-b-slides.pptx', 'a-b-summary.pdf', 'c-d-checklist.docx']);
    const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: path.join(dir, 'release'), encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('caches npm and the font subsets, keyed by the lock file; the builds use that font cache', () => {
    for (const job of ['test', 'build', 'merge']) {
      const npm = steps(job).find((s) => s.uses?.startsWith('actions/cache') && s.with!.path === '~/.npm');
      expect(npm, job).toBeDefined();
      expect(String(npm!.with!.key)).toContain("hashFiles('package-lock.json')");
    }
    for (const job of ['build', 'merge']) {
      const fonts = steps(job).find((s) => s.uses?.startsWith('actions/cache') && s.with!.path === wf.jobs[job].env!.BRIEFWRIGHT_FONT_CACHE);
      expect(fonts, job).toBeDefined();
      expect(String(fonts!.with!.key)).toMatch(/^font-subsets-\$\{\{ hashFiles\('package-lock\.json'\) \}\}/);
    }
  });
});

describe('pins and permissions', () => {
  it('every action is pinned to a full version (or a commit)', () => {
    for (const [name, job] of Object.entries(wf.jobs)) {
      for (const s of job.steps) if (s.uses) expect(s.uses, `${name}: ${s.uses}`).toMatch(/^[\w.-]+\/[\w.-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$/);
    }
  });

  it('grants nothing by default and each job only what it needs', () => {
    expect(wf.permissions).toEqual({});
    const want: Record<string, Record<string, string>> = {
      test: { contents: 'read' },
      plan: {},
      build: { contents: 'read' },
      merge: { contents: 'read' },
      pages: { pages: 'write', 'id-token': 'write' },
      release: { contents: 'write', 'id-token': 'write', attestations: 'write' },
    };
    expect(Object.keys(wf.jobs).sort()).toEqual(Object.keys(want).sort());
    for (const [name, job] of Object.entries(wf.jobs)) expect(job.permissions, name).toEqual(want[name]);
  });
});

describe('every command a step runs exists', () => {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const makefile = readFileSync(path.join(repoRoot, 'Makefile'), 'utf8');
  const targets = new Set([...makefile.matchAll(/^([\w-]+):/gm)].map((m) => m[1]));
  /** Tools of the runner images and Debian's base system the scripts may call. */
  const SYSTEM = new Set(['echo', 'seq', 'mkdir', 'cp', 'cd', 'basename', 'dirname', 'sha256sum', 'gh', 'npm', 'node', 'make', 'for', 'do', 'done']);

  /** Simple commands of a script: command substitutions taken out first, then split at newlines, `;`, `&&`, `||` and `|`. */
  const commands = (script: string): string[][] => {
    const parts: string[] = [];
    let rest = script;
    for (let m = /\$\(([^()]*)\)/.exec(rest); m; m = /\$\(([^()]*)\)/.exec(rest)) {
      parts.push(m[1]);
      rest = rest.slice(0, m.index) + 'SUBST' + rest.slice(m.index + m[0].length);
    }
    parts.push(rest);
    return parts
      .flatMap((p) => p.split(/\n|;|&&|\|\|?/))
      .map((c) => c.trim().replace(/\s*>>?\s*\S+$/, '').trim())
      .filter(Boolean)
      .map((c) => c.split(/\s+/));
  };

  it('the CLI commands and options, npm scripts, make targets and repository files they name', () => {
    const cliCommands = new Set([...help.matchAll(/^\s+briefwright (\w+)/gm)].map((m) => m[1]));
    expect(cliCommands).toEqual(new Set(['build', 'check', 'fix', 'merge', 'watch', 'init']));
    const seen: string[] = [];
    for (const [name, job] of Object.entries(wf.jobs)) {
      for (const s of job.steps) {
        if (!s.run) continue;
        for (const words of commands(s.run)) {
          const [cmd, ...args] = words;
          const where = `${name}: ${words.join(' ')}`;
          seen.push(cmd);
          if (cmd === 'node' && args[0] === 'bin/briefwright.js') {
            expect(cliCommands.has(args[1]), where).toBe(true);
            for (const opt of args.filter((a) => a.startsWith('--'))) expect(help, where).toContain(`${opt} `);
          } else if (cmd === 'node') {
            throw new Error(`unexpected node script in ${where}`);
          } else if (cmd === 'npm') {
            if (args[0] === 'run') expect(pkg.scripts[args[1]], where).toBeDefined();
            else expect(args[0], where).toBe('ci');
          } else if (cmd === 'make') {
            for (const t of args.filter((a) => !a.includes('='))) expect(targets.has(t), where).toBe(true);
          } else if (cmd.startsWith('./') || cmd.startsWith('.ci/')) {
            const file = path.join(repoRoot, cmd);
            expect(existsSync(file), where).toBe(true);
            accessSync(file, constants.X_OK);
          } else {
            expect(SYSTEM.has(cmd) || cmd.startsWith('"$') || /^\w+=/.test(cmd), where).toBe(true);
          }
        }
      }
    }
    expect(seen).toEqual(expect.arrayContaining(['node', 'npm', '.ci/run', 'gh', 'sha256sum']));
  });
});

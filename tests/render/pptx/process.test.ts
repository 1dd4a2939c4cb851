import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const child = fileURLToPath(new URL('./child.ts', import.meta.url));

function run(env: Record<string, string>): { afterImport: boolean; afterRender: boolean; sha256: string } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', child, '1736467200'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop() as string);
}

describe('pptx backend in a fresh process', () => {
  it('loads pptxgenjs only when a deck is rendered', () => {
    const r = run({});
    expect(r.afterImport).toBe(false);
    expect(r.afterRender).toBe(true);
  }, 60_000);

  it('writes the same bytes in separate processes, whatever the time zone and locale', () => {
    const a = run({ TZ: 'UTC', LANG: 'C' });
    const b = run({ TZ: 'Asia/Shanghai', LANG: 'zh_CN.UTF-8' });
    const c = run({ TZ: 'America/Los_Angeles', LANG: 'en_US.UTF-8' });
    expect(b.sha256).toBe(a.sha256);
    expect(c.sha256).toBe(a.sha256);
  }, 120_000);
});

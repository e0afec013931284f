import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoSiteCommand } from './localSite';
import { SITE_V8_OPTIONS, serverBundlePath, serverBundleStaleness } from './serverBundle';

describe('the site server bundle', () => {
  const roots: string[] = [];
  afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

  /** A repository tree with a core source file, its package.json and the lockfile, all at `t` (seconds). */
  function repo(t: number): { root: string; source: string } {
    const root = mkdtempSync(join(tmpdir(), 'nightjar-bundle-'));
    roots.push(root);
    mkdirSync(join(root, 'packages/vms-core/src/cli'), { recursive: true });
    const files = [join(root, 'packages/vms-core/src/cli/main.ts'), join(root, 'packages/vms-core/package.json'), join(root, 'pnpm-lock.yaml')];
    for (const f of files) {
      writeFileSync(f, '');
      utimesSync(f, t, t);
    }
    for (const d of ['packages/vms-core/src/cli', 'packages/vms-core/src']) utimesSync(join(root, d), t, t);
    return { root, source: files[0]! };
  }

  function writeBundle(root: string, t: number): void {
    mkdirSync(join(root, 'packages/vms-core/dist'), { recursive: true });
    writeFileSync(serverBundlePath(root), '');
    utimesSync(serverBundlePath(root), t, t);
  }

  it('runs the sources through tsx while there is no bundle', () => {
    const { root } = repo(1000);
    expect(serverBundleStaleness(root)).toBe('packages/vms-core/dist/vms.mjs is missing');
    expect(repoSiteCommand(root, '/usr/bin/node').args).toEqual([...SITE_V8_OPTIONS, '--import', 'tsx', join(root, 'packages/vms-core/src/cli/main.ts')]);
  });

  it('runs a bundle newer than every source', () => {
    const { root } = repo(1000);
    writeBundle(root, 2000);
    expect(serverBundleStaleness(root)).toBeUndefined();
    expect(repoSiteCommand(root, '/usr/bin/node')).toEqual({ command: '/usr/bin/node', args: [...SITE_V8_OPTIONS, '--enable-source-maps', serverBundlePath(root)], cwd: root });
  });

  it('never runs a bundle older than a source: a failed rebuild cannot leave old code serving', () => {
    const { root, source } = repo(1000);
    writeBundle(root, 2000);
    utimesSync(source, 3000, 3000);
    expect(serverBundleStaleness(root)).toBe('packages/vms-core/src changed since the last build');
    expect(repoSiteCommand(root, '/usr/bin/node').args).toContain('tsx');
  });

  it('ignores test files', () => {
    const { root } = repo(1000);
    writeBundle(root, 2000);
    const test = join(root, 'packages/vms-core/src/cli/main.test.ts');
    writeFileSync(test, '');
    utimesSync(test, 3000, 3000);
    utimesSync(join(root, 'packages/vms-core/src/cli'), 1000, 1000);
    expect(serverBundleStaleness(root)).toBeUndefined();
  });
});

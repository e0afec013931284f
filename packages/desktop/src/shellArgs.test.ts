import { describe, expect, it } from 'vitest';
import { localSiteOptions, parseShellArgs, shellArgv } from './shellArgs';

describe('shell arguments', () => {
  it('carry the launcher’s settings through Electron’s command line', () => {
    const args = {
      dataDir: '/srv/nightjar data', port: 7491, repoRoot: '/repo', nodePath: '/usr/bin/node',
      clientDir: '/repo/apps/smart-client/dist/renderer', adminDir: '/builds/admin renderer',
    };
    // Electron's argv also holds the binary, the script and Chromium switches.
    const argv = ['/opt/electron', '/repo/apps/smart-client/dist/main/main.cjs', '--enable-logging', ...shellArgv(args), '--ozone-platform=wayland'];
    expect(parseShellArgs(argv, '/elsewhere')).toEqual(args);
    expect(localSiteOptions(args)).toEqual({
      dataDir: args.dataDir, port: 7491, clientDir: args.clientDir, adminDir: args.adminDir,
      command: { command: '/usr/bin/node', args: ['--initial-old-space-size=128', '--import', 'tsx', '/repo/packages/vms-core/src/cli/main.ts'], cwd: '/repo' },
    });
  });

  it('default to the repository’s data folder, port and builds, and the node on PATH', () => {
    expect(parseShellArgs(['/opt/electron', 'main.cjs', '--port=99999'], '/repo')).toEqual({
      repoRoot: '/repo', dataDir: '/repo/data', port: 7480, nodePath: 'node',
      clientDir: '/repo/apps/smart-client/dist/renderer', adminDir: '/repo/apps/management-client/dist/renderer',
    });
  });
});

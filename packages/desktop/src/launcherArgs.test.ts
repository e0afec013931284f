import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isVmsError } from '@nightjar/vms-core';
import { launcherUsage, parseLauncherArgs } from './launcherArgs';

describe('launcher arguments', () => {
  it('default to ./data on the usual port, Electron and the demo camera', () => {
    expect(parseLauncherArgs([])).toEqual({ dataDir: resolve('data'), port: 7480, browser: false, demoCamera: true, help: false });
    expect(parseLauncherArgs(['--data', '/srv/site', '--port', '0', '--browser', '--no-demo-camera'])).toEqual({
      dataDir: '/srv/site', port: 0, browser: true, demoCamera: false, help: false,
    });
  });

  it('refuse a port out of range and an unknown option', () => {
    for (const port of ['65536', '-1', '80.5', 'http']) {
      let error: unknown;
      try {
        parseLauncherArgs([`--port=${port}`]);
      } catch (e) {
        error = e;
      }
      expect(isVmsError(error, 'VMS_ERR_BAD_INPUT'), port).toBe(true);
    }
    expect(() => parseLauncherArgs(['--admin'])).toThrow(/Unknown option '--admin'/);
  });

  it('name the launcher and where the site serves its client', () => {
    const usage = launcherUsage({ command: 'pnpm admin', title: 'Management Client', path: '/admin/' });
    expect(usage).toMatch(/^usage: pnpm admin \[--data DIR\]/);
    expect(usage).toContain('then opens the Management Client');
    expect(usage).toContain('(<site>/admin/)');
    expect(usage).toContain('usage: pnpm stop [--data DIR]');
  });
});

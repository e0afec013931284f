import { describe, expect, it } from 'vitest';
import type { LocalSiteState } from './localSiteState';
import { trayMenuTemplate, trayTooltip } from './trayMenu';

const running: LocalSiteState = { status: 'running', dataDir: '/data', pid: 42, url: 'http://127.0.0.1:7480', port: 7480 };

function menu(state: LocalSiteState) {
  const clicked: string[] = [];
  const actions = {
    openClient: () => clicked.push('open'), start: () => clicked.push('start'), stop: () => clicked.push('stop'),
    restart: () => clicked.push('restart'), quit: () => clicked.push('quit'),
  };
  const items = trayMenuTemplate(state, actions, 'Smart Client').filter((i) => i.type !== 'separator');
  const item = (label: RegExp) => items.find((i) => label.test(i.label ?? ''))!;
  return { items, item, clicked };
}

describe('tray menu', () => {
  it('offers stop and restart for a running site, and names its address', () => {
    const { item, clicked } = menu(running);
    expect(item(/^Local site/).label).toBe('Local site running at http://127.0.0.1:7480');
    expect(item(/^Open/).label).toBe('Open Smart Client');
    expect(item(/^Start/).enabled).toBe(false);
    expect(item(/^Stop/).enabled).toBe(true);
    expect(item(/^Restart/).enabled).toBe(true);
    (item(/^Stop/).click as () => void)();
    (item(/^Quit/).click as () => void)();
    expect(clicked).toEqual(['stop', 'quit']);
    expect(trayTooltip(running)).toBe('Nightjar: Local site running at http://127.0.0.1:7480');
  });

  it('offers only start for a stopped site, and nothing while it starts or stops', () => {
    const stopped = menu({ status: 'stopped', dataDir: '/data', error: 'EADDRINUSE' });
    expect(stopped.item(/^Local site/).label).toBe('Local site stopped: EADDRINUSE');
    expect(stopped.items.filter((i) => /local site$/.test(i.label ?? '') && i.enabled !== false).map((i) => i.label)).toEqual(['Start local site']);
    for (const status of ['starting', 'stopping'] as const) {
      const busy = menu({ status, dataDir: '/data' });
      expect(busy.items.filter((i) => /local site$/.test(i.label ?? '') && i.enabled !== false), status).toEqual([]);
      // The client can always be opened and quit.
      expect(busy.item(/^Open/).enabled).not.toBe(false);
      expect(busy.item(/^Quit/).label).toBe('Quit client (the site keeps recording)');
    }
  });
});

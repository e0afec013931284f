import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SiteUpdate } from './apiTypes';
import { queryKeys } from './queryKeys';
import { SiteUpdatesSocket, applySiteUpdate } from './siteUpdates';
import type { UpdatesWebSocket } from './siteUpdates';

const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
afterEach(() => {
  qc.clear();
  vi.useRealTimers();
});

const invalid = () => qc.getQueryCache().getAll().filter((q) => q.state.isInvalidated).map((q) => JSON.stringify(q.queryKey)).sort();

function seed() {
  qc.setQueryData(queryKeys.alarmList({ state: ['new'] }), { pages: [], pageParams: [] });
  qc.setQueryData(queryKeys.alarmList({ sort: 'priority' }), { pages: [], pageParams: [] });
  qc.setQueryData(queryKeys.alarmCount({ state: ['new'] }), 3);
  qc.setQueryData(queryKeys.alarm(1), { id: 1 });
  qc.setQueryData(queryKeys.alarm(2), { id: 2 });
  qc.setQueryData(queryKeys.cameras(), []);
}

describe('alarm pushes', () => {
  it('invalidate every list and count, and the one alarm named', () => {
    seed();
    applySiteUpdate(qc, { type: 'alarm', action: 'updated', alarmId: 2, state: 'inProgress', priority: 1 });
    expect(invalid()).toEqual([
      '["alarms","count",{"state":["new"]}]', '["alarms","list",{"sort":"priority"}]', '["alarms","list",{"state":["new"]}]', '["alarms",2]',
    ]);
  });

  it('a new alarm leaves the other alarms\' details alone', () => {
    seed();
    applySiteUpdate(qc, { type: 'alarm', action: 'created', alarmId: 9, state: 'new', priority: 3 });
    expect(invalid()).not.toContain('["alarms",1]');
    expect(invalid()).toContain('["alarms","count",{"state":["new"]}]');
  });

  it('are refetched after a reconnect, as what may have been missed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    seed();
    const sockets: UpdatesWebSocket[] = [];
    class Fake implements UpdatesWebSocket {
      onopen: UpdatesWebSocket['onopen'] = null;
      onmessage: UpdatesWebSocket['onmessage'] = null;
      onclose: UpdatesWebSocket['onclose'] = null;
      onerror: UpdatesWebSocket['onerror'] = null;
      constructor() {
        sockets.push(this);
      }
      send(): void {}
      close(): void {}
    }
    const updates = new SiteUpdatesSocket({ url: 'ws://site/api/updates', accessToken: () => 't', queryClient: qc, WebSocket: Fake, retryDelay: () => undefined });
    try {
      for (let i = 0; i < 10 && sockets.length === 0; i++) await Promise.resolve();
      vi.advanceTimersByTime(5);
      const hello: SiteUpdate = { type: 'hello', serverTime: new Date().toISOString() };
      sockets[0]!.onmessage?.(new MessageEvent('message', { data: JSON.stringify(hello) }));
      expect(invalid()).toEqual(expect.arrayContaining(['["alarms",1]', '["alarms","count",{"state":["new"]}]', '["alarms","list",{"state":["new"]}]']));
    } finally {
      updates.dispose();
    }
  });
});

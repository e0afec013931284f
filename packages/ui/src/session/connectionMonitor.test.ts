import { describe, expect, it } from 'vitest';
import { ConnectionMonitor } from './connectionMonitor';
import type { ConnectionState, MonitorClock } from './connectionMonitor';

/** Timers that run only when the test says so. */
class FakeClock implements MonitorClock {
  time = 1_000;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.timers.set(id, { at: this.time + ms, fn });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.timers.delete(handle as number);
  };
  get pending(): number {
    return this.timers.size;
  }
  /** Advances time and runs due timers; then lets the probe's promise settle. */
  async advance(ms: number): Promise<void> {
    this.time += ms;
    for (const [id, t] of [...this.timers]) {
      if (t.at <= this.time) {
        this.timers.delete(id);
        t.fn();
      }
    }
    for (let i = 0; i < 5; i++) await Promise.resolve();
  }
}

function setup() {
  const clock = new FakeClock();
  let siteUp = false;
  let probes = 0;
  const monitor = new ConnectionMonitor({ clock, probeIntervalMs: 2000, probe: async () => { probes++; return siteUp; } });
  const states: ConnectionState['kind'][] = [];
  const recoveries: number[] = [];
  monitor.onDidChange((s) => states.push(s.kind));
  monitor.onDidRecover((r) => recoveries.push(r.downForMs));
  return { clock, monitor, states, recoveries, setSite: (up: boolean) => { siteUp = up; }, probes: () => probes };
}

describe('ConnectionMonitor', () => {
  it('goes to reconnecting on a network failure, probes, and recovers once when the site answers', async () => {
    const t = setup();
    t.monitor.reportNetworkFailure();
    t.monitor.reportNetworkFailure();
    expect(t.monitor.state).toEqual({ kind: 'reconnecting', since: 1000, probes: 0 });
    await t.clock.advance(2000);
    expect(t.probes()).toBe(1);
    expect(t.monitor.state).toMatchObject({ kind: 'reconnecting', probes: 1 });
    t.setSite(true);
    await t.clock.advance(2000);
    expect(t.monitor.state).toEqual({ kind: 'online' });
    expect(t.recoveries).toEqual([4000]);
    // Nothing keeps running once the site is back.
    expect(t.clock.pending).toBe(0);
    await t.clock.advance(10_000);
    expect(t.probes()).toBe(2);
  });

  it('treats any answer as proof the site is there', () => {
    const t = setup();
    t.monitor.reportNetworkFailure();
    t.monitor.reportAnswer();
    expect(t.monitor.state.kind).toBe('online');
    expect(t.states).toEqual(['reconnecting', 'online']);
    expect(t.recoveries).toHaveLength(1);
  });

  it('stays reconnecting while the updates socket is down, even if HTTP answers', async () => {
    const t = setup();
    t.monitor.reportSocket(true);
    expect(t.states).toEqual([]);
    t.monitor.reportSocket(false);
    expect(t.monitor.state.kind).toBe('reconnecting');
    t.setSite(true);
    await t.clock.advance(2000);
    expect(t.monitor.state.kind).toBe('reconnecting');
    t.monitor.reportSocket(true);
    expect(t.monitor.state.kind).toBe('online');
    expect(t.recoveries).toHaveLength(1);
  });

  it('needs both HTTP and the socket back before it recovers', () => {
    const t = setup();
    t.monitor.reportSocket(false);
    t.monitor.reportNetworkFailure();
    t.monitor.reportSocket(true);
    expect(t.monitor.state.kind).toBe('reconnecting');
    t.monitor.reportAnswer();
    expect(t.monitor.state.kind).toBe('online');
  });

  it('stops probing and reporting after dispose', async () => {
    const t = setup();
    t.monitor.reportNetworkFailure();
    t.monitor.dispose();
    expect(t.clock.pending).toBe(0);
    t.setSite(true);
    await t.clock.advance(5000);
    t.monitor.reportAnswer();
    expect(t.probes()).toBe(0);
    expect(t.recoveries).toEqual([]);
  });
});

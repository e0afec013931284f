import { describe, expect, it } from 'vitest';
import { PlaybackCommandQueue, commandsFor } from './playbackCommands';
import type { PlaybackOperation } from './playbackCommands';
import type { PlaybackCommand } from './playbackMessages';

const T0 = Date.parse('2026-03-01T10:00:00Z');

function queue() {
  const sent: { commands: PlaybackCommand[]; op: PlaybackOperation }[] = [];
  const q = new PlaybackCommandQueue((commands, op) => sent.push({ commands, op }));
  return { q, sent };
}

describe('commandsFor', () => {
  it('makes every operation end in a command the server answers with its state', () => {
    const at = new Date(T0).toISOString();
    expect(commandsFor({ type: 'seek', atMs: T0 }, false)).toEqual([{ type: 'seek', at }, { type: 'pause' }]);
    expect(commandsFor({ type: 'seek', atMs: T0 }, true)).toEqual([{ type: 'seek', at }]);
    expect(commandsFor({ type: 'step', direction: -1 }, true)).toEqual([{ type: 'step', direction: -1 }, { type: 'pause' }]);
    expect(commandsFor({ type: 'play', speed: 4 }, false)).toEqual([{ type: 'play', speed: 4 }]);
  });
});

describe('PlaybackCommandQueue', () => {
  it('keeps one operation in flight and lets only the latest of the waiting seeks through', () => {
    const { q, sent } = queue();
    for (let i = 0; i < 50; i++) q.request({ type: 'seek', atMs: T0 + i * 1000 });
    expect(sent.map((s) => s.op)).toEqual([{ type: 'seek', atMs: T0 }]);
    expect(q.waiting).toEqual([{ type: 'seek', atMs: T0 + 49_000 }]);
    q.acknowledge('paused');
    expect(sent.map((s) => s.op)).toEqual([{ type: 'seek', atMs: T0 }, { type: 'seek', atMs: T0 + 49_000 }]);
    q.acknowledge('paused');
    expect(q.busy).toBe(false);
    expect(sent).toHaveLength(2);
  });

  it('keeps other operations in order and does not merge seeks across them', () => {
    const { q, sent } = queue();
    q.request({ type: 'seek', atMs: 1 });
    q.request({ type: 'seek', atMs: 2 });
    q.request({ type: 'play', speed: 2 });
    q.request({ type: 'seek', atMs: 3 });
    q.request({ type: 'seek', atMs: 4 });
    while (q.busy) q.acknowledge();
    expect(sent.map((s) => s.op)).toEqual([
      { type: 'seek', atMs: 1 }, { type: 'seek', atMs: 2 }, { type: 'play', speed: 2 }, { type: 'seek', atMs: 4 },
    ]);
  });

  it('asks a playing session for no extra pause after a seek, and a paused one for one', () => {
    const { q, sent } = queue();
    q.request({ type: 'play', speed: 1 });
    q.request({ type: 'seek', atMs: T0 });
    q.acknowledge('playing');
    expect(sent[1]!.commands).toEqual([{ type: 'seek', at: new Date(T0).toISOString() }]);
    q.acknowledge('playing');
    q.request({ type: 'pause' });
    q.request({ type: 'seek', atMs: T0 });
    q.acknowledge('paused');
    expect(sent[3]!.commands.at(-1)).toEqual({ type: 'pause' });
  });

  it('believes the server when it reports a pause by itself (playback ran out)', () => {
    const { q, sent } = queue();
    q.request({ type: 'play', speed: 1 });
    q.acknowledge('playing');
    q.acknowledge('paused');
    q.request({ type: 'seek', atMs: T0 });
    expect(sent.at(-1)!.commands.at(-1)).toEqual({ type: 'pause' });
  });

  it('forgets everything on reset', () => {
    const { q, sent } = queue();
    q.request({ type: 'seek', atMs: 1 });
    q.request({ type: 'pause' });
    q.reset();
    expect(q.busy).toBe(false);
    expect(q.waiting).toEqual([]);
    q.request({ type: 'seek', atMs: 5 });
    expect(sent.at(-1)!.op).toEqual({ type: 'seek', atMs: 5 });
  });
});

describe('PlaybackCommandQueue.requestFirst', () => {
  it('sends an operation before those already waiting', () => {
    const { q, sent } = queue();
    q.request({ type: 'pause' });
    q.request({ type: 'step', direction: 1 });
    q.requestFirst({ type: 'seek', atMs: T0 });
    q.acknowledge('paused');
    q.acknowledge('paused');
    expect(sent.map((s) => s.op.type)).toEqual(['pause', 'seek', 'step']);
  });
});

import { describe, expect, it } from 'vitest';
import { ExportSaves } from './exportSaves';

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe('ExportSaves', () => {
  it('hands a waiting job to one saver only', () => {
    const saves = new ExportSaves(memoryStorage());
    saves.add('j1', { kind: 'folder', path: '/exports' });
    expect(saves.waiting()).toEqual(['j1']);
    expect(saves.claim('j1')).toEqual({ kind: 'folder', path: '/exports' });
    expect(saves.claim('j1')).toBeUndefined();
    saves.finish('j1', { paths: ['/exports/a.mp4'] });
    expect(saves.get('j1')).toEqual({ kind: 'saved', destination: { kind: 'folder', path: '/exports' }, paths: ['/exports/a.mp4'] });
  });

  it('survives a reload, and retries a save that was cut off', () => {
    const storage = memoryStorage();
    const first = new ExportSaves(storage);
    first.add('j1', { kind: 'download' });
    first.claim('j1');
    first.add('j2', { kind: 'download' });
    first.finish('j2', { message: 'disk full' });
    const second = new ExportSaves(storage);
    expect(second.waiting()).toEqual(['j1']);
    expect(second.get('j2')).toMatchObject({ kind: 'failed', message: 'disk full' });
  });

  it('tells subscribers and forgets jobs without files', () => {
    const saves = new ExportSaves(undefined);
    let calls = 0;
    const off = saves.subscribe(() => calls++);
    saves.add('j', { kind: 'download' });
    saves.forget('j');
    off();
    saves.add('k', { kind: 'download' });
    expect(calls).toBe(2);
    expect(saves.get('j')).toBeUndefined();
  });

  it('keeps a bounded list', () => {
    const saves = new ExportSaves(undefined);
    for (let i = 0; i < 60; i++) saves.add(`j${i}`, { kind: 'download' });
    expect(Object.keys(saves.getSnapshot())).toHaveLength(50);
    expect(saves.get('j59')).toBeDefined();
    expect(saves.get('j0')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_NOTICES, NoticeList } from './notices';

describe('NoticeList', () => {
  it('adds, notifies and dismisses', () => {
    const list = new NoticeList(() => 42);
    let changes = 0;
    const stop = list.subscribe(() => changes++);
    const id = list.push('Snapshot saved', 'success');
    expect(list.notices).toEqual([{ id, kind: 'success', text: 'Snapshot saved', ttlMs: 5000, createdAt: 42 }]);
    list.dismiss(id);
    list.dismiss(id);
    expect(list.notices).toEqual([]);
    expect(changes).toBe(2);
    stop();
    list.push('x');
    expect(changes).toBe(2);
  });

  it('keeps errors longer, repeats a text once and caps the list', () => {
    const list = new NoticeList();
    expect(list.notices).toHaveLength(0);
    list.push('Cannot record', 'error');
    list.push('Cannot record', 'error');
    expect(list.notices).toHaveLength(1);
    expect(list.notices[0]!.ttlMs).toBe(10_000);
    for (let i = 0; i < MAX_NOTICES + 2; i++) list.push(`n${i}`);
    expect(list.notices.map((n) => n.text)).toEqual(Array.from({ length: MAX_NOTICES }, (_, i) => `n${i + 2}`));
  });
});

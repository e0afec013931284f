import { describe, expect, it } from 'vitest';
import type { ViewBody } from '@nightjar/ui';
import { camerasSummary, layoutLabel, moveBody, renameBody, tileContents, viewNameProblem, viewsInGroup } from './viewsModel';

const view = (id: string, name: string, o: Partial<ViewBody> = {}): ViewBody => ({
  id, name, groupId: 'g1', shared: true, ownerId: 'u1', layoutId: '2x2',
  layout: { columns: 2, rows: 2, tiles: [{ x: 0, y: 0, width: 1, height: 1 }, { x: 1, y: 0, width: 1, height: 1 }, { x: 0, y: 1, width: 1, height: 1 }, { x: 1, y: 1, width: 1, height: 1 }] },
  cameraIds: ['a', null, 'gone', 'b'], revision: 3, updatedAt: '2026-01-01T00:00:00Z', editable: true, ...o,
});
const names: Record<string, string> = { a: 'Gate', b: 'Yard' };

describe('views of a group', () => {
  it("lists the group's views by name in natural order", () => {
    const list = viewsInGroup([view('1', 'Lobby 10'), view('2', 'Elsewhere', { groupId: 'g2' }), view('3', 'lobby 9')], 'g1');
    expect(list.map((v) => v.id)).toEqual(['3', '1']);
  });

  it('describes the layout and what each tile shows', () => {
    expect(layoutLabel(view('1', 'x'))).toBe('2×2');
    expect(layoutLabel({ layout: { columns: 3, rows: 3, tiles: [{ x: 0, y: 0, width: 2, height: 2 }] } })).toBe('3×3 · 1 tile');
    const contents = tileContents(view('1', 'x'), (id) => names[id]);
    expect(contents).toEqual([{ kind: 'camera', name: 'Gate' }, { kind: 'empty' }, { kind: 'missing', cameraId: 'gone' }, { kind: 'camera', name: 'Yard' }]);
    expect(camerasSummary(contents)).toBe('Gate, (unavailable), Yard');
    expect(camerasSummary([...contents, { kind: 'camera', name: 'Dock' }])).toBe('Gate, (unavailable) and 2 more');
    expect(camerasSummary([{ kind: 'empty' }])).toBe('No cameras');
  });

  it('checks a new name and renames with the revision it was read at', () => {
    const v = view('1', 'Lobby');
    const others = [v, view('2', 'Yard'), view('3', 'Elsewhere', { groupId: 'g2' })];
    expect(viewNameProblem('  ', v, others)).toMatch(/needs a name/);
    expect(viewNameProblem('yard ', v, others)).toMatch(/Another view in this group/);
    expect(viewNameProblem('elsewhere', v, others)).toBeUndefined();
    expect(viewNameProblem('x'.repeat(101), v, others)).toMatch(/100/);
    expect(renameBody(v, ' Entrance ')).toEqual({ name: 'Entrance', groupId: 'g1', layoutId: '2x2', layout: v.layout, cameraIds: v.cameraIds, revision: 3 });
    expect(moveBody(v, 'g2')).toEqual({ name: 'Lobby', groupId: 'g2', layoutId: '2x2', layout: v.layout, cameraIds: v.cameraIds, revision: 3 });
  });
});

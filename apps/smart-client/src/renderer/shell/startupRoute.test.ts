import { describe, expect, it } from 'vitest';
import { parseStartupRoute, workspacePath } from './startupRoute';

describe('startup route', () => {
  it('reads the workspace and view from /app/<workspace>?view=<id>', () => {
    expect(parseStartupRoute('/app/playback', '?view=v%201')).toEqual({ workspace: 'playback', viewId: 'v 1' });
    expect(parseStartupRoute('/app/search/', '')).toEqual({ workspace: 'search', viewId: null });
    expect(parseStartupRoute('/app/alarms', '')).toEqual({ workspace: 'alarms', viewId: null });
  });

  it('starts in Live with no view for anything else', () => {
    expect(parseStartupRoute('/', '')).toEqual({ workspace: 'live', viewId: null });
    expect(parseStartupRoute('/app/admin', '?view=')).toEqual({ workspace: 'live', viewId: null });
    expect(parseStartupRoute('/index.html', '?x=1')).toEqual({ workspace: 'live', viewId: null });
  });

  it('writes the path back the same way', () => {
    expect(workspacePath('live', 'a/b')).toBe('/app/live?view=a%2Fb');
    expect(parseStartupRoute('/app/live', '?view=a%2Fb').viewId).toBe('a/b');
    expect(workspacePath('search', null)).toBe('/app/search');
  });
});

import { describe, expect, it } from 'vitest';
import { snapshotFileName } from './snapshot';

describe('snapshotFileName', () => {
  const at = new Date(2026, 2, 1, 9, 4, 5);

  it('names the camera and the local time', () => {
    expect(snapshotFileName('Lobby', at)).toBe('Lobby 2026-03-01 09-04-05.jpg');
  });

  it('replaces characters file systems refuse and never leaves the name empty', () => {
    expect(snapshotFileName('Gate 1/2: "north"\t', at)).toBe('Gate 1 2 north 2026-03-01 09-04-05.jpg');
    expect(snapshotFileName('///', at)).toBe('camera 2026-03-01 09-04-05.jpg');
  });
});

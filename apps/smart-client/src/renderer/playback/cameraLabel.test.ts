import { describe, expect, it } from 'vitest';
import { UNAVAILABLE_CAMERA_LABEL, cameraLabel } from './cameraLabel';

describe('cameraLabel', () => {
  it('names listed cameras and never shows the id of an unlisted one', () => {
    const names = new Map([['cam-1', 'Lobby']]);
    expect(cameraLabel(names, 'cam-1')).toBe('Lobby');
    expect(cameraLabel(names, 'cam-secret')).toBe(UNAVAILABLE_CAMERA_LABEL);
  });
});

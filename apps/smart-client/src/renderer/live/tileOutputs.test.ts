import { describe, expect, it } from 'vitest';
import { ApiError } from '@nightjar/ui';
import type { DeviceBody } from '@nightjar/ui';
import { canSwitchOutputs, offeredOutputs, shortNames, switchProblem, switchedLine } from './tileOutputs';

const cameras = [{ id: 'gate-cam', hardwareId: 'gate' }, { id: 'gate-cam-2', hardwareId: 'gate' }, { id: 'dock-cam', hardwareId: 'dock' }];
const operator = (rights: Record<string, string[]>) => ({ administrator: false, cameras: Object.entries(rights).map(([cameraId, r]) => ({ cameraId, rights: r })) });
const output = (id: string, name: string, o: Partial<DeviceBody> = {}): DeviceBody => ({
  id, hardwareId: 'gate', kind: 'output', deviceKey: `RO_${id}`, name, enabled: true, group: '', settings: {}, reportedName: 'Output', ...o,
});

describe('canSwitchOutputs', () => {
  it('lets administrators switch every hardware\'s outputs', () => {
    expect(canSwitchOutputs({ administrator: true, cameras: [] }, cameras, 'dock')).toBe(true);
  });

  it('lets an operator with PTZ on any camera of the same hardware, and nobody else', () => {
    expect(canSwitchOutputs(operator({ 'gate-cam-2': ['live', 'ptz'] }), cameras, 'gate')).toBe(true);
    // Live and playback only watch; PTZ on another hardware's camera does not count.
    expect(canSwitchOutputs(operator({ 'gate-cam': ['live', 'playback'] }), cameras, 'gate')).toBe(false);
    expect(canSwitchOutputs(operator({ 'dock-cam': ['ptz'] }), cameras, 'gate')).toBe(false);
    expect(canSwitchOutputs(undefined, cameras, 'gate')).toBe(false);
  });
});

describe('offeredOutputs', () => {
  it('offers the enabled outputs by name, numbers in order', () => {
    const list = [output('a', 'Gate Output 10'), output('b', 'Gate Output 2'), output('c', 'Siren', { enabled: false }), output('d', 'Mic', { kind: 'microphone' })];
    expect(offeredOutputs(list).map((d) => d.name)).toEqual(['Gate Output 2', 'Gate Output 10']);
    expect(offeredOutputs(undefined)).toEqual([]);
  });
});

describe('shortNames', () => {
  it('leaves out the words every output\'s name starts with, keeping at least one word', () => {
    const names = (...n: string[]) => [...shortNames(n.map((name, i) => ({ id: String(i), name }))).values()];
    expect(names('North gate barrier', 'North gate siren', 'north gate Flood light')).toEqual(['Barrier', 'Siren', 'Flood light']);
    expect(names('Gate Output 1', 'Gate Output 2')).toEqual(['Output 1', 'Output 2']);
    // Nothing shared, a name that is all prefix, or one output alone: full names.
    expect(names('Barrier', 'Siren')).toEqual(['Barrier', 'Siren']);
    expect(names('Gate', 'Gate siren')).toEqual(['Gate', 'Gate siren']);
    expect(names('North gate barrier')).toEqual(['North gate barrier']);
  });
});

describe('switch outcome in words', () => {
  it('says the state and, for a pulse, when it returns', () => {
    expect(switchedLine({ device: output('a', 'Barrier', { state: 'on' }) }, 'on')).toBe('Barrier on');
    expect(switchedLine({ device: output('a', 'Barrier', { state: 'on' }), pulseSeconds: 5 }, 'on')).toBe('Barrier on, off again in 5 s');
  });

  it('says why a switch failed', () => {
    expect(switchProblem(new ApiError(403, 'VMS_ERR_PERMISSION_DENIED', 'x'))).toMatch(/roles do not allow/);
    expect(switchProblem(new ApiError(503, 'VMS_ERR_DEVICE_UNREACHABLE', 'x'))).toMatch(/did not answer; nothing was switched/);
    expect(switchProblem(new ApiError(409, 'VMS_ERR_CONFLICT', 'x'))).toMatch(/disabled/);
    expect(switchProblem(new ApiError(0, 'VMS_ERR_NETWORK', 'x'))).toMatch(/cannot be reached/);
  });
});

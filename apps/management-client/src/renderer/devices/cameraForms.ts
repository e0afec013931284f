/**
 * The camera property tabs as forms: each tab's form from a camera, its checks (the same limits
 * as the site's schema, named by the request field so site and form errors land on the same
 * field), and the one updateCamera body the tab saves, holding only what changed.
 */
import type { CameraBody, Region, UpdateCameraBody } from '@nightjar/vms-core';

export type FieldProblems = Record<string, string>;
export type RecordingMode = CameraBody['policy']['mode'];
export const RECORDING_MODES: readonly { mode: RecordingMode; label: string; hint: string }[] = [
  { mode: 'always', label: 'Always', hint: 'records all the time' },
  { mode: 'motion', label: 'On motion', hint: 'records while motion is detected, with the buffers around it' },
  { mode: 'event', label: 'On event', hint: 'records while a rule asks for it (events, inputs)' },
  { mode: 'manual', label: 'Manual', hint: 'records only when an operator starts it' },
  { mode: 'never', label: 'Never', hint: 'live only; nothing is recorded' },
];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The keys of `next` whose value differs from `before`. */
export function changedOnly<T extends object>(before: T, next: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) if (!same(before[key], next[key])) out[key] = next[key];
  return out;
}

export const isEmptyBody = (body: UpdateCameraBody) =>
  Object.values(body).every((v) => v === undefined || (typeof v === 'object' && v !== null && Object.keys(v).length === 0));

/** A number typed into a field, checked against the schema's limits. */
export function numberProblem(text: string, o: { min: number; max: number; exclusiveMin?: boolean; integer?: boolean }): string | undefined {
  if (text.trim() === '') return 'Enter a number.';
  const n = Number(text);
  if (!Number.isFinite(n)) return `"${text}" is not a number.`;
  if (o.integer && !Number.isInteger(n)) return 'Enter a whole number.';
  if (o.exclusiveMin ? n <= o.min : n < o.min) return o.exclusiveMin ? `Must be more than ${o.min}.` : `At least ${o.min}.`;
  if (n > o.max) return `At most ${o.max}.`;
  return undefined;
}

// Settings: name, tree group, enabled, transport.

export interface SettingsForm {
  name: string;
  group: string;
  enabled: boolean;
  transport: 'tcp' | 'udp';
}

export const settingsForm = (c: CameraBody): SettingsForm => ({ name: c.name, group: c.group ?? '', enabled: c.enabled, transport: c.transport });

/**
 * Mirrors the site's group rule (8 levels, no empty folder names) so it is marked as typed;
 * cameras and the hardware's other devices share the tree and the rule.
 */
export function groupProblem(text: string): string | undefined {
  const group = text.trim();
  if (group === '') return undefined;
  const segments = group.split('/').map((s) => s.trim());
  if (segments.some((s) => s === '')) return 'Folder names may not be empty (no "//", no "/" at either end).';
  if (segments.length > 8) return 'At most 8 levels.';
  if (segments.some((s) => s.length > 100)) return 'Folder names of at most 100 characters.';
  if (segments.join('/').length > 300) return 'At most 300 characters.';
  return undefined;
}

/** "Yard / North " as the site stores it: "Yard/North". */
export const normalGroup = (text: string): string => text.split('/').map((s) => s.trim()).join('/');

export function settingsProblems(f: SettingsForm): FieldProblems {
  const p: FieldProblems = {};
  if (f.name.trim() === '') p.name = 'The camera needs a name.';
  else if (f.name.trim().length > 200) p.name = 'At most 200 characters.';
  const group = groupProblem(f.group);
  if (group) p.group = group;
  return p;
}

export function settingsBody(c: CameraBody, f: SettingsForm): UpdateCameraBody {
  return changedOnly(settingsForm(c), { ...f, name: f.name.trim(), group: normalGroup(f.group) });
}

// Streams: which one is recorded, which one live clients get by default.

export interface StreamsForm {
  recordStream: string;
  liveStream: string;
}

export const streamsForm = (c: CameraBody): StreamsForm => ({ recordStream: c.recordStream, liveStream: c.liveStream });
export const streamsBody = (c: CameraBody, f: StreamsForm): UpdateCameraBody => changedOnly(streamsForm(c), f);

// Record: mode, buffers, manual limit, frame filters, storage.

export interface RecordForm {
  mode: RecordingMode;
  preBufferSeconds: string;
  postBufferSeconds: string;
  manualMaxMinutes: string;
  limitFps: boolean;
  maxFps: string;
  keyFramesOnly: boolean;
  storageId: string;
}

export function recordForm(c: CameraBody): RecordForm {
  const p = c.policy;
  return {
    mode: p.mode, preBufferSeconds: String(p.preBufferSeconds), postBufferSeconds: String(p.postBufferSeconds),
    manualMaxMinutes: String(p.manualMaxMinutes), limitFps: p.maxFps !== undefined, maxFps: String(p.maxFps ?? 5),
    keyFramesOnly: p.keyFramesOnly, storageId: c.storageId,
  };
}

export function recordProblems(f: RecordForm): FieldProblems {
  const checks: [string, string | undefined][] = [
    ['policy.preBufferSeconds', numberProblem(f.preBufferSeconds, { min: 0, max: 60 })],
    ['policy.postBufferSeconds', numberProblem(f.postBufferSeconds, { min: 0, max: 600 })],
    ['policy.manualMaxMinutes', numberProblem(f.manualMaxMinutes, { min: 0, max: 1440, exclusiveMin: true })],
    ['policy.maxFps', f.limitFps ? numberProblem(f.maxFps, { min: 0, max: 120, exclusiveMin: true }) : undefined],
    ['storageId', f.storageId ? undefined : 'Choose a storage.'],
  ];
  return Object.fromEntries(checks.filter((c): c is [string, string] => c[1] !== undefined));
}

/** The policy fields that changed (maxFps null: the limit is removed) and the storage if it moved. */
export function recordBody(c: CameraBody, f: RecordForm): UpdateCameraBody {
  const before = c.policy;
  const policy: NonNullable<UpdateCameraBody['policy']> = changedOnly(
    { mode: before.mode, preBufferSeconds: before.preBufferSeconds, postBufferSeconds: before.postBufferSeconds, manualMaxMinutes: before.manualMaxMinutes, keyFramesOnly: before.keyFramesOnly },
    { mode: f.mode, preBufferSeconds: Number(f.preBufferSeconds), postBufferSeconds: Number(f.postBufferSeconds), manualMaxMinutes: Number(f.manualMaxMinutes), keyFramesOnly: f.keyFramesOnly },
  );
  const maxFps = f.limitFps ? Number(f.maxFps) : null;
  if (maxFps !== (before.maxFps ?? null)) policy.maxFps = maxFps;
  return {
    ...(Object.keys(policy).length > 0 ? { policy } : {}),
    ...(f.storageId !== c.storageId ? { storageId: f.storageId } : {}),
  };
}

// Motion: detection on or off, sensitivity, the stream analysed, regions left out.

export interface MotionForm {
  enabled: boolean;
  sensitivity: number;
  /** '' analyses the site's default (the smallest stream). */
  streamKey: string;
  keyFramesOnly: boolean;
  exclusions: Region[];
}

export const motionForm = (c: CameraBody): MotionForm => ({
  enabled: c.motion.enabled, sensitivity: c.motion.sensitivity, streamKey: c.motion.streamKey ?? '',
  keyFramesOnly: c.motion.keyFramesOnly, exclusions: c.motion.exclusions.map((r) => ({ ...r })),
});

export function motionProblems(f: MotionForm): FieldProblems {
  const p: FieldProblems = {};
  if (!(f.sensitivity >= 0 && f.sensitivity <= 100)) p['motion.sensitivity'] = 'Between 0 and 100.';
  if (f.exclusions.length > 64) p['motion.exclusions'] = 'At most 64 regions.';
  return p;
}

export function motionBody(c: CameraBody, f: MotionForm): UpdateCameraBody {
  const { streamKey, ...rest } = changedOnly(motionForm(c), f);
  const motion: NonNullable<UpdateCameraBody['motion']> = { ...rest };
  if (streamKey !== undefined) motion.streamKey = streamKey === '' ? null : streamKey;
  return Object.keys(motion).length > 0 ? { motion } : {};
}

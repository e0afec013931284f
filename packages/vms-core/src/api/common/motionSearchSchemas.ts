import { Type } from 'typebox';
import type { Static } from 'typebox';
import { GRID_CELLS } from '../../media-db/common/motionGrid';

/** Smart (region) motion search: shapes of the public API. Design: docs/design/motion-detection.md. */

export const MOTION_SEARCH_LIMITS = { maxCameras: 100, maxResults: 5000, defaultResults: 500, maxRangeDays: 31 } as const;

const Fraction = Type.Number({ minimum: 0, maximum: 1 });

export const MotionSearchRequest = Type.Object({
  cameraIds: Type.Array(Type.String(), {
    minItems: 1, maxItems: MOTION_SEARCH_LIMITS.maxCameras,
    description: 'cameras without the playback right are skipped and listed in skippedCameraIds; 403 when that is all of them',
  }),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time', description: `after from, at most ${MOTION_SEARCH_LIMITS.maxRangeDays} days later` }),
  region: Type.Object({ x: Fraction, y: Fraction, width: Fraction, height: Fraction }, {
    additionalProperties: false,
    description: 'in fractions of the picture from its top left; every cell of the 16x9 motion grid it touches counts',
  }),
  minCells: Type.Optional(Type.Integer({ minimum: 1, maximum: GRID_CELLS, description: 'region cells that must change in one analysed frame; default 1' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MOTION_SEARCH_LIMITS.maxResults, description: `earliest spans first; default ${MOTION_SEARCH_LIMITS.defaultResults}` })),
}, { additionalProperties: false });

export const MotionHitSchema = Type.Object({
  cameraId: Type.String(),
  start: Type.String({ format: 'date-time', description: 'the first analysed frame with motion in the region' }),
  end: Type.String({ format: 'date-time', description: 'one second after the last one; frames up to 2.5 s apart are one span' }),
  cells: Type.Integer({ description: 'region cells that changed during the span' }),
  frames: Type.Integer({ description: 'analysed frames of the span with motion in the region' }),
});

export const MotionSearchResponse = Type.Object({
  hits: Type.Array(MotionHitSchema),
  skippedCameraIds: Type.Array(Type.String(), { description: 'asked for, but the caller lacks playback on them now' }),
  truncated: Type.Boolean({ description: 'more spans matched than limit; search on from the last one' }),
});

export type MotionSearchBody = Static<typeof MotionSearchRequest>;
export type MotionHitBody = Static<typeof MotionHitSchema>;
export type MotionSearchResultBody = Static<typeof MotionSearchResponse>;

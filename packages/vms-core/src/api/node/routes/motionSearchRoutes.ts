import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { VmsError } from '../../../base/common/errors';
import { checkCameraAccess } from '../../../management/common/permissions';
import { regionMask, regionProblem } from '../../../media-db/common/motionGrid';
import { defaultMatchTiming } from '../../../media-db/common/motionSearch';
import type { MotionSpan } from '../../../media-db/common/motionSearch';
import { msTo90k } from '../../../media/common/types';
import { MOTION_SEARCH_LIMITS, MotionSearchRequest, MotionSearchResponse } from '../../common/motionSearchSchemas';
import { ErrorBody } from '../../common/schemas';
import type { ApiDeps } from '../apiDeps';
import { isoOf90k, parseInstant } from '../server';

const DAY_MS = 24 * 3600_000;

/*
 * Rights: searching motion shows when something happened on a camera, which is what its
 * recorded timeline shows, so each camera needs playback, checked now; a "last N days" limit
 * clips the range per camera as listSequences does. A search usually spans a view's cameras,
 * and an operator may hold playback on only some: those are searched, the others are named
 * in skippedCameraIds rather than failing the whole search (an empty result must not be read
 * as "no motion" without saying which cameras were left out). When no camera asked for may be
 * searched the answer is 403. Unknown cameras among the allowed ones are 404.
 */
export const motionSearchRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  app.post('/api/search/motion', {
    schema: {
      operationId: 'searchMotion', tags: ['search'],
      summary: 'Smart search: spans where motion touched a region of the picture, over cameras and a time range',
      body: MotionSearchRequest, response: { 200: MotionSearchResponse, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req) => {
    const now = deps.clock.now();
    const b = req.body;
    const from = parseInstant(b.from, 'from');
    const to = parseInstant(b.to, 'to');
    if (!(to > from)) throw new VmsError('VMS_ERR_BAD_INPUT', '"to" must be after "from"');
    if (to - from > MOTION_SEARCH_LIMITS.maxRangeDays * DAY_MS) {
      throw new VmsError('VMS_ERR_BAD_INPUT', `range too long: at most ${MOTION_SEARCH_LIMITS.maxRangeDays} days per search`);
    }
    const problem = regionProblem(b.region);
    if (problem) throw new VmsError('VMS_ERR_BAD_INPUT', `region: ${problem}`);

    const searched: { cameraId: string; from: number }[] = [];
    const skippedCameraIds: string[] = [];
    for (const cameraId of new Set(b.cameraIds)) {
      const access = checkCameraAccess(req.roles, { cameraId, right: 'playback', at: now });
      if (access.allowed) searched.push({ cameraId, from: Math.max(from, access.earliestMedia ?? -Infinity) });
      else skippedCameraIds.push(cameraId);
    }
    if (searched.length === 0) {
      throw new VmsError('VMS_ERR_PERMISSION_DENIED', `no role grants playback now on any of the cameras asked for (${skippedCameraIds.slice(0, 5).join(', ')})`);
    }
    for (const s of searched) deps.config.getCamera(s.cameraId);

    const limit = b.limit ?? MOTION_SEARCH_LIMITS.defaultResults;
    const options = { region: regionMask(b.region), minCells: b.minCells ?? 1, ...defaultMatchTiming, limit: limit + 1 };
    const hits: (MotionSpan & { cameraId: string })[] = [];
    for (const s of searched) {
      if (s.from >= to) continue;
      for (const span of deps.media.motionGrids.search(s.cameraId, msTo90k(s.from), msTo90k(to), options)) hits.push({ ...span, cameraId: s.cameraId });
    }
    hits.sort((x, y) => x.start90k - y.start90k || x.cameraId.localeCompare(y.cameraId));
    return {
      hits: hits.slice(0, limit).map((h) => ({
        cameraId: h.cameraId, start: isoOf90k(h.start90k), end: isoOf90k(h.end90k), cells: h.cells, frames: h.frames,
      })),
      skippedCameraIds,
      truncated: hits.length > limit,
    };
  });
};

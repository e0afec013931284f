import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { jsonDiff } from '../../../management/common/audit';
import type { Bookmark, BookmarkInput } from '../../../management/common/evidence';
import { bookmarkSpan } from '../../../management/common/evidence';
import { BookmarkSchema, BookmarkSearchQuery, CreateBookmarkRequest, UpdateBookmarkRequest } from '../../common/bookmarkSchemas';
import { ErrorBody } from '../../common/schemas';
import { allowsCameraRight, audit, requireCameraRight, requireOnEveryCamera } from '../access';
import type { ApiDeps } from '../apiDeps';
import { iso, parseInstant } from '../server';

const BookmarkParams = Type.Object({ bookmarkId: Type.String() });

/*
 * Rights (model: management/common/permissions.ts; the visibility rule and why it is "all
 * cameras": management/common/evidence.ts):
 * - view (get, search) needs bookmarkView on every camera of the bookmark. Search leaves the
 *   others out (inside the query, so `limit` counts only visible ones) and refuses a camera
 *   filter naming a camera without bookmarkView. A bookmark's text is not media, so a
 *   "last N days" limit does not hide old bookmarks; playing their video still needs playback.
 * - create needs bookmarkCreate on every camera, reaching back to the start of the span, as
 *   marking video presumes the right to reach it.
 * - edit needs bookmarkEdit on every camera it has and every camera it will have, reaching
 *   the new span's start; delete needs bookmarkDelete on every camera.
 * A bookmark that does not exist answers 404 before any right is checked: its id is a random UUID.
 */
export const bookmarkRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  app.post('/api/bookmarks', {
    schema: {
      operationId: 'createBookmark', summary: 'Mark an instant of some cameras with a header, a description and how much video around it matters',
      tags: ['bookmarks'], body: CreateBookmarkRequest, response: { 201: BookmarkSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req, reply) => {
    const now = deps.clock.now();
    const input: BookmarkInput = {
      at: parseInstant(req.body.time, 'time'), preSeconds: req.body.preSeconds ?? 0, postSeconds: req.body.postSeconds ?? 0,
      header: req.body.header, description: req.body.description ?? '', cameraIds: req.body.cameraIds,
    };
    requireOnEveryCamera(req, now, input.cameraIds, 'bookmarkCreate', bookmarkSpan(input).start);
    const bookmark = bookmarkBody(deps.config.bookmarks.create(input, req.user.username, now));
    audit(deps, req, { action: 'createBookmark', target: bookmark.id, details: { bookmark } });
    deps.changes.fire({ type: 'bookmark', action: 'created', bookmarkId: bookmark.id, cameraIds: bookmark.cameraIds });
    return reply.status(201).send(bookmark);
  });

  app.get('/api/bookmarks', {
    schema: {
      operationId: 'searchBookmarks', summary: 'Bookmarks by text, time range and camera, newest first; only those whose cameras all grant bookmarkView',
      tags: ['bookmarks'], querystring: BookmarkSearchQuery, response: { 200: Type.Array(BookmarkSchema), 400: ErrorBody, 403: ErrorBody },
    },
  }, async (req) => {
    const now = deps.clock.now();
    const q = req.query;
    for (const c of new Set(q.cameraId ?? [])) requireCameraRight(req, now, c, 'bookmarkView');
    return deps.config.bookmarks.search({
      ...(q.text === undefined ? {} : { text: q.text }),
      ...(q.from === undefined ? {} : { from: parseInstant(q.from, 'from') }),
      ...(q.to === undefined ? {} : { to: parseInstant(q.to, 'to') }),
      ...(q.cameraId === undefined ? {} : { cameraIds: q.cameraId }),
      ...(q.limit === undefined ? {} : { limit: q.limit }),
      visibleCameraIds: visibleCameras(deps, req, now),
    }).map(bookmarkBody);
  });

  app.get('/api/bookmarks/:bookmarkId', {
    schema: { operationId: 'getBookmark', summary: 'One bookmark; needs bookmarkView on all its cameras', tags: ['bookmarks'], params: BookmarkParams, response: { 200: BookmarkSchema, 403: ErrorBody, 404: ErrorBody } },
  }, async (req) => {
    const bookmark = deps.config.bookmarks.get(req.params.bookmarkId);
    requireOnEveryCamera(req, deps.clock.now(), bookmark.cameraIds, 'bookmarkView');
    return bookmarkBody(bookmark);
  });

  app.patch('/api/bookmarks/:bookmarkId', {
    schema: {
      operationId: 'updateBookmark', summary: 'Change a bookmark; the creator stays, the editor and time are recorded',
      tags: ['bookmarks'], params: BookmarkParams, body: UpdateBookmarkRequest, response: { 200: BookmarkSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req) => {
    const now = deps.clock.now();
    const before = deps.config.bookmarks.get(req.params.bookmarkId);
    const { time, ...rest } = req.body;
    const patch: Partial<BookmarkInput> = { ...rest, ...(time === undefined ? {} : { at: parseInstant(time, 'time') }) };
    const next = { ...before, ...patch };
    requireOnEveryCamera(req, now, [...before.cameraIds, ...next.cameraIds], 'bookmarkEdit', bookmarkSpan(next).start);
    const after = deps.config.bookmarks.update(before.id, patch, req.user.username, now);
    audit(deps, req, { action: 'updateBookmark', target: after.id, details: { changes: jsonDiff(editable(before), editable(after)) } });
    deps.changes.fire({ type: 'bookmark', action: 'updated', bookmarkId: after.id, cameraIds: after.cameraIds, cameraIdsBefore: before.cameraIds });
    return bookmarkBody(after);
  });

  app.delete('/api/bookmarks/:bookmarkId', {
    schema: { operationId: 'deleteBookmark', summary: 'Delete a bookmark; needs bookmarkDelete on all its cameras', tags: ['bookmarks'], params: BookmarkParams, response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody } },
  }, async (req, reply) => {
    const bookmark = deps.config.bookmarks.get(req.params.bookmarkId);
    requireOnEveryCamera(req, deps.clock.now(), bookmark.cameraIds, 'bookmarkDelete');
    deps.config.bookmarks.delete(bookmark.id);
    audit(deps, req, { action: 'deleteBookmark', target: bookmark.id, details: { bookmark: bookmarkBody(bookmark) } });
    deps.changes.fire({ type: 'bookmark', action: 'deleted', bookmarkId: bookmark.id, cameraIds: bookmark.cameraIds });
    return reply.status(204).send(null);
  });
};

/** The cameras whose bookmarks the caller may see now. */
function visibleCameras(deps: ApiDeps, req: FastifyRequest, now: number): string[] {
  return deps.config.listCameras().map((c) => c.id).filter((id) => allowsCameraRight(req, now, id, 'bookmarkView'));
}

/** What a user can change, as the API shows it: the audit diff leaves out who/when bookkeeping. */
function editable(b: Bookmark) {
  const { id: _id, createdBy: _cb, createdAt: _ca, updatedBy: _ub, updatedAt: _ua, ...rest } = bookmarkBody(b);
  return rest;
}

function bookmarkBody(b: Bookmark) {
  return {
    id: b.id, cameraIds: b.cameraIds, time: iso(b.at), preSeconds: b.preSeconds, postSeconds: b.postSeconds, header: b.header,
    description: b.description, createdBy: b.createdBy, createdAt: iso(b.createdAt),
    updatedBy: b.updatedBy, updatedAt: b.updatedAt === null ? null : iso(b.updatedAt),
  };
}

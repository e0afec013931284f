import { Type } from 'typebox';
import type { Static } from 'typebox';
import { BOOKMARK_LIMITS } from '../../management/common/evidence';

/**
 * Shapes of the bookmark and evidence lock API beyond creating and listing locks (those are
 * in schemas.ts). Instants are ISO date-times on the wire, as everywhere in the API.
 */

const L = BOOKMARK_LIMITS;
const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);

export const BookmarkSchema = Type.Object({
  id: Type.String(),
  cameraIds: Type.Array(Type.String()),
  time: DateTime,
  preSeconds: Type.Number(),
  postSeconds: Type.Number(),
  header: Type.String(),
  description: Type.String(),
  createdBy: Type.String(),
  createdAt: DateTime,
  updatedBy: Type.Union([Type.String(), Type.Null()], { description: 'null until the first edit' }),
  updatedAt: NullableDateTime,
});

const fields = {
  cameraIds: Type.Array(Type.String(), { minItems: 1, maxItems: L.maxCameras, description: 'the caller needs the right on every one' }),
  time: Type.String({ format: 'date-time', description: 'the marked instant' }),
  preSeconds: Type.Number({ minimum: 0, maximum: L.maxPrePostSeconds, description: 'video that matters before the instant' }),
  postSeconds: Type.Number({ minimum: 0, maximum: L.maxPrePostSeconds, description: 'video that matters after the instant' }),
  header: Type.String({ minLength: 1, maxLength: L.maxHeader }),
  description: Type.String({ maxLength: L.maxDescription }),
};

export const CreateBookmarkRequest = Type.Object({
  ...fields,
  preSeconds: Type.Optional(fields.preSeconds),
  postSeconds: Type.Optional(fields.postSeconds),
  description: Type.Optional(fields.description),
}, { additionalProperties: false });

export const UpdateBookmarkRequest = Type.Partial(Type.Object(fields), { additionalProperties: false });

export const BookmarkSearchQuery = Type.Object({
  text: Type.Optional(Type.String({ maxLength: 200, description: 'words that must all occur in the header or description, any case' })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'bookmarks whose span reaches this instant or later' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'bookmarks whose span starts before this instant' })),
  cameraId: Type.Optional(Type.Array(Type.String(), {
    maxItems: 1000, description: 'repeatable; bookmarks naming any of these cameras (403 unless bookmarkView on each)',
  })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: L.maxResults, description: 'newest first; default 100' })),
}, { additionalProperties: false });

export const ExtendEvidenceLockRequest = Type.Object({
  until: Type.Union([DateTime, Type.Null()], { description: 'later than the current end; null holds indefinitely' }),
}, { additionalProperties: false });

export const EvidenceLockListQuery = Type.Object({
  cameraId: Type.Optional(Type.String({ description: 'only locks naming this camera' })),
}, { additionalProperties: false });

export type BookmarkBody = Static<typeof BookmarkSchema>;
export type CreateBookmarkBody = Static<typeof CreateBookmarkRequest>;
export type UpdateBookmarkBody = Static<typeof UpdateBookmarkRequest>;

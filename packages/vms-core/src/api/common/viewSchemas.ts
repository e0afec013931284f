import { Type } from 'typebox';
import type { Static } from 'typebox';
import { VIEW_LAYOUT_IDS, VIEW_LIMITS } from '../../management/common/view';

/**
 * Shapes of the views API (Smart Client views stored on the site). The schema checks types and
 * sizes; whether tiles fit the grid without overlapping is management/common/view.ts's
 * viewProblem, answered as 400 VMS_ERR_BAD_INPUT with the reason.
 */

const L = VIEW_LIMITS;
const Cell = (min: number) => Type.Integer({ minimum: min, maximum: L.maxGrid });

export const ViewTileSchema = Type.Object({
  x: Cell(0), y: Cell(0), width: Cell(1), height: Cell(1),
}, { additionalProperties: false, description: 'cells from the top-left corner of the grid' });

export const ViewLayoutSchema = Type.Object({
  columns: Cell(1),
  rows: Cell(1),
  tiles: Type.Array(ViewTileSchema, { minItems: 1, maxItems: L.maxTiles, description: 'inside the grid, not overlapping' }),
}, { additionalProperties: false });

export const ViewLayoutIdSchema = Type.Enum([...VIEW_LAYOUT_IDS], {
  description: 'the preset the client picked; "custom" for any other grid. The layout is what counts.',
});

const CameraIdsSchema = Type.Array(Type.Union([Type.String({ minLength: 1, maxLength: L.maxCameraId }), Type.Null()]), {
  maxItems: L.maxTiles,
  description: 'one per tile, in tile order; null is an empty tile. Cameras the caller may not see are kept (the client shows "no access").',
});

const fields = {
  name: Type.String({ minLength: 1, maxLength: L.maxName }),
  layoutId: ViewLayoutIdSchema,
  layout: ViewLayoutSchema,
  cameraIds: CameraIdsSchema,
};

/** Where a view goes: a group, or (as before groups existed) only whether it is shared. */
const placement = {
  groupId: Type.Optional(Type.String({
    minLength: 1, maxLength: 200,
    description: 'the view group (listViewGroups) it goes in; the caller must see the group. Absent: the default group of the kind `shared` asks for ' +
      '(the caller\'s "Private" or the site\'s "Shared"); on update, absent keeps the group unless `shared` changes',
  })),
  shared: Type.Optional(Type.Boolean({
    description: 'without groupId: true puts the view in the default shared group, false in the owner\'s default private group. ' +
      'With groupId it must match the group\'s kind (or be left out)',
  })),
};

export const CreateViewRequest = Type.Object({ ...fields, ...placement }, { additionalProperties: false });

export const UpdateViewRequest = Type.Object({
  ...fields,
  ...placement,
  revision: Type.Integer({ minimum: 1, description: 'the revision this edit is based on; 409 VMS_ERR_STALE_REVISION when the view has changed since' }),
}, { additionalProperties: false });

export const ViewSchema = Type.Object({
  id: Type.String(),
  ...fields,
  groupId: Type.String({ description: 'the view group it is in; who sees the group sees the view' }),
  shared: Type.Boolean({ description: "whether its group is shared (shown to roles) or private (its owner's)" }),
  ownerId: Type.String({ description: 'the user who created the view' }),
  revision: Type.Integer({ description: '1 when created, one more on every change' }),
  updatedAt: Type.String({ format: 'date-time' }),
  editable: Type.Boolean({ description: 'whether the caller may change or delete it (owner, or a view in a shared group and manageConfiguration)' }),
});

export type ViewBody = Static<typeof ViewSchema>;
export type CreateViewBody = Static<typeof CreateViewRequest>;
export type UpdateViewBody = Static<typeof UpdateViewRequest>;
export type ViewLayoutBody = Static<typeof ViewLayoutSchema>;

import { Type } from 'typebox';
import type { Static } from 'typebox';
import { VIEW_GROUP_LIMITS } from '../../management/common/viewGroup';

/**
 * Shapes of the view groups API (management/common/viewGroup.ts). Names, role references and
 * the private/shared rules are checked by viewGroupProblem and answered as 400 naming the field.
 */

const L = VIEW_GROUP_LIMITS;
const RoleIds = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
  maxItems: L.maxRoles, description: 'shared groups: the roles it is shown to (configuration managers see every shared group)',
});
const Position = Type.Integer({ minimum: 0, maximum: 100_000, description: 'place in its list from 0 (the shared groups, or the owner\'s private groups); beyond the end means last' });

export const CreateViewGroupRequest = Type.Object({
  name: Type.String({ minLength: 1, maxLength: L.maxName }),
  shared: Type.Boolean({ description: "true: a shared group (needs manageConfiguration); false: a private group of the caller's" }),
  allRoles: Type.Optional(Type.Boolean({ description: 'shared groups: shown to every role, roles created later included (default false)' })),
  roleIds: Type.Optional(RoleIds),
  position: Type.Optional(Position),
}, { additionalProperties: false });

export const UpdateViewGroupRequest = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: L.maxName })),
  allRoles: Type.Optional(Type.Boolean({ description: 'shared groups only; true clears roleIds' })),
  roleIds: Type.Optional(RoleIds),
  position: Type.Optional(Position),
}, { additionalProperties: false, minProperties: 1 });

export const ViewGroupSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  shared: Type.Boolean(),
  ownerId: Type.Union([Type.String(), Type.Null()], { description: 'the user a private group belongs to; null for shared groups' }),
  allRoles: Type.Boolean(),
  roleIds: Type.Array(Type.String(), { description: 'shown only to those who may change the group; [] for others' }),
  position: Type.Integer(),
  isDefault: Type.Boolean({ description: 'the default group of its kind: views saved without a group go here; it cannot be deleted' }),
  viewCount: Type.Integer({ description: 'views in the group (all of them are seen by whoever sees the group)' }),
  editable: Type.Boolean({ description: 'whether the caller may rename, reorder, delete it (and choose its roles)' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export type ViewGroupBody = Static<typeof ViewGroupSchema>;
export type CreateViewGroupBody = Static<typeof CreateViewGroupRequest>;
export type UpdateViewGroupBody = Static<typeof UpdateViewGroupRequest>;

import { Type } from 'typebox';
import type { Static } from 'typebox';
import { CLIENT_EXPORT_FORMATS, CLIENT_LAYOUTS, CLIENT_PROFILE_LIMITS, CLIENT_WORKSPACES } from '../../management/common/clientProfile';

/**
 * Shapes of the client profiles API (management/common/clientProfile.ts). Types and ranges are
 * checked here; role references, duplicates and the default profile's rules by
 * clientProfileProblem, answered as 400 naming the field.
 */

const L = CLIENT_PROFILE_LIMITS;

export const ClientProfileSettingsSchema = Type.Object({
  workspaces: Type.Array(Type.Enum([...CLIENT_WORKSPACES]), {
    minItems: 1, maxItems: CLIENT_WORKSPACES.length, description: 'the Smart Client workspaces offered; it opens in the first of live, playback, search, alarms offered',
  }),
  exportAllowed: Type.Boolean({ description: 'the Export button and export actions (the export right is still checked per camera)' }),
  defaultLayout: Type.Enum([...CLIENT_LAYOUTS], { description: 'the layout an empty screen starts with after sign-in' }),
  tileTitleBar: Type.Boolean({ description: 'the strip over each tile: camera name, REC and motion' }),
  tileClock: Type.Boolean({ description: 'the time in the corner of each tile' }),
  defaultExportFormat: Type.Enum([...CLIENT_EXPORT_FORMATS], { description: 'what the export dialog starts with' }),
  idleLogoutMinutes: Type.Integer({ minimum: 0, maximum: L.maxIdleLogoutMinutes, description: 'sign out after this many minutes without input; 0: never' }),
}, { additionalProperties: false });

const RoleIds = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
  maxItems: 10_000, description: 'roles this profile is assigned to; a role listed here leaves the profile that had it (one profile per role)',
});
const Position = Type.Integer({ minimum: 0, maximum: 100_000, description: 'priority from 0 (first); beyond the end means last but before the default profile' });

export const CreateClientProfileRequest = Type.Object({
  name: Type.String({ minLength: 1, maxLength: L.maxName }),
  description: Type.Optional(Type.String({ maxLength: L.maxDescription })),
  roleIds: Type.Optional(RoleIds),
  settings: Type.Optional(Type.Partial(ClientProfileSettingsSchema, { additionalProperties: false, description: 'settings left out take the built-in defaults' })),
  position: Type.Optional(Position),
}, { additionalProperties: false });

export const UpdateClientProfileRequest = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: L.maxName })),
  description: Type.Optional(Type.String({ maxLength: L.maxDescription })),
  roleIds: Type.Optional(RoleIds),
  settings: Type.Optional(Type.Partial(ClientProfileSettingsSchema, { additionalProperties: false, description: 'only the settings named change' })),
  position: Type.Optional(Position),
}, { additionalProperties: false, minProperties: 1 });

export const ClientProfileSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  isDefault: Type.Boolean({ description: 'used by every role without a profile of its own; takes no roles, comes last, cannot be deleted' }),
  position: Type.Integer({ description: 'priority: a user in several roles gets the profile of theirs that comes first' }),
  roleIds: Type.Array(Type.String()),
  settings: ClientProfileSettingsSchema,
  updatedAt: Type.String({ format: 'date-time' }),
});

/** The caller's profile as getCurrentUser answers it: which one applies, and its settings. */
export const EffectiveClientProfileSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  settings: ClientProfileSettingsSchema,
}, { description: 'the Smart Client profile that applies to the caller: of their roles\' profiles the first by priority, else the default profile' });

export type ClientProfileBody = Static<typeof ClientProfileSchema>;
export type ClientProfileSettingsBody = Static<typeof ClientProfileSettingsSchema>;
export type CreateClientProfileBody = Static<typeof CreateClientProfileRequest>;
export type UpdateClientProfileBody = Static<typeof UpdateClientProfileRequest>;
export type EffectiveClientProfileBody = Static<typeof EffectiveClientProfileSchema>;

import type { Clock } from '../../base/common/clock';
import type { Emitter } from '../../base/common/event';
import type { AddHardwareRequest, HardwareInfo } from '../../devices/common/types';
import type { ProbeOptions } from '../../devices/node/drivers';
import type { PtzControl } from '../../devices/node/ptzControl';
import type { OutputSwitch } from '../../devices/node/outputSwitch';
import type { EventLog } from '../../events/node/eventLog';
import type { MediaDb } from '../../media-db/node/mediaDb';
import type { RoleDefinition } from '../../management/common/permissions';
import type { AuditLog } from '../../management/node/auditLog';
import type { ConfigStore } from '../../management/node/configStore';
import type { Identity, User } from '../../management/node/identity';
import type { RoleStore } from '../../management/node/roleStore';
import type { RecordingServer } from '../../recording/node/recordingServer';
import type { SiteKeys } from '../../security/node/siteKeys';
import type { EventsAndRules } from '../../rules/node/eventsAndRules';
import type { MediaServices } from './mediaServices';
import type { SiteChange } from './siteChanges';

/** What the API needs from the site; tests pass their own (fastify inject, no socket). */
export interface ApiDeps {
  config: ConfigStore;
  identity: Identity;
  roles: RoleStore;
  audit: AuditLog;
  media: MediaDb;
  recording: RecordingServer;
  events: EventLog;
  clock: Clock;
  probeHardware: (req: AddHardwareRequest, options?: ProbeOptions) => Promise<HardwareInfo>;
  discoverHardware: (o: { timeoutMs: number; interface?: string }) => Promise<{ xaddrs: string[]; scopes: string[]; endpoint: string }[]>;
  mediaServices: MediaServices;
  /** Steers cameras (ptzRoutes.ts); holds each device's PTZ session between commands. */
  ptz: PtzControl;
  /** Switches outputs (deviceRoutes.ts, and the rules' setOutput); remembers what it set. */
  outputs: OutputSwitch;
  /** Routes announce what they changed here; the updates socket tells the clients entitled to hear it. */
  changes: Emitter<SiteChange>;
  /** The site key: configuration backups carry storage keys and device passwords re-wrapped with it. */
  keys: SiteKeys;
  /** The event server: rules, user-defined and generic events, the rule and system logs. */
  eventsAndRules: EventsAndRules;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user (set by access.ts for every non-public route). */
    user: User;
    /** The user's roles, read once per request so role changes apply at the next call. */
    roles: RoleDefinition[];
    /** The token family of this request's login: logout revokes it. */
    sessionId: string;
  }
}

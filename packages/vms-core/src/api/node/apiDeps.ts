import type { Clock } from '../../base/common/clock';
import type { AddHardwareRequest, HardwareInfo } from '../../devices/common/types';
import type { EventLog } from '../../events/node/eventLog';
import type { MediaDb } from '../../media-db/node/mediaDb';
import type { ConfigStore } from '../../management/node/configStore';
import type { Identity, User } from '../../management/node/identity';
import type { RecordingServer } from '../../recording/node/recordingServer';

/** What the API needs from the site; tests pass their own (fastify inject, no socket). */
export interface ApiDeps {
  config: ConfigStore;
  identity: Identity;
  media: MediaDb;
  recording: RecordingServer;
  events: EventLog;
  clock: Clock;
  probeHardware: (req: AddHardwareRequest) => Promise<HardwareInfo>;
  discoverHardware: (o: { timeoutMs: number; interface?: string }) => Promise<{ xaddrs: string[]; scopes: string[]; endpoint: string }[]>;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: User;
  }
}

// Node-only surface of vms-core (servers, tools). Never imported by a renderer.
export { Site, siteLayout } from './site/node/site';
export type { SiteOptions } from './site/node/site';
export { buildServer } from './api/node/server';
export type { ApiDeps } from './api/node/apiDeps';
export { RecordingServer } from './recording/node/recordingServer';
export { MediaDb } from './media-db/node/mediaDb';
export { checkMediaDb } from './media-db/node/check';
export { recoverMediaDb } from './media-db/node/recovery';
export { ConfigStore } from './management/node/configStore';
export { Identity } from './management/node/identity';
export { SiteKeys } from './security/node/siteKeys';
export { probeHardware, streamOpeners } from './devices/node/drivers';
export { discoverOnvif } from './devices/node/onvif';
export { systemClock } from './base/node/systemClock';

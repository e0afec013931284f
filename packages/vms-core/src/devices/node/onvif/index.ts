// The ONVIF driver's public surface; everything else in this folder is its plumbing.
export { probeOnvif, deviceServiceUrl } from './probeOnvif';
export type { ProbeOnvifOptions } from './probeOnvif';
export { discoverOnvif } from './discoverOnvif';
export type { DiscoverOnvifOptions, DiscoveredOnvifDevice } from './discoverOnvif';

import { VmsError } from '../../../base/common/errors';
import type { ConfigStore } from '../../../management/node/configStore';
import type { LiveSourceResolver } from './liveHub';

/**
 * Resolves camera streams from the configuration database. A disabled camera has no live
 * video: disabling a camera is how an administrator stops all traffic to it.
 */
export function configSourceResolver(config: Pick<ConfigStore, 'getCamera' | 'hardwareCredentials'>): LiveSourceResolver {
  return (cameraId, streamKey) => {
    const camera = config.getCamera(cameraId);
    if (!camera.enabled) throw new VmsError('VMS_ERR_CONFLICT', `camera ${camera.name} is disabled`);
    const stream = camera.streams.find((s) => s.key === streamKey);
    if (!stream) throw new VmsError('VMS_ERR_NOT_FOUND', `camera ${camera.name} has no stream "${streamKey}"`);
    return { url: stream.url, credentials: config.hardwareCredentials(camera.hardwareId), transport: camera.transport };
  };
}

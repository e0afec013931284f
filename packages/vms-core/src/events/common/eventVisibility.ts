/**
 * Who may see an event of the event server (the live event stream, GET /api/events/stream).
 * The same answers the REST routes give for what the event is about:
 *
 * | event source                                   | seen by                                                        |
 * | ---------------------------------------------- | -------------------------------------------------------------- |
 * | a camera (motion, connection, recording)        | some right on the camera, as listEvents and getCamera decide   |
 * | an input or output of a hardware unit, the unit itself (its ONVIF events) | manage configuration, or some right on a camera of the same unit: an input wired beside a camera belongs to what that camera watches |
 * | the unit's event naming one of its cameras (data.cameraId) | manage configuration, or some right on that camera                   |
 * | an analytics source watching a camera           | some right on that camera, or manage configuration             |
 * | a storage or recording server (system events)   | manage configuration (administrators have it)                   |
 * | a generic event, an analytics source without one | manage configuration: they speak of outside systems the site is configured for |
 * | a user-defined event                            | manage configuration, or the live right on some camera now: whoever may trigger one (listUserDefinedEvents) |
 *
 * `cause` (the rules that raised an event) is configuration: only manage-configuration viewers get it.
 */
import type { RoleDefinition } from '../../management/common/permissions';
import { hasAdminFlag, hasAnyCameraRight } from '../../management/common/permissions';
import type { VmsEvent } from './vmsEvent';
import { eventCameraId } from './vmsEvent';

export interface EventViewer {
  /** May manage configuration. */
  readonly siteWide: boolean;
  /** May trigger user-defined events: manage configuration or the live right on some camera now. */
  readonly operator: boolean;
  seesCamera(cameraId: string): boolean;
  /** Some right on a camera of the hardware unit (inputs, outputs and the unit's own events). */
  seesHardware(hardwareId: string): boolean;
  /** The hardware unit an input or output device belongs to, if the site knows the device. */
  hardwareOfDevice(deviceId: string): string | undefined;
}

/** How cameras and devices sit on hardware units, as the site's configuration says now. */
export interface HardwareTopology {
  camerasOf(hardwareId: string): readonly string[];
  hardwareOfDevice(deviceId: string): string | undefined;
}

const NO_HARDWARE: HardwareTopology = { camerasOf: () => [], hardwareOfDevice: () => undefined };

/**
 * A viewer from a user's roles as they are now; `liveSomewhere` says whether they hold the live
 * right on some camera now (the caller knows the cameras and the time). Camera and hardware
 * answers are remembered: build a new viewer when the roles or the hardware change.
 */
export function eventViewer(roles: readonly RoleDefinition[], liveSomewhere: boolean, topology: HardwareTopology = NO_HARDWARE): EventViewer {
  const siteWide = hasAdminFlag(roles, 'manageConfiguration');
  const cameras = new Map<string, boolean>();
  const hardware = new Map<string, boolean>();
  const seesCamera = (cameraId: string): boolean => {
    let seen = cameras.get(cameraId);
    if (seen === undefined) cameras.set(cameraId, (seen = hasAnyCameraRight(roles, cameraId)));
    return seen;
  };
  return {
    siteWide,
    operator: siteWide || liveSomewhere,
    seesCamera,
    seesHardware(hardwareId) {
      let seen = hardware.get(hardwareId);
      if (seen === undefined) hardware.set(hardwareId, (seen = topology.camerasOf(hardwareId).some(seesCamera)));
      return seen;
    },
    hardwareOfDevice: (deviceId) => topology.hardwareOfDevice(deviceId),
  };
}

export function canSeeEvent(viewer: EventViewer, e: Pick<VmsEvent, 'type' | 'source' | 'data'>): boolean {
  switch (e.source.kind) {
    case 'camera':
      return viewer.seesCamera(e.source.id);
    case 'userDefinedEvent':
      return viewer.operator;
    case 'analyticsSource': {
      const camera = eventCameraId(e);
      return viewer.siteWide || (camera !== undefined && viewer.seesCamera(camera));
    }
    case 'input': case 'output': {
      if (viewer.siteWide) return true;
      const hardwareId = viewer.hardwareOfDevice(e.source.id);
      return hardwareId !== undefined && viewer.seesHardware(hardwareId);
    }
    case 'hardware': {
      // An event naming a camera (device motion of one video source) is that camera's: a right
      // on another camera of the same unit does not show it.
      const camera = eventCameraId(e);
      if (camera !== undefined) return viewer.siteWide || viewer.seesCamera(camera);
      return viewer.siteWide || viewer.seesHardware(e.source.id);
    }
    case 'storage': case 'server': case 'genericEvent':
      return viewer.siteWide;
  }
}

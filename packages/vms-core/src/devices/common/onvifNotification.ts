/**
 * An ONVIF event as a device sends it (a wsnt:NotificationMessage holding a tt:Message), read
 * into plain values: what the site maps to its own events (events/common/onvifEventMapping.ts).
 * Pure, so the mapping stays pure too; the parser is devices/node/onvif/notificationMessage.ts.
 */

/** The namespace of ONVIF's topic tree; topics in it are written with the prefix "tns1:". */
export const ONVIF_TOPIC_NAMESPACE = 'http://www.onvif.org/ver10/topics';

/**
 * What a property event says about its property (ONVIF Core, "Property events"): its value at
 * subscription or synchronization (Initialized), a new value (Changed), or that the property
 * is gone (Deleted). Events that are no property (a tamper pulse) carry none.
 */
export type PropertyOperation = 'Initialized' | 'Changed' | 'Deleted';

export interface OnvifNotification {
  /**
   * The topic as a path, ONVIF's own tree written "tns1:Device/Trigger/DigitalInput" whatever
   * prefix the device used; a vendor's tree keeps the device's prefix ("tnsaxis:...").
   */
  topic: string;
  /** When the device says it happened (ms since the epoch, device clock), if it said. */
  utcTime?: number;
  operation?: PropertyOperation;
  /** SimpleItems of tt:Source: which thing (InputToken, VideoSourceToken...). */
  source: Record<string, string>;
  /** SimpleItems of tt:Key, for topics whose instances a key tells apart. */
  key: Record<string, string>;
  /** SimpleItems of tt:Data: the value (LogicalState, IsMotion, State...). */
  data: Record<string, string>;
}

/** Topics the site gives a meaning of its own. */
export const ONVIF_TOPICS = {
  digitalInput: 'tns1:Device/Trigger/DigitalInput',
  relay: 'tns1:Device/Trigger/Relay',
  motionAlarm: 'tns1:VideoSource/MotionAlarm',
  cellMotion: 'tns1:RuleEngine/CellMotionDetector/Motion',
} as const;

/**
 * A boolean as devices write it: xs:boolean ("true", "1"), and the relay states of
 * tt:RelayLogicalState ("active", "inactive"). Undefined for anything else.
 */
export function onvifBoolean(value: string | undefined): boolean | undefined {
  switch (value?.trim().toLowerCase()) {
    case 'true': case '1': case 'active': case 'on':
      return true;
    case 'false': case '0': case 'inactive': case 'off':
      return false;
    default:
      return undefined;
  }
}

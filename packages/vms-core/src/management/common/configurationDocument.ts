/**
 * The configuration backup file (exportConfiguration / importConfiguration): the whole
 * configuration as JSON, readable and diffable, with every secret sealed in one block that
 * only the export password opens. See docs/design/configuration.md, "Backup and restore".
 */
import type { AlarmDefinitionInput } from '../../alarms/common/alarm';
import type { AnalyticsSourceConfig } from '../../events/common/analyticsEvent';
import type { GenericEventInput, GenericEventSourceConfig } from '../../events/common/definedEvents';
import type { LogSettings } from '../../events/common/logs';
import type { Grooming } from '../../media-db/common/storageConfig';
import type { NotificationProfileInput, SmtpSettings } from '../../notifications/common/notification';
import type { BuiltInRuleId, RuleDefinition } from '../../rules/common/rule';
import type { Camera, Hardware } from './camera';
import type { ClientProfileSettings } from './clientProfile';
import type { Device } from './device';
import type { RoleDefinition } from './permissions';
import type { RecordingServerRecord, SiteInfo } from './siteInfo';
import type { StoredTimeProfile } from './timeProfile';

export const CONFIGURATION_FORMAT = 'nightjar-configuration';
export const CONFIGURATION_VERSION = 1;

export interface DocumentStorage {
  id: string;
  name: string;
  path: string;
  maxBytes: number;
  retentionHours: number;
  archiveEveryMinutes: number;
  archive?: { storageId: string; grooming?: Grooming };
  encrypted: boolean;
  minFreeBytes: number;
  recordingServerId: string | null;
}

export type DocumentHardware = Hardware & { recordingServerId: string | null };

/** A microphone, speaker, metadata, input or output of a hardware unit, as configured. */
export type DocumentDevice = Omit<Device, 'createdAt'>;

/** A camera as configured; `ptz` is the driver's PTZ description as stored (null: fixed camera). */
export type DocumentCamera = Omit<Camera, 'ptz' | 'group'> & { group: string; ptz: Record<string, unknown> | null };

/**
 * A shared view group: who sees it and where it stands. Its views are not configuration (like
 * bookmarks, they stay on the site through a restore); private groups are their owners' own.
 */
export interface DocumentViewGroup {
  id: string;
  name: string;
  allRoles: boolean;
  roleIds: string[];
  position: number;
}

/** A Smart Client profile; the one with the default id is the default profile (no roles). */
export interface DocumentClientProfile {
  id: string;
  name: string;
  description: string;
  position: number;
  roleIds: string[];
  settings: ClientProfileSettings;
}

/**
 * The event server's configuration: what rules and alarms act on and through, and the rules and
 * alarm definitions themselves. One section, not a list each: its parts name each other (a rule
 * sends a notification profile, listens to an analytics source), so a file carries all of them
 * or none. Secrets (the SMTP password, analytics token hashes) are in the sealed block.
 */
export interface DocumentEventServer {
  userDefinedEvents: { id: string; name: string; description: string }[];
  genericEventSources: (GenericEventSourceConfig & { id: string })[];
  genericEvents: (GenericEventInput & { id: string })[];
  /** `hasToken`: the sealed block holds the hash of its token. */
  analyticsSources: (AnalyticsSourceConfig & { id: string; hasToken: boolean })[];
  /** `hasPassword`: the sealed block holds the password. */
  smtp: SmtpSettings & { hasPassword: boolean };
  notificationProfiles: (NotificationProfileInput & { id: string })[];
  /** `builtIn`: which default rule the site created it as. */
  rules: (RuleDefinition & { id: string; builtIn?: BuiltInRuleId })[];
  alarmDefinitions: (AlarmDefinitionInput & { id: string })[];
  /** System log level and the retention of the logs and closed alarms; absent in files from before it: left as it is. */
  logSettings?: LogSettings;
}

export interface DocumentUser {
  id: string;
  username: string;
  roleIds: string[];
  createdAt: string;
}

/** AES-256-GCM under a key from scrypt(password, salt); the rest of the document is its associated data. */
export interface SealedSecrets {
  kdf: { name: 'scrypt'; n: number; r: number; p: number; salt: string };
  cipher: 'aes-256-gcm';
  iv: string;
  tag: string;
  data: string;
}

/** What the sealed block holds. */
export interface ConfigurationSecrets {
  /** Hardware id → device password. */
  hardwarePasswords: Record<string, string>;
  /** User id → scrypt password hash, so users keep their passwords after a restore. */
  userPasswordHashes: Record<string, string>;
  /** Storage id → its data key (base64), so encrypted recordings stay readable on another machine. */
  storageKeys: Record<string, string>;
  /** The SMTP server's password; absent when it has none or the file has no event server section. */
  smtpPassword?: string;
  /**
   * Analytics source id → SHA-256 of its token (hex): the site keeps only the hash, so that is
   * what a backup can carry, and it still checks the token the source sends.
   */
  analyticsTokenHashes?: Record<string, string>;
}

export interface ConfigurationContent {
  site: SiteInfo;
  recordingServers: RecordingServerRecord[];
  storages: DocumentStorage[];
  hardware: DocumentHardware[];
  cameras: DocumentCamera[];
  timeProfiles: StoredTimeProfile[];
  roles: RoleDefinition[];
  users: DocumentUser[];
  /** Absent in files from before view groups and client profiles: an import then leaves them as they are. */
  viewGroups?: DocumentViewGroup[];
  clientProfiles?: DocumentClientProfile[];
  /** Absent in files from before devices: an import then keeps the devices of the hardware it keeps. */
  devices?: DocumentDevice[];
  /** Absent in files from before it: an import then leaves rules, alarm definitions, notifications and events as they are. */
  eventServer?: DocumentEventServer;
}

export interface ConfigurationDocument extends ConfigurationContent {
  format: typeof CONFIGURATION_FORMAT;
  version: typeof CONFIGURATION_VERSION;
  exportedAt: string;
  secrets: SealedSecrets;
}

/**
 * JSON with object keys sorted at every level: the bytes the secrets are bound to must not
 * depend on the order a serializer or an editor happens to write keys in.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const byId = <T extends { id: string }>(items: readonly T[]) => Object.fromEntries(items.map((i) => [i.id, i]));

/** The content with every list keyed by id, so a diff reads "cameras.<id>.name" rather than whole arrays. */
export function keyedContent(c: ConfigurationContent): Record<string, unknown> {
  return {
    site: c.site, recordingServers: byId(c.recordingServers), storages: byId(c.storages), hardware: byId(c.hardware),
    cameras: byId(c.cameras), timeProfiles: byId(c.timeProfiles), roles: byId(c.roles), users: byId(c.users),
    ...(c.viewGroups ? { viewGroups: byId(c.viewGroups) } : {}), ...(c.clientProfiles ? { clientProfiles: byId(c.clientProfiles) } : {}),
    ...(c.devices ? { devices: byId(c.devices) } : {}),
    ...(c.eventServer ? { eventServer: keyedEventServer(c.eventServer) } : {}),
  };
}

function keyedEventServer(e: DocumentEventServer): Record<string, unknown> {
  return {
    userDefinedEvents: byId(e.userDefinedEvents), genericEventSources: byId(e.genericEventSources), genericEvents: byId(e.genericEvents),
    analyticsSources: byId(e.analyticsSources), smtp: e.smtp, notificationProfiles: byId(e.notificationProfiles), rules: byId(e.rules),
    alarmDefinitions: byId(e.alarmDefinitions),
  };
}

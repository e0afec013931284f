/**
 * The event server's part of a configuration backup: user-defined and generic events (with
 * their listeners), analytics sources, the SMTP server, notification profiles, rules and alarm
 * definitions (docs/design/configuration.md, "Backup and restore"). Read for an export; on
 * import checked with the rest of the file before anything is written, each object by the same
 * check its API applies, against what the file will leave on the site; then applied inside the
 * import's transaction. A file without the section leaves all of it as it is.
 *
 * Objects keep their ids, so rules and alarm definitions naming them still point at them, and
 * alarms already raised keep their definition. The SMTP password and the analytics tokens'
 * hashes travel in the sealed secrets.
 */
import { VmsError } from '../../base/common/errors';
import type { Db } from '../../base/node/sqlite';
import type { AlarmContext } from '../../alarms/common/alarmDefinitionValidation';
import { alarmDefinitionProblem } from '../../alarms/common/alarmDefinitionValidation';
import { alarmDefinitionJson } from '../../alarms/node/alarmDefinitionStore';
import { analyticsSourceProblem } from '../../events/common/analyticsEvent';
import { genericEventProblem, genericSourceProblem, nameProblem } from '../../events/common/definedEvents';
import type { EventTrigger, RuleDefinition } from '../../rules/common/rule';
import { BUILT_IN_RULE_IDS } from '../../rules/common/rule';
import { ruleProblem } from '../../rules/common/ruleValidation';
import type { EventsAndRules } from '../../rules/node/eventsAndRules';
import { ruleDefinitionJson } from '../../rules/node/ruleStore';
import { notificationProfileProblem, smtpSettingsProblem } from '../../notifications/common/notificationValidation';
import { SMTP_PASSWORD_LABEL } from '../../notifications/node/notificationStore';
import { logSettingsProblem } from '../../events/common/logs';
import { sourceKindOf } from '../../events/common/vmsEvent';
import type { SiteKeys } from '../../security/node/siteKeys';
import type { ConfigurationDocument, ConfigurationSecrets, DocumentEventServer } from '../common/configurationDocument';
import type { Device } from '../common/device';
import type { ImportCounts } from './configurationImport';
import { uniqueBy } from './configurationImportClient';

/** The event server's stores a backup reads. */
export type EventServerSources = Pick<EventsAndRules, 'userDefinedEvents' | 'genericEvents' | 'analyticsSources' | 'notificationProfiles' | 'rules' | 'alarmDefinitions' | 'systemLog'>;

const FIELD = 'document.eventServer';
const bad = (field: string, message: string) => new VmsError('VMS_ERR_BAD_INPUT', `${field}: ${message}`, { field });

/** The section as the site has it now; every object built field by field (the secrets are bound to these bytes). */
export function eventServerContent(e: EventServerSources): DocumentEventServer {
  const smtp = e.notificationProfiles.smtpSettings();
  return {
    userDefinedEvents: e.userDefinedEvents.list().map((u) => ({ id: u.id, name: u.name, description: u.description })),
    genericEventSources: e.genericEvents.listSources().map((s) => ({
      id: s.id, name: s.name, protocol: s.protocol, port: s.port, bindAddress: s.bindAddress, allowedAddresses: s.allowedAddresses,
      separators: s.separators, encoding: s.encoding, maxMessageBytes: s.maxMessageBytes, maxMessagesPerSecond: s.maxMessagesPerSecond, enabled: s.enabled,
    })),
    genericEvents: e.genericEvents.listEvents().map((g) => ({
      id: g.id, name: g.name, description: g.description, expressionType: g.expressionType, expression: g.expression,
      caseSensitive: g.caseSensitive, priority: g.priority, sourceIds: g.sourceIds, enabled: g.enabled,
    })),
    analyticsSources: e.analyticsSources.list().map((s) => ({
      id: s.id, name: s.name, description: s.description, allowedAddresses: s.allowedAddresses, ...(s.cameraId !== undefined ? { cameraId: s.cameraId } : {}),
      maxEventsPerSecond: s.maxEventsPerSecond, enabled: s.enabled, hasToken: s.hasToken,
    })),
    smtp: {
      host: smtp.host, port: smtp.port, security: smtp.security, username: smtp.username, fromAddress: smtp.fromAddress, fromName: smtp.fromName,
      hasPassword: smtp.hasPassword,
    },
    notificationProfiles: e.notificationProfiles.list().map((p) => ({
      id: p.id, name: p.name, description: p.description, recipients: p.recipients, subject: p.subject, body: p.body,
      attachSnapshots: p.attachSnapshots, snapshotCameraIds: p.snapshotCameraIds, timeZone: p.timeZone,
    })),
    // A rule's sentence and a definition are stored as their API checked them: everything but the times.
    rules: e.rules.list().map(({ createdAt: _c, updatedAt: _u, ...r }) => r),
    alarmDefinitions: e.alarmDefinitions.list().map(({ createdAt: _c, updatedAt: _u, ...d }) => d),
    logSettings: { ...e.systemLog.settings() },
  };
}

/** The SMTP password and the analytics token hashes (the site never had the tokens themselves). */
export function eventServerSecrets(e: EventServerSources, db: Db): Pick<ConfigurationSecrets, 'smtpPassword' | 'analyticsTokenHashes'> {
  const password = e.notificationProfiles.smtpCredentials().password;
  const hashes = db.prepare('SELECT id, token_hash AS hash FROM analytics_source WHERE token_hash IS NOT NULL').all() as { id: string; hash: string }[];
  return { ...(password !== undefined ? { smtpPassword: password } : {}), analyticsTokenHashes: Object.fromEntries(hashes.map((h) => [h.id, h.hash])) };
}

export interface EventServerImportContext {
  /** The site's devices now: when the file has no devices list, those of the hardware it keeps stay. */
  siteDevices: readonly Pick<Device, 'id' | 'hardwareId' | 'kind' | 'enabled'>[];
  /** Alarm definition id → its name and alarms not closed yet (only definitions with some). */
  openAlarms: ReadonlyMap<string, { name: string; open: number }>;
}

/** What the site will have after the import, for the rule, alarm and notification checks. */
function documentContext(doc: ConfigurationDocument, es: DocumentEventServer, ctx: EventServerImportContext): AlarmContext {
  const hardwareIds = new Set(doc.hardware.map((h) => h.id));
  const devices = doc.devices ?? ctx.siteDevices.filter((d) => hardwareIds.has(d.hardwareId));
  const ids = (items: readonly { id: string }[]) => new Set(items.map((i) => i.id));
  return {
    cameraIds: ids(doc.cameras),
    ptzCameraIds: ids(doc.cameras.filter((c) => c.ptz !== null && c.ptz['profileToken'] !== undefined)),
    storageIds: ids(doc.storages),
    serverIds: ids(doc.recordingServers),
    timeProfileIds: ids(doc.timeProfiles),
    userDefinedEventIds: ids(es.userDefinedEvents),
    genericEventIds: ids(es.genericEvents),
    notificationProfileIds: ids(es.notificationProfiles),
    analyticsSourceIds: ids(es.analyticsSources),
    inputIds: ids(devices.filter((d) => d.kind === 'input')),
    outputIds: ids(devices.filter((d) => d.kind === 'output')),
    disabledDeviceIds: ids(devices.filter((d) => !d.enabled)),
    hardwareIds,
    roleIds: ids(doc.roles),
  };
}

/** Throws VMS_ERR_BAD_INPUT naming the field when the section does not hold together or an object would be refused by its API. */
export function checkEventServer(doc: ConfigurationDocument, secrets: ConfigurationSecrets, ctx: EventServerImportContext): void {
  const es = doc.eventServer;
  if (!es) return;
  const lists = ['userDefinedEvents', 'genericEventSources', 'genericEvents', 'analyticsSources', 'notificationProfiles', 'rules', 'alarmDefinitions'] as const;
  for (const list of lists) {
    const items: readonly { id: string; name: string }[] = es[list];
    uniqueBy(items, (o) => o.id, `eventServer.${list}`, 'id');
    uniqueBy(items, (o) => o.name.trim().toLowerCase(), `eventServer.${list}`, 'name');
  }
  const context = documentContext(doc, es, ctx);
  const at = (list: string, i: number, p: { field: string; message: string } | undefined) => {
    if (p) throw bad(`${FIELD}.${list}[${i}].${p.field}`, p.message);
  };

  es.userDefinedEvents.forEach((u, i) => at('userDefinedEvents', i, nameProblem(u.name, u.description)));
  // As the store refuses it: a second listener on a protocol and port could never bind.
  const ports = new Map<string, number>();
  for (const [i, s] of es.genericEventSources.entries()) {
    at('genericEventSources', i, genericSourceProblem(s));
    const key = `${s.protocol} ${s.port}`;
    const other = ports.get(key);
    if (s.port !== 0 && other !== undefined) throw bad(`${FIELD}.genericEventSources[${i}].port`, `genericEventSources[${other}] already listens on ${s.protocol} port ${s.port}`);
    ports.set(key, i);
  }
  const genericSources = new Set(es.genericEventSources.map((s) => s.id));
  es.genericEvents.forEach((g, i) => at('genericEvents', i, genericEventProblem(g, genericSources)));

  const tokenHashes = secrets.analyticsTokenHashes ?? {};
  for (const [i, s] of es.analyticsSources.entries()) {
    at('analyticsSources', i, analyticsSourceProblem(s, context.cameraIds));
    const hash = tokenHashes[s.id];
    if (s.hasToken && !/^[0-9a-f]{64}$/.test(hash ?? '')) throw bad(`${FIELD}.analyticsSources[${i}].hasToken`, 'the secrets hold no token hash for this source');
    if (!s.hasToken && hash !== undefined) throw bad(`${FIELD}.analyticsSources[${i}].hasToken`, 'the secrets hold a token for a source without one');
  }

  const smtp = smtpSettingsProblem({ ...es.smtp, ...(secrets.smtpPassword !== undefined ? { password: secrets.smtpPassword } : {}) }, false);
  if (smtp) throw bad(`${FIELD}.smtp.${smtp.field}`, smtp.message);
  const logs = es.logSettings && logSettingsProblem(es.logSettings);
  if (logs) throw bad(`${FIELD}.logSettings.${logs.field}`, logs.message);
  if (es.smtp.hasPassword !== (secrets.smtpPassword !== undefined)) {
    throw bad(`${FIELD}.smtp.hasPassword`, es.smtp.hasPassword ? 'the secrets hold no SMTP password' : 'the secrets hold an SMTP password the settings do not have');
  }
  es.notificationProfiles.forEach((p, i) => at('notificationProfiles', i, notificationProfileProblem(p, context)));

  const builtIn = new Map<string, number>();
  for (const [i, r] of es.rules.entries()) {
    at('rules', i, ruleProblem(r, context));
    if (r.builtIn === undefined) continue;
    if (!BUILT_IN_RULE_IDS.includes(r.builtIn)) throw bad(`${FIELD}.rules[${i}].builtIn`, `one of ${BUILT_IN_RULE_IDS.join(', ')}`);
    const other = builtIn.get(r.builtIn);
    if (other !== undefined) throw bad(`${FIELD}.rules[${i}].builtIn`, `rules[${other}] is the default rule ${r.builtIn} already`);
    builtIn.set(r.builtIn, i);
  }
  es.alarmDefinitions.forEach((d, i) => at('alarmDefinitions', i, alarmDefinitionProblem(d, context)));
  // As deleting one is refused: its operators would lose alarms they have not dealt with.
  const kept = new Set(es.alarmDefinitions.map((d) => d.id));
  for (const [id, { name, open }] of ctx.openAlarms) {
    if (!kept.has(id)) throw bad(`${FIELD}.alarmDefinitions`, `alarm definition ${name} (${id}) has ${open} alarm(s) not closed yet and is missing from the file: close them first`);
  }
}

export type EventServerImportCounts = Record<'userDefinedEvents' | 'genericEventSources' | 'genericEvents' | 'analyticsSources' | 'notificationProfiles' | 'rules' | 'alarmDefinitions', ImportCounts>;

type Value = string | number | null;

/**
 * Makes a table hold exactly `rows` (column → value, `id` among them): rows the file lacks go,
 * the others are inserted or updated in place, keeping their created_at. Names are unique at
 * once, not at commit: kept rows are parked under their ids first, so a file that swaps two
 * names does not collide halfway.
 */
function replaceRows(db: Db, table: string, rows: readonly Record<string, Value>[], now: number): ImportCounts {
  const had = new Set((db.prepare(`SELECT id FROM ${table}`).all() as { id: string }[]).map((r) => r.id));
  const keep = new Set(rows.map((r) => r.id as string));
  for (const id of had) if (!keep.has(id)) db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
  // Behind char(1), not char(0): NOCASE compares stop at a NUL, so all parked UUIDs would collide.
  db.prepare(`UPDATE ${table} SET name = char(1) || id`).run();
  for (const row of rows) {
    const columns = Object.keys(row);
    db.prepare(`INSERT INTO ${table} (${columns.join(', ')}, created_at, updated_at) VALUES (${columns.map(() => '?').join(', ')}, ?, ?)
      ON CONFLICT (id) DO UPDATE SET ${[...columns.filter((c) => c !== 'id'), 'updated_at'].map((c) => `${c} = excluded.${c}`).join(', ')}`)
      .run(...columns.map((c) => row[c]!), now, now);
  }
  const added = rows.filter((r) => !had.has(r.id as string)).length;
  return { added, changed: rows.length - added, removed: [...had].filter((id) => !keep.has(id)).length };
}

const bit = (b: boolean) => (b ? 1 : 0);

/**
 * Writes the file's section; runs inside the import's transaction. `server` maps the file's
 * recording server ids onto this site's (its local server keeps its own id), so rules and
 * alarm definitions listening to the local server still do.
 */
export function applyEventServer(db: Db, keys: SiteKeys, doc: ConfigurationDocument, secrets: ConfigurationSecrets, server: (id: string) => string, now: number): EventServerImportCounts | undefined {
  const es = doc.eventServer;
  if (!es) return undefined;
  const onServers = <T extends EventTrigger>(t: T): T => (sourceKindOf(t.type) === 'server' && t.sourceIds ? { ...t, sourceIds: t.sourceIds.map(server) } : t);
  const tokenHashes = secrets.analyticsTokenHashes ?? {};
  const password = secrets.smtpPassword;
  db.prepare(`UPDATE smtp_settings SET host = ?, port = ?, security = ?, username = ?, password_wrapped = ?, from_address = ?, from_name = ?, updated_at = ? WHERE id = 1`)
    .run(es.smtp.host.trim(), es.smtp.port, es.smtp.security, es.smtp.username, password !== undefined ? keys.wrapKey(Buffer.from(password, 'utf8'), SMTP_PASSWORD_LABEL) : null,
      es.smtp.fromAddress.trim(), es.smtp.fromName.trim(), now);
  if (es.logSettings) {
    const l = es.logSettings;
    db.prepare('UPDATE log_settings SET system_log_level = ?, system_log_retention_days = ?, rule_log_retention_days = ?, closed_alarm_retention_days = ? WHERE id = 1')
      .run(l.systemLogLevel, l.systemLogRetentionDays, l.ruleLogRetentionDays, l.closedAlarmRetentionDays);
  }
  return {
    userDefinedEvents: replaceRows(db, 'user_defined_event', es.userDefinedEvents.map((u) => ({ id: u.id, name: u.name.trim(), description: u.description })), now),
    genericEventSources: replaceRows(db, 'generic_event_source', es.genericEventSources.map((s) => ({
      id: s.id, name: s.name.trim(), protocol: s.protocol, port: s.port, bind_address: s.bindAddress, allowed_addresses: JSON.stringify(s.allowedAddresses),
      separators: JSON.stringify(s.separators), encoding: s.encoding, max_message_bytes: s.maxMessageBytes, max_messages_per_second: s.maxMessagesPerSecond,
      enabled: bit(s.enabled),
    })), now),
    genericEvents: replaceRows(db, 'generic_event', es.genericEvents.map((g) => ({
      id: g.id, name: g.name.trim(), description: g.description, expression_type: g.expressionType, expression: g.expression,
      case_sensitive: bit(g.caseSensitive), priority: g.priority, source_ids: JSON.stringify(g.sourceIds), enabled: bit(g.enabled),
    })), now),
    analyticsSources: replaceRows(db, 'analytics_source', es.analyticsSources.map((s) => ({
      id: s.id, name: s.name.trim(), description: s.description, allowed_addresses: JSON.stringify(s.allowedAddresses), token_hash: tokenHashes[s.id] ?? null,
      camera_id: s.cameraId ?? null, max_events_per_second: s.maxEventsPerSecond, enabled: bit(s.enabled),
    })), now),
    notificationProfiles: replaceRows(db, 'notification_profile', es.notificationProfiles.map((p) => ({
      id: p.id, name: p.name.trim(), description: p.description, recipients: JSON.stringify(p.recipients.map((r) => r.trim())), subject: p.subject, body: p.body,
      attach_snapshots: bit(p.attachSnapshots), snapshot_camera_ids: JSON.stringify(p.snapshotCameraIds), time_zone: p.timeZone,
    })), now),
    rules: replaceRules(db, es.rules, onServers, now),
    alarmDefinitions: replaceRows(db, 'alarm_definition', es.alarmDefinitions.map(({ id, ...d }) => ({
      id, name: d.name.trim(), enabled: bit(d.enabled),
      definition: alarmDefinitionJson({ ...d, trigger: onServers(d.trigger), ...(d.close ? { close: onServers(d.close) } : {}) }),
    })), now),
  };
}

/** Rules also say which default rule each began as, a column unique at once like names: parked the same way. */
function replaceRules(db: Db, rules: DocumentEventServer['rules'], onServers: <T extends EventTrigger>(t: T) => T, now: number): ImportCounts {
  db.prepare('UPDATE rule SET built_in = NULL').run();
  return replaceRows(db, 'rule', rules.map(({ id, builtIn, ...r }) => {
    const sentence: RuleDefinition = r.kind === 'event' ? { ...r, trigger: onServers(r.trigger) } : r;
    return { id, name: r.name.trim(), enabled: bit(r.enabled), definition: ruleDefinitionJson(sentence), built_in: builtIn ?? null };
  }), now);
}

/**
 * A site configuration of the size issue 5's benchmark names (1,000 cameras in 50 groups, 100
 * roles), loaded the way an installer would restore one: exportConfiguration, add the items
 * to the document, seal its secrets again with the same password, importConfiguration. The
 * added cameras are clones of one real camera, disabled (a thousand connections would measure
 * the machine, not the configuration); the real camera stays enabled and recording.
 */
import { randomUUID } from 'node:crypto';
import type { ConfigurationDocument, ConfigurationSecrets, DocumentCamera, DocumentHardware } from '../../packages/vms-core/src/management/common/configurationDocument';
import { CAMERA_RIGHTS } from '../../packages/vms-core/src/management/common/permissions';
import type { RoleDefinition } from '../../packages/vms-core/src/management/common/permissions';
import { openSecrets, sealSecrets } from '../../packages/vms-core/src/management/node/backupCrypto';
import { associatedData } from '../../packages/vms-core/src/management/node/configurationExport';
import { request } from './siteApi';

export interface LargeConfigurationSpec {
  cameras: number;
  groups: number;
  roles: number;
  /** Cameras each role grants rights on. */
  camerasPerRole: number;
}

export const ISSUE5_CONFIGURATION: LargeConfigurationSpec = { cameras: 1000, groups: 50, roles: 100, camerasPerRole: 20 };

const BACKUP_PASSWORD = 'bench-backup-password';

/** Group of the i-th added camera: "Building B/Floor-03"-style paths, 50 of them by default. */
export function groupOf(i: number, groups: number): string {
  const g = i % groups;
  return `Building ${String.fromCharCode(65 + Math.floor(g / 10))}/Floor-${String((g % 10) + 1).padStart(2, '0')}`;
}

/** Imports the large configuration next to what the site has; returns the added cameras' ids. */
export async function importLargeConfiguration(url: string, token: string, spec: LargeConfigurationSpec): Promise<{ cameraIds: string[]; ms: number }> {
  const doc = await request<ConfigurationDocument>(url, 'POST', '/api/configuration/export', token, { password: BACKUP_PASSWORD });
  const secrets = await openSecrets(doc.secrets, BACKUP_PASSWORD, associatedData(doc)) as ConfigurationSecrets;
  const template = doc.cameras[0];
  const templateHardware = doc.hardware.find((h) => h.id === template?.hardwareId);
  if (!template || !templateHardware) throw new Error('the site needs one camera to clone before a large configuration is imported');

  const hardware: DocumentHardware[] = [];
  const cameras: DocumentCamera[] = [];
  for (let i = 0; i < spec.cameras; i++) {
    const h: DocumentHardware = { ...templateHardware, id: randomUUID(), name: `Encoder ${i + 1}` };
    hardware.push(h);
    if (secrets.hardwarePasswords[templateHardware.id] !== undefined) secrets.hardwarePasswords[h.id] = secrets.hardwarePasswords[templateHardware.id]!;
    cameras.push({ ...template, id: randomUUID(), hardwareId: h.id, name: `Camera ${String(i + 1).padStart(4, '0')}`, enabled: false, group: groupOf(i, spec.groups) });
  }
  const roles: RoleDefinition[] = [];
  for (let r = 0; r < spec.roles; r++) {
    const granted = Array.from({ length: spec.camerasPerRole }, (_, k) => cameras[(r * spec.camerasPerRole + k) % cameras.length]!.id);
    roles.push({
      id: randomUUID(), name: `Guards ${String(r + 1).padStart(3, '0')}`, builtin: false, manageConfiguration: false, manageUsers: false,
      grants: granted.map((cameraId) => ({ cameraId, rights: CAMERA_RIGHTS.filter((x) => x === 'live' || x === 'playback' || x === 'export') })),
    });
  }
  const { secrets: _old, ...rest } = doc;
  const grown = { ...rest, hardware: [...doc.hardware, ...hardware], cameras: [...doc.cameras, ...cameras], roles: [...doc.roles, ...roles] };
  const sealed: ConfigurationDocument = { ...grown, secrets: await sealSecrets(secrets, BACKUP_PASSWORD, associatedData(grown)) };
  const started = performance.now();
  await request(url, 'POST', '/api/configuration/import', token, { password: BACKUP_PASSWORD, document: sealed });
  return { cameraIds: cameras.map((c) => c.id), ms: performance.now() - started };
}

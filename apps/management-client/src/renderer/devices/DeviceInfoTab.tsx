/**
 * Info: what the device is (its kind, hardware, token on the device, the name the device gives
 * it) and what an administrator sets on every kind: its name, its group in the tree, enabled.
 */
import type { ReactNode } from 'react';
import type { DeviceBody, HardwareListItemBody } from '@nightjar/vms-core';
import { FormField } from '../components/FormField';
import { useRoute } from '../navigation/route';
import { CameraTabForm } from './CameraTabForm';
import { deviceInfoBody, deviceInfoForm, deviceInfoProblems, DEVICE_NAME_MAX } from './deviceForms';
import { DEVICE_KIND_INFO } from './deviceKinds';
import type { TabDrafts } from './useCameraTab';
import { useDeviceForm } from './useDeviceForm';

const SPEC = { toForm: deviceInfoForm, toBody: deviceInfoBody, problems: deviceInfoProblems, fields: ['name', 'group', 'enabled'], savedText: 'saved.' };

const DISABLED_MEANS: Partial<Record<DeviceBody['kind'], string>> = {
  input: 'a disabled input raises no events',
  output: 'a disabled output raises no events and cannot be switched, by operators or rules',
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children || <span className="muted">—</span>}</dd>
    </>
  );
}

export interface DeviceInfoTabProps {
  device: DeviceBody;
  hardware: HardwareListItemBody | undefined;
  /** Groups in use in the tree, offered as the group field's suggestions. */
  groups: readonly string[];
  drafts: TabDrafts;
}

export function DeviceInfoTab({ device, hardware, groups, drafts }: DeviceInfoTabProps) {
  const [, navigate] = useRoute();
  const t = useDeviceForm(device, SPEC, drafts, 'info');
  const kind = DEVICE_KIND_INFO[device.kind];
  const listId = `device-groups-${device.id}`;
  return (
    <div className="device-form">
      <CameraTabForm label={`${kind.plural} info`} dirty={t.dirty} valid={t.valid} saving={t.saving} formProblem={t.formProblem} onSubmit={t.submit} onRevert={t.revert}>
        <FormField label="Name" error={t.error('name')}>
          <input value={t.form.name} maxLength={DEVICE_NAME_MAX} onChange={(e) => t.update({ name: e.target.value })} aria-invalid={t.error('name') ? true : undefined} />
        </FormField>
        <FormField label="Group" error={t.error('group')} hint='Folders of the device tree joined by "/", e.g. "Building A/Doors"; empty for the top level.'>
          <input value={t.form.group} list={listId} maxLength={300} onChange={(e) => t.update({ group: e.target.value })} aria-invalid={t.error('group') ? true : undefined} />
        </FormField>
        <datalist id={listId}>{groups.map((g) => <option key={g} value={g} />)}</datalist>
        <label className="checkbox">
          <input type="checkbox" checked={t.form.enabled} onChange={(e) => t.update({ enabled: e.target.checked })} />
          Enabled <span className="muted">— {DISABLED_MEANS[device.kind] ?? `a disabled ${kind.singular} is kept, marked as not in use`}</span>
        </label>
      </CameraTabForm>
      <div className="info-columns">
        <section aria-label="Device">
          <h3>Device</h3>
          <dl className="info-list">
            <Row label="Kind">{kind.label}</Row>
            <Row label="Hardware">
              {hardware ? <button type="button" className="link-btn" onClick={() => navigate({ node: 'hardware', itemId: hardware.id, tab: 'devices' })}>{hardware.name}</button> : null}
            </Row>
            <Row label="Address"><span className="mono">{hardware?.address}</span></Row>
            <Row label="Model">{[hardware?.manufacturer, hardware?.model].filter(Boolean).join(' ')}</Row>
            <Row label="Device token"><span className="mono">{device.deviceKey}</span></Row>
            <Row label="Name on the device">{device.reportedName}</Row>
            <Row label="Device id"><span className="mono">{device.id}</span></Row>
          </dl>
        </section>
      </div>
    </div>
  );
}

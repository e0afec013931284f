/** Settings: the camera's name, its group in the camera tree, enabled, and the RTSP transport. */
import { useQuery } from '@tanstack/react-query';
import { camerasQuery } from '@nightjar/ui';
import type { CameraBody } from '@nightjar/vms-core';
import { FormField } from '../components/FormField';
import { useAdmin } from '../session/adminContext';
import { CameraTabForm } from './CameraTabForm';
import { knownGroups } from './cameraGroups';
import { settingsBody, settingsForm, settingsProblems } from './cameraForms';
import { useCameraTab } from './useCameraTab';
import type { TabDrafts } from './useCameraTab';

const SPEC = { toForm: settingsForm, toBody: settingsBody, problems: settingsProblems, fields: ['name', 'group', 'enabled', 'transport'], savedText: 'settings saved.' };

export function CameraSettingsTab({ camera, drafts }: { camera: CameraBody; drafts: TabDrafts }) {
  const { client } = useAdmin();
  const cameras = useQuery(camerasQuery(client));
  const t = useCameraTab(camera, SPEC, drafts, 'settings');
  const listId = `groups-${camera.id}`;
  return (
    <CameraTabForm label="Camera settings" dirty={t.dirty} valid={t.valid} saving={t.saving} formProblem={t.formProblem} onSubmit={t.submit} onRevert={t.revert}>
      <FormField label="Name" error={t.error('name')}>
        <input value={t.form.name} maxLength={200} onChange={(e) => t.update({ name: e.target.value })} aria-invalid={t.error('name') ? true : undefined} />
      </FormField>
      <FormField label="Group" error={t.error('group')} hint='Folders of the camera tree joined by "/", e.g. "Building A/Lobby"; empty for the top level.'>
        <input value={t.form.group} list={listId} maxLength={300} onChange={(e) => t.update({ group: e.target.value })} aria-invalid={t.error('group') ? true : undefined} />
      </FormField>
      <datalist id={listId}>{knownGroups(cameras.data ?? []).map((g) => <option key={g} value={g} />)}</datalist>
      <label className="checkbox">
        <input type="checkbox" checked={t.form.enabled} onChange={(e) => t.update({ enabled: e.target.checked })} />
        Enabled <span className="muted">— a disabled camera is not connected, recorded or shown live</span>
      </label>
      <FormField label="RTSP transport" error={t.error('transport')} hint="TCP passes firewalls and loses nothing; UDP has less delay on a clean network.">
        <select value={t.form.transport} onChange={(e) => t.update({ transport: e.target.value as 'tcp' | 'udp' })}>
          <option value="tcp">TCP (interleaved)</option>
          <option value="udp">UDP</option>
        </select>
      </FormField>
    </CameraTabForm>
  );
}

/**
 * Deleting hardware removes it and its cameras and stops their recording. Their recordings stay
 * until retention unless the administrator asks to delete them now (evidence locks still protect).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog, ErrorNote, devicesQuery, queryKeys } from '@nightjar/ui';
import type { HardwareListItemBody } from '@nightjar/vms-core';
import { useAdmin } from '../session/adminContext';
import { devicesSummary } from './deviceKinds';
import { deleteHardware } from './devicesApi';

export function DeleteHardwareDialog({ hardware, onClose }: { hardware: HardwareListItemBody; onClose: (deleted: boolean) => void }) {
  const { client, notify } = useAdmin();
  const queryClient = useQueryClient();
  const [withRecordings, setWithRecordings] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteHardware(client, hardware.id, withRecordings),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.configuration('hardware') });
      void queryClient.invalidateQueries({ queryKey: queryKeys.configuration('devices') });
      void queryClient.invalidateQueries({ queryKey: queryKeys.cameras(), exact: true });
      const recordings = withRecordings
        ? ` ${r.recordingsDeleted} recordings deleted${r.recordingsKeptLocked > 0 ? `, ${r.recordingsKeptLocked} kept under evidence lock` : ''}.`
        : ' Recordings stay until retention.';
      notify(`${r.hardware.name} and ${r.cameraIds.length} camera${r.cameraIds.length === 1 ? '' : 's'} removed.${recordings}`, 'success');
      onClose(true);
    },
  });
  const n = hardware.cameras.length;
  const others = devicesSummary(useQuery(devicesQuery(client, { hardwareId: hardware.id })).data ?? []);
  return (
    <Dialog title={`Delete ${hardware.name}?`} icon="trash" onClose={() => onClose(false)} footer={[
      <button key="cancel" type="button" className="btn" onClick={() => onClose(false)} data-autofocus>Cancel</button>,
      <button key="delete" type="button" className="btn btn-danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
        {remove.isPending ? 'Deleting…' : withRecordings ? 'Delete hardware and recordings' : 'Delete hardware'}
      </button>,
    ]}>
      <div className="device-form">
        <p>
          This removes <b>{hardware.name}</b> ({hardware.address}) and its {n} camera{n === 1 ? '' : 's'}
          {n > 0 ? <>: {hardware.cameras.map((c) => c.name).join(', ')}</> : null}. Recording stops now; views, rules and roles lose these cameras.
        </p>
        {others ? <p>Its {others} go with it; rules and alarm definitions naming them stop working.</p> : null}
        <p className="muted">Their recordings stay on the storage until its retention removes them.</p>
        <label className="checkbox">
          <input type="checkbox" checked={withRecordings} onChange={(e) => setWithRecordings(e.target.checked)} />
          Also delete their recordings now <span className="muted">— recordings under an evidence lock are kept</span>
        </label>
        <ErrorNote error={remove.error} />
      </div>
    </Dialog>
  );
}

/** Devices → Cameras: every camera grouped by its tree group, and the selected one's properties. */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Icon, camerasQuery } from '@nightjar/ui';
import { OverviewLayout, PageHeader, PaneMessage } from '../components/PageLayout';
import type { PageProps } from '../navigation/pageProps';
import { useRoute } from '../navigation/route';
import { useAdmin } from '../session/adminContext';
import { CameraProperties } from './CameraProperties';
import { CameraTable } from './CameraTable';
import type { HardwareLabel } from './cameraGroups';
import { groupCameras } from './cameraGroups';
import { hardwareListQuery } from './devicesApi';
import './devices.css';

export function CamerasPage({ itemId, tab }: PageProps) {
  const { client } = useAdmin();
  const [, navigate] = useRoute();
  const cameras = useQuery(camerasQuery(client));
  const hardwareList = useQuery(hardwareListQuery(client));
  const [filter, setFilter] = useState('');
  const hardware = useMemo(
    () => new Map<string, HardwareLabel>((hardwareList.data ?? []).map((h) => [h.id, { name: h.name, address: h.address, model: h.model }])),
    [hardwareList.data],
  );
  const groups = useMemo(() => groupCameras(cameras.data ?? [], hardware, filter), [cameras.data, hardware, filter]);
  const all = cameras.data ?? [];
  const selected = all.find((c) => c.id === itemId);
  const enabled = all.filter((c) => c.enabled).length;
  // listCameras shows only cameras the user holds a right on; listHardware shows them all.
  const hiddenCameras = all.length === 0 ? (hardwareList.data ?? []).reduce((n, h) => n + h.cameras.length, 0) : 0;

  const overview = (() => {
    if (cameras.isPending) return <PaneMessage kind="loading">Loading cameras…</PaneMessage>;
    if (cameras.isError) return <PaneMessage kind="error">{cameras.error.message}</PaneMessage>;
    if (all.length === 0 && hiddenCameras > 0) {
      return <PaneMessage>The site has {hiddenCameras} cameras, but your roles grant no right on any of them, so they are not listed here. Their hardware is on the Hardware page.</PaneMessage>;
    }
    if (all.length === 0) {
      return (
        <div className="admin-empty">
          <Icon name="camera" size={28} />
          <p className="muted">No cameras yet. Cameras come with the hardware they belong to.</p>
          <button type="button" className="btn btn-primary" onClick={() => navigate({ node: 'hardware' })}>Go to Hardware</button>
        </div>
      );
    }
    return (
      <>
        <div className="overview-filter">
          <Icon name="search" size={13} />
          <input className="input" type="search" aria-label="Filter cameras" placeholder="Filter by name, group, hardware, address…"
            value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
        {groups.length === 0
          ? <PaneMessage>No camera matches “{filter}”.</PaneMessage>
          : <CameraTable groups={groups} hardware={hardware} selected={itemId} onSelect={(id) => navigate({ itemId: id })} />}
      </>
    );
  })();

  const properties = selected
    ? <CameraProperties key={selected.id} camera={selected} hardware={hardwareList.data?.find((h) => h.id === selected.hardwareId)} tab={tab} />
    : <PaneMessage>{itemId && !cameras.isPending ? 'This camera no longer exists.' : 'Select a camera to see and change its properties.'}</PaneMessage>;

  return (
    <div className="page">
      <PageHeader title="Cameras" icon="camera" detail={cameras.data ? `${all.length} cameras, ${enabled} enabled` : 'Recording, streams and motion detection of each camera'} />
      <OverviewLayout overview={overview} properties={properties} />
    </div>
  );
}

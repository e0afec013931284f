/**
 * Devices → Microphones, Speakers, Metadata, Inputs, Outputs: one page per kind, each the
 * devices of that kind grouped by their tree group with a filter, and the selected one's
 * properties. The five tree nodes share this page (DEVICE_PAGES).
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ComponentType } from 'react';
import { Icon, camerasQuery, devicesQuery } from '@nightjar/ui';
import type { DeviceKind } from '@nightjar/vms-core';
import { OverviewLayout, PageHeader, PaneMessage } from '../components/PageLayout';
import type { PageProps } from '../navigation/pageProps';
import { useRoute } from '../navigation/route';
import { useAdmin } from '../session/adminContext';
import { DeviceProperties } from './DeviceProperties';
import { DeviceTable } from './DeviceTable';
import type { HardwareLabel } from './cameraGroups';
import { groupDevices, knownDeviceGroups } from './deviceGroups';
import { DEVICE_KIND_INFO, kindCount } from './deviceKinds';
import { hardwareListQuery } from './devicesApi';
import './devices.css';

export function DeviceKindPage({ kind, itemId, tab }: PageProps & { kind: DeviceKind }) {
  const { client } = useAdmin();
  const [, navigate] = useRoute();
  const info = DEVICE_KIND_INFO[kind];
  const devices = useQuery(devicesQuery(client, { kind }));
  const hardwareList = useQuery(hardwareListQuery(client));
  const cameras = useQuery(camerasQuery(client));
  const [filter, setFilter] = useState('');
  const hardware = useMemo(
    () => new Map<string, HardwareLabel>((hardwareList.data ?? []).map((h) => [h.id, { name: h.name, address: h.address, model: h.model }])),
    [hardwareList.data],
  );
  const all = devices.data ?? [];
  const groups = useMemo(() => groupDevices(all, hardware, filter), [all, hardware, filter]);
  const knownGroups = useMemo(() => knownDeviceGroups([...all, ...(cameras.data ?? [])]), [all, cameras.data]);
  const selected = all.find((d) => d.id === itemId);
  const enabled = all.filter((d) => d.enabled).length;
  const on = kind === 'output' ? `, ${all.filter((d) => d.state === 'on').length} on` : '';
  const lower = info.plural.toLowerCase();

  const overview = (() => {
    if (devices.isPending) return <PaneMessage kind="loading">Loading {lower}…</PaneMessage>;
    if (devices.isError) return <PaneMessage kind="error">{devices.error.message}</PaneMessage>;
    if (all.length === 0) {
      return (
        <div className="admin-empty">
          <Icon name={info.icon} size={28} />
          <p className="muted">No {lower} yet. They come with the hardware that has them: add hardware, or update hardware to ask a device again.</p>
          <button type="button" className="btn btn-primary" onClick={() => navigate({ node: 'hardware' })}>Go to Hardware</button>
        </div>
      );
    }
    return (
      <>
        <div className="overview-filter">
          <Icon name="search" size={13} />
          <input className="input" type="search" aria-label={`Filter ${lower}`} placeholder="Filter by name, group, token, hardware, address…"
            value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
        {groups.length === 0
          ? <PaneMessage>Nothing matches “{filter}”.</PaneMessage>
          : <DeviceTable kind={kind} groups={groups} hardware={hardware} selected={itemId} onSelect={(id) => navigate({ itemId: id })} />}
      </>
    );
  })();

  const properties = selected
    ? <DeviceProperties key={selected.id} device={selected} hardware={hardwareList.data?.find((h) => h.id === selected.hardwareId)} groups={knownGroups} tab={tab} />
    : <PaneMessage>{itemId && !devices.isPending ? `This ${info.singular} no longer exists.` : `Select a ${info.singular} to see and change its properties.`}</PaneMessage>;

  return (
    <div className="page">
      <PageHeader title={info.plural} icon={info.icon} detail={devices.data ? `${kindCount(kind, all.length)}, ${enabled} enabled${on}` : info.purpose} />
      <OverviewLayout overview={overview} properties={properties} />
    </div>
  );
}

const pageOf = (kind: DeviceKind): ComponentType<PageProps> => {
  const Page = (props: PageProps) => <DeviceKindPage kind={kind} {...props} />;
  Page.displayName = `${DEVICE_KIND_INFO[kind].plural.replace(/\s/g, '')}Page`;
  return Page;
};

/** The page of each kind, for navigation/pages.tsx. */
export const DEVICE_PAGES: Record<DeviceKind, ComponentType<PageProps>> = {
  microphone: pageOf('microphone'), speaker: pageOf('speaker'), metadata: pageOf('metadata'), input: pageOf('input'), output: pageOf('output'),
};

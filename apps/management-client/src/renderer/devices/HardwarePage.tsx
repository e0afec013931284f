/** Devices → Hardware: the devices the site records from, their cameras, and adding more. */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Icon } from '@nightjar/ui';
import type { HardwareListItemBody } from '@nightjar/vms-core';
import { DataTable } from '../components/DataTable';
import type { Column } from '../components/DataTable';
import { OverviewLayout, PageHeader, PaneMessage } from '../components/PageLayout';
import type { PageProps } from '../navigation/pageProps';
import { useRoute } from '../navigation/route';
import { useAdmin } from '../session/adminContext';
import { AddHardwareWizard } from './AddHardwareWizard';
import { HardwareProperties } from './HardwareProperties';
import { hardwareListQuery } from './devicesApi';
import { driverLabel } from './manualHardware';
import './devices.css';

const COLUMNS: Column<HardwareListItemBody>[] = [
  { id: 'name', header: 'Name', cell: (h) => <span className="camera-name-cell"><Icon name="plug" size={13} />{h.name}</span> },
  { id: 'driver', header: 'Driver', cell: (h) => driverLabel(h.driver) },
  { id: 'address', header: 'Address', cell: (h) => <span className="mono" title={h.address}>{h.address}</span> },
  { id: 'model', header: 'Model', cell: (h) => [h.manufacturer, h.model].filter(Boolean).join(' ') || <span className="muted">—</span> },
  { id: 'firmware', header: 'Firmware', cell: (h) => h.firmware ?? <span className="muted">—</span> },
  {
    id: 'cameras', header: 'Cameras', numeric: true,
    cell: (h) => {
      const on = h.cameras.filter((c) => c.enabled).length;
      return on === h.cameras.length ? String(on) : <span title={`${on} of ${h.cameras.length} enabled`}>{on} / {h.cameras.length}</span>;
    },
  },
];

export function HardwarePage({ itemId, tab }: PageProps) {
  const { client } = useAdmin();
  const [, navigate] = useRoute();
  const hardware = useQuery(hardwareListQuery(client));
  const [filter, setFilter] = useState('');
  const [adding, setAdding] = useState(false);
  const rows = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    return (hardware.data ?? []).filter((h) => {
      const text = [h.name, h.address, h.driver, h.manufacturer, h.model, h.firmware, ...h.cameras.map((c) => c.name)].join('\n').toLowerCase();
      return words.every((w) => text.includes(w));
    });
  }, [hardware.data, filter]);
  const selected = hardware.data?.find((h) => h.id === itemId);
  const cameras = (hardware.data ?? []).reduce((n, h) => n + h.cameras.length, 0);

  const overview = hardware.isPending
    ? <PaneMessage kind="loading">Loading hardware…</PaneMessage>
    : hardware.isError
      ? <PaneMessage kind="error">{hardware.error.message}</PaneMessage>
      : hardware.data.length === 0
        ? (
          <div className="admin-empty">
            <Icon name="plug" size={28} />
            <p className="muted">No hardware yet. Add cameras and encoders by ONVIF discovery, an address-range scan, or by address.</p>
            <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}><Icon name="plus" size={13} />Add hardware…</button>
          </div>
        )
        : (
          <>
            <div className="overview-filter">
              <Icon name="search" size={13} />
              <input className="input" type="search" aria-label="Filter hardware" placeholder="Filter by name, address, model, camera…"
                value={filter} onChange={(e) => setFilter(e.target.value)} />
            </div>
            <DataTable label="Hardware" columns={COLUMNS} rows={rows} rowKey={(h) => h.id} selected={itemId} onSelect={(id) => navigate({ itemId: id })}
              empty={`No hardware matches “${filter}”.`} />
          </>
        );
  const properties = selected
    ? <HardwareProperties key={selected.id} hardware={selected} tab={tab} />
    : <PaneMessage>{itemId && !hardware.isPending ? 'This hardware no longer exists.' : 'Select hardware to see its details, change it, or update it from the device.'}</PaneMessage>;
  return (
    <div className="page">
      <PageHeader title="Hardware" icon="plug"
        detail={hardware.data ? `${hardware.data.length} devices with ${cameras} cameras` : 'Cameras and encoders the site records from'}
        actions={<button type="button" className="btn btn-primary" onClick={() => setAdding(true)}><Icon name="plus" size={13} />Add hardware…</button>} />
      <OverviewLayout overview={overview} properties={properties} />
      {adding ? (
        <AddHardwareWizard onClose={(first) => {
          setAdding(false);
          if (first) navigate({ itemId: first, tab: 'cameras' });
        }} />
      ) : null}
    </div>
  );
}

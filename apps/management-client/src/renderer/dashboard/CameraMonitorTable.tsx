/**
 * Every camera's live figures in the system monitor: connection, recording, fps and bit rate
 * with their recent trend, storage and what it holds there. A filter and "problems only" keep
 * large sites usable; the trends come from the page's history.
 */
import { useState } from 'react';
import type { SystemStatusBody } from '@nightjar/vms-core';
import type { Column } from '../components/DataTable';
import { DataTable } from '../components/DataTable';
import { cameraRows, hasProblem } from './cameraRows';
import type { CameraStatusRow } from './cameraRows';
import { formatBitrate, formatBytes, formatFps } from './format';
import type { MonitorHistory } from './monitorHistory';
import { HISTORY_SAMPLES, seriesKey } from './monitorHistory';
import { Sparkline } from './Sparkline';
import { StatePill } from './StatePill';
import { connectionTone, recordingTone } from './statusTone';

export function CameraMonitorTable({ status, history }: { status: SystemStatusBody; history: MonitorHistory }) {
  const [text, setText] = useState('');
  const [problemsOnly, setProblemsOnly] = useState(false);
  const rows = cameraRows(status, { text, problemsOnly });
  const total = status.servers.reduce((n, s) => n + s.cameras.length, 0);
  const problems = status.servers.reduce((n, s) => n + s.cameras.filter(hasProblem).length, 0);
  const several = status.servers.length > 1;

  const columns: Column<CameraStatusRow>[] = [
    { id: 'name', header: 'Camera', cell: (c) => c.name },
    ...(several ? [{ id: 'server', header: 'Server', cell: (c: CameraStatusRow) => c.serverName }] : []),
    { id: 'connection', header: 'Connection', cell: (c) => <StatePill state={connectionTone(c.connection, c.enabled)} /> },
    { id: 'recording', header: 'Recording', cell: (c) => <StatePill state={recordingTone(c.recording)} /> },
    { id: 'fps', header: 'FPS', numeric: true, cell: (c) => (c.connection ? formatFps(c.fps) : '—') },
    { id: 'fpsTrend', header: 'FPS, 2 min', width: 96, cell: (c) => <Sparkline values={history.series[seriesKey.fps(c.cameraId)] ?? []} slots={HISTORY_SAMPLES} label={`${c.name}: frames per second over the last two minutes`} /> },
    { id: 'bitrate', header: 'Bit rate', numeric: true, cell: (c) => (c.connection ? formatBitrate(c.bitrateBitsPerSecond) : '—') },
    { id: 'bitrateTrend', header: 'Bit rate, 2 min', width: 96, cell: (c) => <Sparkline values={history.series[seriesKey.bitrate(c.cameraId)] ?? []} slots={HISTORY_SAMPLES} label={`${c.name}: bit rate over the last two minutes`} /> },
    { id: 'storage', header: 'Storage', cell: (c) => c.storageName },
    { id: 'used', header: 'Recordings', numeric: true, cell: (c) => formatBytes(c.storageUsedBytes) },
  ];

  return (
    <section className="monitor-cameras" aria-label="Cameras">
      <div className="monitor-toolbar">
        <h2>Cameras <span className="muted">{total} · {problems === 0 ? 'all enabled cameras streaming' : `${problems} without video`}</span></h2>
        <input className="input" type="search" placeholder="Filter cameras" aria-label="Filter cameras" value={text} onChange={(e) => setText(e.target.value)} />
        <label className="checkbox"><input type="checkbox" checked={problemsOnly} onChange={(e) => setProblemsOnly(e.target.checked)} /> Problems only</label>
      </div>
      <DataTable label="Camera status" columns={columns} rows={rows} rowKey={(c) => c.cameraId}
        empty={total === 0 ? 'No cameras on this site yet.' : 'No camera matches the filter.'} />
    </section>
  );
}

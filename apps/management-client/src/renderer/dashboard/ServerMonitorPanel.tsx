/**
 * One recording server in the system monitor: its machine (CPU, memory, uptime) as figure
 * tiles with sparklines, then its storages (use of their limit, the disk, write rate).
 */
import type { ReactNode } from 'react';
import type { SystemStatusBody } from '@nightjar/vms-core';
import type { Column } from '../components/DataTable';
import { DataTable } from '../components/DataTable';
import { formatByteRate, formatBytes, formatDuration, formatPercent, percentOf } from './format';
import type { MonitorHistory } from './monitorHistory';
import { HISTORY_SAMPLES, seriesKey } from './monitorHistory';
import { Sparkline } from './Sparkline';
import { UsageBar } from './UsageBar';

type ServerStatus = SystemStatusBody['servers'][number];
type StorageStatus = ServerStatus['storages'][number];

export function ServerMonitorPanel({ server, history }: { server: ServerStatus; history: MonitorHistory }) {
  const memUsed = server.memory.systemTotalBytes - server.memory.systemFreeBytes;
  const storageColumns: Column<StorageStatus>[] = [
    { id: 'name', header: 'Storage', cell: (s) => <span title={s.path}>{s.name}</span> },
    { id: 'path', header: 'Path', cell: (s) => <span className="mono" title={s.path}>{s.path}</span> },
    {
      id: 'used', header: 'Recordings of limit', width: 220,
      cell: (s) => <UsageBar percent={percentOf(s.usedBytes, s.maxBytes)} label={`${s.name}: recordings of its limit`} text={`${formatBytes(s.usedBytes)} of ${formatBytes(s.maxBytes)}`} />,
    },
    {
      id: 'disk', header: 'Disk used', width: 220,
      cell: (s) => (
        <UsageBar percent={percentOf(s.diskTotalBytes - s.diskFreeBytes, s.diskTotalBytes)} label={`${s.name}: disk used`}
          text={`${formatBytes(s.diskFreeBytes)} free of ${formatBytes(s.diskTotalBytes)}`} />
      ),
    },
    { id: 'rate', header: 'Write rate', numeric: true, cell: (s) => formatByteRate(s.writeBytesPerSecond) },
    {
      id: 'rateTrend', header: 'Last 2 min', width: 96,
      cell: (s) => <Sparkline values={history.series[seriesKey.write(s.id)] ?? []} slots={HISTORY_SAMPLES} label={`${s.name}: write rate over the last two minutes`} />,
    },
  ];

  return (
    <section className="monitor-server" aria-label={`Recording server ${server.name}`}>
      <h2><span className="state-pill" data-tone="ok">Online</span> {server.name}</h2>
      <div className="monitor-figures">
        <Figure title="CPU (machine)" value={formatPercent(server.cpu.systemPercent)} detail={`this server ${formatPercent(server.cpu.processPercent)} · ${server.cpu.cores} cores`}>
          <Sparkline values={history.series[seriesKey.cpu(server.id)] ?? []} max={100} slots={HISTORY_SAMPLES} width={160} height={28} label="CPU of the machine over the last two minutes" />
        </Figure>
        <Figure title="Memory" value={formatBytes(memUsed)} detail={`of ${formatBytes(server.memory.systemTotalBytes)} · this server ${formatBytes(server.memory.processRssBytes)}`}>
          <UsageBar percent={percentOf(memUsed, server.memory.systemTotalBytes)} label="Memory used on the machine" />
        </Figure>
        <Figure title="Uptime" value={formatDuration(server.uptimeSeconds)} detail={`rates over the last ${(server.intervalMs / 1000).toFixed(1)} s`} />
        <Figure title="Cameras" value={`${server.cameras.filter((c) => c.connection === 'streaming').length} / ${server.cameras.filter((c) => c.enabled).length}`}
          detail={`streaming of enabled · ${server.cameras.filter((c) => c.recording).length} recording`} />
      </div>
      <DataTable label={`Storages of ${server.name}`} columns={storageColumns} rows={server.storages} rowKey={(s) => s.id} empty="This server has no storage." />
    </section>
  );
}

function Figure({ title, value, detail, children }: { title: string; value: string; detail: string; children?: ReactNode }) {
  return (
    <div className="monitor-figure" role="group" aria-label={title}>
      <span className="monitor-figure-title">{title}</span>
      <b className="monitor-figure-value">{value}</b>
      <span className="monitor-figure-detail muted">{detail}</span>
      {children}
    </div>
  );
}

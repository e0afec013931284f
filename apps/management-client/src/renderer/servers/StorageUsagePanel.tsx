/**
 * A storage's Usage tab, live: recordings against its limit, the disk it is on, the write rate,
 * the cameras recording to it, and where its recordings go next (the archive chain). Figures
 * come from the system monitor's reading (every 2 s while shown); the list's usedBytes is the
 * fallback while that reading is not there.
 */
import type { StorageBody } from '@nightjar/ui';
import type { SystemStatusBody } from '@nightjar/vms-core';
import { formatByteRate, formatBytes, formatRetention, percentOf } from '../dashboard/format';
import { UsageBar } from '../dashboard/UsageBar';
import { archiveChain } from './storageForm';

type StorageStatus = SystemStatusBody['servers'][number]['storages'][number];
type CameraStatus = SystemStatusBody['servers'][number]['cameras'][number];

export interface StorageUsagePanelProps {
  storage: StorageBody;
  storages: readonly StorageBody[];
  live: StorageStatus | undefined;
  cameras: readonly CameraStatus[];
  /** Why there are no live figures (the monitor's error), when there are none. */
  liveError?: string | undefined;
}

export function StorageUsagePanel({ storage, storages, live, cameras, liveError }: StorageUsagePanelProps) {
  const used = live?.usedBytes ?? storage.usedBytes;
  const here = cameras.filter((c) => c.storageId === storage.id);
  const chain = archiveChain(storage, storages);
  const sources = storages.filter((s) => s.archive?.storageId === storage.id);
  return (
    <div className="storage-usage">
      <dl className="property-list">
        <dt>Recordings</dt>
        <dd><UsageBar percent={percentOf(used, storage.maxBytes)} label="Recordings of the size limit" text={`${formatBytes(used)} of ${formatBytes(storage.maxBytes)}`} /></dd>
        {live ? (
          <>
            <dt>Disk</dt>
            <dd>
              <UsageBar percent={percentOf(live.diskTotalBytes - live.diskFreeBytes, live.diskTotalBytes)} label="Disk used"
                text={`${formatBytes(live.diskFreeBytes)} free of ${formatBytes(live.diskTotalBytes)}`} />
            </dd>
            <dt>Writing</dt>
            <dd>{formatByteRate(live.writeBytesPerSecond)}</dd>
          </>
        ) : (
          <><dt>Disk</dt><dd className="muted">{liveError ? `Not known: ${liveError}` : 'Reading…'}</dd></>
        )}
        <dt>Keep free</dt>
        <dd>{formatBytes(storage.minFreeBytes)} on the disk</dd>
        <dt>Lifecycle</dt>
        <dd>
          {sources.length > 0 ? <>From {sources.map((s) => s.name).join(', ')} → </> : null}
          <b>{storage.name}</b> ({formatRetention(storage.retentionHours)})
          {chain.map((s) => <span key={s.id}> → {s.name} ({formatRetention(s.retentionHours)})</span>)}
          {' → deleted'}
        </dd>
      </dl>
      <h3 className="section-title">Cameras recording here ({here.length})</h3>
      {here.length === 0 ? <p className="muted">No camera records to this storage.</p> : (
        <table className="data-table" aria-label="Cameras recording to this storage">
          <thead><tr><th>Camera</th><th>State</th><th className="num">Recordings (all storages)</th></tr></thead>
          <tbody>
            {here.map((c) => (
              <tr key={c.cameraId}>
                <td>{c.name}</td>
                <td>{!c.enabled ? 'Disabled' : c.recording ? 'Recording' : c.connection ?? 'Not running'}</td>
                <td className="num">{formatBytes(c.storageUsedBytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** What updating hardware found on the device and applied: identity, cameras, streams, other devices. */
import { Dialog } from '@nightjar/ui';
import type { UpdateHardwareResult } from '@nightjar/vms-core';
import { changesSummary, describeHardwareChanges } from './hardwareChangesText';

const KIND_LABELS = {
  device: 'Device', cameraAdded: 'New camera', cameraMissing: 'Camera gone', streamAdded: 'New stream', streamRemoved: 'Stream gone', streamChanged: 'Stream changed',
  deviceAdded: 'New device', deviceMissing: 'Device gone', deviceRenamed: 'Renamed', devicesNotRead: 'Not read',
} as const;
const WARNINGS: ReadonlySet<string> = new Set(['cameraMissing', 'streamRemoved', 'deviceMissing', 'devicesNotRead']);

export function HardwareChangesDialog({ result, onClose }: { result: UpdateHardwareResult; onClose: () => void }) {
  const lines = result.changes ? describeHardwareChanges(result.changes) : [];
  return (
    <Dialog title={`Updated ${result.hardware.name}`} icon="refresh" onClose={onClose}
      footer={<button type="button" className="btn btn-primary" onClick={onClose} data-autofocus>Close</button>}>
      <p>{changesSummary(result.changes)}</p>
      {lines.length > 0 ? (
        <ul className="change-list" aria-label="Changes">
          {lines.map((l, i) => (
            <li key={i} data-kind={l.kind}><span className="state-pill" data-tone={WARNINGS.has(l.kind) ? 'warn' : 'ok'}>{KIND_LABELS[l.kind]}</span>{l.text}</li>
          ))}
        </ul>
      ) : null}
    </Dialog>
  );
}

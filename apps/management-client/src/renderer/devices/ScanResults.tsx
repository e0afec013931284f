/** What a scan found: each answering device, whether it let us sign in, and adding the chosen ones. */
import { useState } from 'react';
import type { ScanHardwareResult } from '@nightjar/vms-core';
import { PaneMessage } from '../components/PageLayout';
import { Pill } from './CameraStatePills';
import type { Credentials, FoundDevice } from './hardwareForms';
import { foundDeviceRequest } from './hardwareForms';
import type { DeviceAdder } from './useDeviceAdder';
import { addStateText } from './useDeviceAdder';

const keyOf = (d: FoundDevice) => `${d.driver}:${d.deviceAddress}`;
/** Worth adding: signed in, reports cameras, not configured yet. */
const addable = (d: FoundDevice) => d.credentialIndex !== null && d.cameras > 0 && !d.alreadyAdded;

export interface ScanResultsProps {
  result: ScanHardwareResult;
  credentials: readonly Credentials[];
  adder: DeviceAdder;
  storageId: string;
}

export function ScanResults({ result, credentials, adder, storageId }: ScanResultsProps) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(result.found.filter(addable).map(keyOf)));
  if (result.found.length === 0) {
    return <PaneMessage>Nothing answered on {result.scannedAddresses} address{result.scannedAddresses === 1 ? '' : 'es'} × {result.scannedPorts} port{result.scannedPorts === 1 ? '' : 's'}.</PaneMessage>;
  }
  const toggle = (key: string, on: boolean) => setChosen((s) => {
    const next = new Set(s);
    if (on) next.add(key);
    else next.delete(key);
    return next;
  });
  const signIn = (d: FoundDevice) => {
    if (d.credentialIndex === null) return <Pill pill={{ label: d.error ? d.error.message : 'Refused every credential', tone: 'error' }} />;
    return <Pill pill={{ label: d.username ? `Signed in as ${d.username}` : 'No sign-in needed', tone: 'ok' }} />;
  };
  const toAdd = result.found.filter((d) => chosen.has(keyOf(d)) && adder.states[keyOf(d)]?.state !== 'added');
  return (
    <>
      <table className="data-table" aria-label="Devices found">
        <thead><tr><th /><th>Address</th><th>Driver</th><th>Device</th><th className="num">Cameras</th><th>Sign-in</th><th>Status</th></tr></thead>
        <tbody>
          {result.found.map((d) => {
            const key = keyOf(d);
            const state = adder.states[key];
            const status = addStateText(state);
            return (
              <tr key={key}>
                <td>
                  <input type="checkbox" aria-label={`Add ${d.address}:${d.port} (${d.driver})`} checked={chosen.has(key)}
                    disabled={!!d.alreadyAdded || state?.state === 'added' || d.credentialIndex === null} onChange={(e) => toggle(key, e.target.checked)} />
                </td>
                <td className="mono">{d.address}:{d.port}</td>
                <td>{d.driver.toUpperCase()}</td>
                <td>{[d.manufacturer, d.model].filter(Boolean).join(' ') || <span className="muted">—</span>}{d.firmware ? <span className="muted"> · {d.firmware}</span> : null}</td>
                <td className="num">{d.cameras}</td>
                <td>{signIn(d)}</td>
                <td>{d.alreadyAdded ? <Pill pill={{ label: 'Already added', tone: 'muted' }} /> : status.text ? <Pill pill={{ label: status.text, tone: status.tone ?? 'muted' }} /> : null}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" className="btn btn-primary" disabled={toAdd.length === 0 || adder.busy}
          onClick={() => void adder.add(toAdd.map((d) => ({ key: keyOf(d), body: foundDeviceRequest(d, credentials, storageId) })))}>
          {adder.busy ? 'Adding…' : `Add selected (${toAdd.length})`}
        </button>
      </div>
    </>
  );
}

/**
 * ONVIF discovery: a WS-Discovery probe from the site finds the cameras on its network; the
 * administrator picks some, gives their credentials, and adds them.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNote } from '@nightjar/ui';
import { FormField } from '../components/FormField';
import { PaneMessage } from '../components/PageLayout';
import { useAdmin } from '../session/adminContext';
import { Pill } from './CameraStatePills';
import { discoverHardware, hardwareListQuery } from './devicesApi';
import { numberProblem } from './cameraForms';
import { summarizeDiscovered } from './manualHardware';
import type { DeviceAdder } from './useDeviceAdder';
import { addStateText } from './useDeviceAdder';

export function DiscoverStep({ adder, storageId }: { adder: DeviceAdder; storageId: string }) {
  const { client } = useAdmin();
  const configured = useQuery(hardwareListQuery(client));
  const [networkInterface, setNetworkInterface] = useState('');
  const [seconds, setSeconds] = useState('3');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const discover = useMutation({
    mutationFn: () => discoverHardware(client, { timeoutMs: Math.round(Number(seconds) * 1000), ...(networkInterface.trim() ? { interface: networkInterface.trim() } : {}) }),
    onSuccess: () => setChosen(new Set()),
  });
  const secondsProblem = numberProblem(seconds, { min: 0.1, max: 30 });
  const known = new Set((configured.data ?? []).map((h) => h.address));
  const devices = (discover.data ?? []).map((d) => ({ ...summarizeDiscovered(d), endpoint: d.endpoint })).filter((d) => d.address !== '');
  const toggle = (address: string, on: boolean) => setChosen((s) => {
    const next = new Set(s);
    if (on) next.add(address);
    else next.delete(address);
    return next;
  });
  const addChosen = () => void adder.add(devices.filter((d) => chosen.has(d.address)).map((d) => ({
    key: `onvif:${d.address}`,
    body: { driver: 'onvif' as const, address: d.address, storageId, ...(username ? { username } : {}), ...(password ? { password } : {}), ...(d.name ? { name: d.name } : {}) },
  })));

  return (
    <div className="device-form">
      <form className="inline-form" aria-label="Discover ONVIF devices" onSubmit={(e) => { e.preventDefault(); if (!secondsProblem) discover.mutate(); }}>
        <FormField label="Listen for (seconds)" error={secondsProblem}>
          <input type="number" min={0.1} max={30} step="any" value={seconds} onChange={(e) => setSeconds(e.target.value)} />
        </FormField>
        <FormField label="Network interface (optional)" hint="Name or IPv4 address; default: the site's default route.">
          <input value={networkInterface} onChange={(e) => setNetworkInterface(e.target.value)} placeholder="eth0 or 192.168.1.2" />
        </FormField>
        <button type="submit" className="btn btn-primary" disabled={discover.isPending || !!secondsProblem}>{discover.isPending ? 'Searching…' : 'Search the network'}</button>
      </form>
      <ErrorNote error={discover.error} />
      {discover.isPending ? <PaneMessage kind="loading">Waiting for ONVIF devices to answer…</PaneMessage> : null}
      {discover.isSuccess && devices.length === 0 ? <PaneMessage>No ONVIF device answered. Try the address-range scan or add it manually.</PaneMessage> : null}
      {devices.length > 0 ? (
        <>
          <table className="data-table" aria-label="Discovered devices">
            <thead><tr><th /><th>Name</th><th>Model</th><th>Address</th><th>Location</th><th>Status</th></tr></thead>
            <tbody>
              {devices.map((d) => {
                const already = known.has(d.address);
                const status = addStateText(adder.states[`onvif:${d.address}`]);
                return (
                  <tr key={d.endpoint + d.address}>
                    <td>
                      <input type="checkbox" aria-label={`Add ${d.name ?? d.host}`} disabled={already || adder.states[`onvif:${d.address}`]?.state === 'added'}
                        checked={chosen.has(d.address)} onChange={(e) => toggle(d.address, e.target.checked)} />
                    </td>
                    <td>{d.name ?? <span className="muted">—</span>}</td>
                    <td>{d.hardware ?? <span className="muted">—</span>}</td>
                    <td className="mono" title={d.address}>{d.host}</td>
                    <td>{d.location ?? ''}</td>
                    <td>{already ? <Pill pill={{ label: 'Already added', tone: 'muted' }} /> : status.text ? <Pill pill={{ label: status.text, tone: status.tone ?? 'muted' }} /> : null}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="inline-form">
            <FormField label="User name"><input value={username} autoComplete="off" onChange={(e) => setUsername(e.target.value)} /></FormField>
            <FormField label="Password"><input type="password" value={password} autoComplete="new-password" onChange={(e) => setPassword(e.target.value)} /></FormField>
            <button type="button" className="btn btn-primary" disabled={chosen.size === 0 || adder.busy} onClick={addChosen}>
              {adder.busy ? 'Adding…' : `Add selected (${chosen.size})`}
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
}

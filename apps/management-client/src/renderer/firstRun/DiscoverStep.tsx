/**
 * First run, step 3: find cameras. WS-Discovery runs when the administrator asks, on the network
 * interface they name (a site with several networks, e.g. a camera LAN beside the office one,
 * must not probe the wrong one; blank uses the site's default route); ONVIF devices answer
 * within 3 s. Devices it misses, or plain RTSP cameras, are typed in by address. The chosen ones
 * are added one by one (addHardware), each row showing its outcome; a refused one keeps its
 * error beside it for another try with other credentials.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, Icon, queryKeys } from '@nightjar/ui';
import { FormField } from '../components/FormField';
import { useAdmin } from '../session/adminContext';
import type { Driver } from './discovery';
import { addRequest, foundDevices, manualAddressProblem } from './discovery';
import { addHardware, discoverHardware } from './firstRunApi';
import { WizardActions } from './WizardActions';

interface Candidate {
  key: string;
  driver: Driver;
  address: string;
  label: string;
  detail: string;
}

type Outcome = { state: 'adding' } | { state: 'added'; cameraIds: string[] } | { state: 'failed'; message: string };

export interface DiscoverStepProps {
  storageId: string | null;
  onAdded: (cameraIds: string[]) => void;
  onSkip: () => void;
  onBack: () => void;
}

export function DiscoverStep({ storageId, onAdded, onSkip, onBack }: DiscoverStepProps) {
  const { client, queryClient } = useAdmin();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [manual, setManual] = useState<Candidate[]>([]);
  const [driver, setDriver] = useState<Driver>('onvif');
  const [address, setAddress] = useState('');
  const [addressTried, setAddressTried] = useState(false);
  const [credentials, setCredentials] = useState({ username: '', password: '' });
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [busy, setBusy] = useState(false);
  const [networkInterface, setNetworkInterface] = useState('');

  const discover = useMutation({
    mutationFn: () => discoverHardware(client, networkInterface.trim() || undefined),
    onSuccess: (found) => setChosen((c) => new Set([...c, ...foundDevices(found).map((d) => d.key)])),
  });

  const found: Candidate[] = foundDevices(discover.data ?? []).map((d) => ({
    key: d.key, driver: 'onvif', address: d.address, label: d.name, detail: [d.model, d.host].filter(Boolean).join(' · '),
  }));
  const candidates = [...found, ...manual];
  const toAdd = candidates.filter((c) => chosen.has(c.key) && outcomes[c.key]?.state !== 'added');
  const added = candidates.flatMap((c) => { const o = outcomes[c.key]; return o?.state === 'added' ? o.cameraIds : []; });

  const addManual = () => {
    setAddressTried(true);
    if (manualAddressProblem(driver, address)) return;
    const key = `manual:${driver}:${address.trim()}`;
    if (!manual.some((m) => m.key === key)) setManual((m) => [...m, { key, driver, address: address.trim(), label: address.trim(), detail: driver === 'onvif' ? 'ONVIF, typed in' : 'RTSP stream, typed in' }]);
    setChosen((c) => new Set([...c, key]));
    setAddress('');
    setAddressTried(false);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (toAdd.length === 0) {
      if (added.length > 0) onAdded(added);
      return;
    }
    setBusy(true);
    const ids = [...added];
    let failed = false;
    for (const c of toAdd) {
      setOutcomes((o) => ({ ...o, [c.key]: { state: 'adding' } }));
      try {
        const res = await addHardware(client, addRequest(c.driver, c.address, credentials, storageId));
        ids.push(...res.cameras.map((cam) => cam.id));
        setOutcomes((o) => ({ ...o, [c.key]: { state: 'added', cameraIds: res.cameras.map((cam) => cam.id) } }));
      } catch (err) {
        failed = true;
        setOutcomes((o) => ({ ...o, [c.key]: { state: 'failed', message: err instanceof Error ? err.message : String(err) } }));
      }
    }
    setBusy(false);
    void queryClient.invalidateQueries({ queryKey: queryKeys.cameras() });
    if (!failed) onAdded(ids);
  };

  const toggle = (key: string) => setChosen((c) => { const n = new Set(c); if (n.has(key)) n.delete(key); else n.add(key); return n; });
  const anyFailed = Object.values(outcomes).some((o) => o.state === 'failed');
  const addressProblem = addressTried ? manualAddressProblem(driver, address) : undefined;

  return (
    <form className="wizard-form" onSubmit={(e) => void submit(e)} aria-label="Discover cameras">
      <div className="discover-head">
        <FormField label="Network interface" hint="Name or IPv4 address of the site's interface on the camera network; blank: its default route.">
          <input className="mono" value={networkInterface} onChange={(e) => setNetworkInterface(e.target.value)} placeholder="eth0 or 192.168.1.2" spellCheck={false}
            onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); discover.mutate(); } }} />
        </FormField>
        <button type="button" className="btn" disabled={discover.isPending || busy} onClick={() => discover.mutate()}>
          <Icon name={discover.isIdle ? 'search' : 'refresh'} size={12} /> {discover.isIdle ? 'Search for ONVIF cameras' : 'Search again'}
        </button>
      </div>
      <p role="status">
        {discover.isIdle ? 'Search the network for ONVIF cameras, or type their addresses below.'
          : discover.isPending ? 'Searching the network for ONVIF cameras…'
            : discover.isError ? `Discovery failed: ${discover.error instanceof ApiError ? discover.error.message : String(discover.error)}`
              : `${found.length} ${found.length === 1 ? 'device' : 'devices'} answered.`}
      </p>
      <table className="data-table" aria-label="Cameras to add">
        <thead><tr><th style={{ width: 32 }} aria-label="Add" /><th>Device</th><th>Address</th><th>Result</th></tr></thead>
        <tbody>
          {candidates.map((c) => {
            const o = outcomes[c.key];
            return (
              <tr key={c.key}>
                <td><input type="checkbox" aria-label={`Add ${c.label}`} checked={chosen.has(c.key)} disabled={busy || o?.state === 'added'} onChange={() => toggle(c.key)} /></td>
                <td><b>{c.label}</b> <span className="muted">{c.detail}</span></td>
                <td className="mono" title={c.address}>{c.address}</td>
                <td>
                  {o?.state === 'adding' ? <span className="muted"><span className="spinner spinner-sm" aria-hidden /> Adding…</span>
                    : o?.state === 'added' ? <span className="state-pill" data-tone="ok">Added: {o.cameraIds.length} {o.cameraIds.length === 1 ? 'camera' : 'cameras'}</span>
                      : o?.state === 'failed' ? <em className="field-error" role="alert">{o.message}</em> : null}
                </td>
              </tr>
            );
          })}
          {candidates.length === 0 ? <tr><td colSpan={4} className="muted">{discover.isPending ? 'Searching…' : discover.isIdle ? 'Nothing found yet: search, or type an address below.' : 'No camera found. Type an address below.'}</td></tr> : null}
        </tbody>
      </table>
      <fieldset className="form-section">
        <legend>Add by address</legend>
        <div className="manual-row">
          <FormField label="Kind">
            <select value={driver} onChange={(e) => setDriver(e.target.value as Driver)}>
              <option value="onvif">ONVIF camera</option>
              <option value="rtsp">RTSP stream URL</option>
            </select>
          </FormField>
          <FormField label="Address" error={addressProblem}>
            <input className="mono" value={address} onChange={(e) => setAddress(e.target.value)} placeholder={driver === 'onvif' ? '192.168.1.20 or 192.168.1.20:8080' : 'rtsp://192.168.1.20:554/stream1'}
              onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); addManual(); } }} spellCheck={false} />
          </FormField>
          <button type="button" className="btn" onClick={addManual}><Icon name="plus" size={12} /> Add to list</button>
        </div>
      </fieldset>
      <div className="form-grid">
        <FormField label="Camera user name" hint="Used for every camera added now; most cameras need one.">
          <input value={credentials.username} onChange={(e) => setCredentials((c) => ({ ...c, username: e.target.value }))} autoComplete="off" />
        </FormField>
        <FormField label="Camera password">
          <input type="password" value={credentials.password} onChange={(e) => setCredentials((c) => ({ ...c, password: e.target.value }))} autoComplete="off" />
        </FormField>
      </div>
      <WizardActions onBack={onBack} busy={busy}
        skipLabel={anyFailed && added.length > 0 ? 'Continue without the failed ones' : 'Skip: no cameras now'}
        onSkip={anyFailed && added.length > 0 ? () => onAdded(added) : onSkip}
        blocked={toAdd.length === 0 && added.length === 0}
        primary={busy ? 'Adding…' : toAdd.length > 0 ? `Add ${toAdd.length} and continue` : 'Continue'} />
    </form>
  );
}

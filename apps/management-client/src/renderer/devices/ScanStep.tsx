/**
 * Address-range scan: the site tries each address and port with the chosen drivers and
 * credentials and reports what answered (adding nothing); the administrator adds from that.
 */
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ErrorNote, Icon } from '@nightjar/ui';
import type { ScanHardwareResult } from '@nightjar/vms-core';
import { FormField, fieldError, formError } from '../components/FormField';
import { PaneMessage } from '../components/PageLayout';
import { useAdmin } from '../session/adminContext';
import { Pill } from './CameraStatePills';
import { ScanResults } from './ScanResults';
import { scanHardware } from './devicesApi';
import type { Credentials, ScanForm } from './hardwareForms';
import { defaultScanForm, rangeSize, scanRequest } from './hardwareForms';
import type { DeviceAdder } from './useDeviceAdder';

const SCAN_FIELDS = ['start', 'end', 'ports', 'drivers', 'protocols', 'rtspPaths', 'credentials', 'timeoutMs'];

export function ScanStep({ adder, storageId }: { adder: DeviceAdder; storageId: string }) {
  const { client } = useAdmin();
  const [form, setForm] = useState<ScanForm>(defaultScanForm);
  const [tried, setTried] = useState(false);
  const abort = useRef<AbortController | null>(null);
  // The credentials the last scan sent: a found device's credentialIndex points into them.
  const [sent, setSent] = useState<Credentials[]>([]);
  const update = (patch: Partial<ScanForm>) => setForm((f) => ({ ...f, ...patch }));
  const request = scanRequest(form);
  const problems = tried && 'problems' in request ? request.problems : {};
  const scan = useMutation({
    mutationFn: (body: Parameters<typeof scanHardware>[1]) => {
      abort.current = new AbortController();
      return scanHardware(client, body, abort.current.signal);
    },
  });
  const error = (field: string) => problems[field] ?? fieldError(scan.error, field);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!('body' in request)) return;
    setSent(form.credentials.map((c) => ({ ...c })));
    scan.mutate(request.body);
  };
  const setCredential = (i: number, patch: Partial<Credentials>) => update({ credentials: form.credentials.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const size = rangeSize(form.start, form.end);
  const result: ScanHardwareResult | undefined = scan.data;
  const aborted = scan.error instanceof Error && scan.error.name === 'AbortError';
  return (
    <div className="device-form">
      <form aria-label="Scan an address range" onSubmit={submit} noValidate className="device-form">
        <div className="form-grid">
          <FormField label="First address" error={error('start')}><input value={form.start} onChange={(e) => update({ start: e.target.value })} placeholder="192.168.1.1" /></FormField>
          <FormField label="Last address" error={error('end')} hint={size > 0 ? `${size} address${size === 1 ? '' : 'es'} (at most 256)` : undefined}>
            <input value={form.end} onChange={(e) => update({ end: e.target.value })} placeholder="192.168.1.254" />
          </FormField>
          <FormField label="Ports" error={error('ports')} hint="Comma-separated; ranges like 8000-8010; up to 16.">
            <input value={form.ports} onChange={(e) => update({ ports: e.target.value })} />
          </FormField>
          <FormField label="Timeout per device (seconds)" error={error('timeoutMs')}>
            <input type="number" min={0.1} max={30} step="any" value={form.timeoutSeconds} onChange={(e) => update({ timeoutSeconds: e.target.value })} />
          </FormField>
        </div>
        <fieldset className="device-fieldset inline-choices">
          <legend>Drivers to try</legend>
          <label className="checkbox"><input type="checkbox" checked={form.onvif} onChange={(e) => update({ onvif: e.target.checked })} />ONVIF</label>
          <label className="checkbox"><input type="checkbox" checked={form.http} disabled={!form.onvif} onChange={(e) => update({ http: e.target.checked })} />ONVIF over HTTP</label>
          <label className="checkbox"><input type="checkbox" checked={form.https} disabled={!form.onvif} onChange={(e) => update({ https: e.target.checked })} />ONVIF over HTTPS</label>
          <label className="checkbox"><input type="checkbox" checked={form.rtsp} onChange={(e) => update({ rtsp: e.target.checked })} />RTSP</label>
          {error('drivers') ?? error('protocols') ? <em className="field-error" role="alert">{error('drivers') ?? error('protocols')}</em> : null}
        </fieldset>
        {form.rtsp ? (
          <FormField label="RTSP paths to try" error={error('rtspPaths')} hint="Comma-separated, e.g. /, /stream1, /live/main; up to 8.">
            <input value={form.rtspPaths} onChange={(e) => update({ rtspPaths: e.target.value })} />
          </FormField>
        ) : null}
        <fieldset className="device-fieldset">
          <legend>Credentials to try, in order</legend>
          {form.credentials.map((c, i) => (
            <div key={i} className="inline-form">
              <input className="input" aria-label={`User name ${i + 1}`} placeholder="User name" autoComplete="off" value={c.username} onChange={(e) => setCredential(i, { username: e.target.value })} />
              <input className="input" aria-label={`Password ${i + 1}`} placeholder="Password" type="password" autoComplete="new-password" value={c.password}
                onChange={(e) => setCredential(i, { password: e.target.value })} />
              <button type="button" className="icon-btn" aria-label={`Remove credentials ${i + 1}`} onClick={() => update({ credentials: form.credentials.filter((_, j) => j !== i) })}>
                <Icon name="trash" size={13} />
              </button>
            </div>
          ))}
          <button type="button" className="btn btn-sm" disabled={form.credentials.length >= 8} onClick={() => update({ credentials: [...form.credentials, { username: '', password: '' }] })}>
            <Icon name="plus" size={12} />Add credentials
          </button>
          {error('credentials') ? <em className="field-error" role="alert">{error('credentials')}</em> : null}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={scan.isPending}>{scan.isPending ? 'Scanning…' : 'Scan'}</button>
          {scan.isPending ? <button type="button" className="btn" onClick={() => abort.current?.abort()}>Stop waiting</button> : null}
          {result ? <Pill pill={{ label: `${result.found.length} found in ${(result.durationMs / 1000).toFixed(1)} s`, tone: result.found.length > 0 ? 'ok' : 'muted' }} /> : null}
        </div>
      </form>
      {scan.isError && !aborted && formError(scan.error, SCAN_FIELDS) ? <ErrorNote error={scan.error} /> : null}
      {scan.isPending ? <PaneMessage kind="loading">Scanning {size} address{size === 1 ? '' : 'es'}… devices that do not answer take the timeout each.</PaneMessage> : null}
      {result && !scan.isPending ? <ScanResults result={result} credentials={sent} adder={adder} storageId={storageId} /> : null}
    </div>
  );
}

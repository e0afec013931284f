/** Streams: what the camera sends, which stream is recorded, and which live clients get by default. */
import type { CameraBody } from '@nightjar/vms-core';
import { CameraTabForm } from './CameraTabForm';
import { streamsBody, streamsForm } from './cameraForms';
import { useCameraTab } from './useCameraTab';
import type { TabDrafts } from './useCameraTab';

const SPEC = { toForm: streamsForm, toBody: streamsBody, problems: () => ({}), fields: ['recordStream', 'liveStream'], savedText: 'streams saved.' };

export function CameraStreamsTab({ camera, drafts }: { camera: CameraBody; drafts: TabDrafts }) {
  const t = useCameraTab(camera, SPEC, drafts, 'streams');
  const problem = t.error('recordStream') ?? t.error('liveStream');
  return (
    <CameraTabForm label="Camera streams" dirty={t.dirty} valid={t.valid} saving={t.saving} formProblem={t.formProblem} onSubmit={t.submit} onRevert={t.revert}>
      <p className="muted">
        The recorded stream is stored on the camera&apos;s storage. Live clients pick the stream that fits each tile; the default is used when they
        do not ask (and for snapshots).
      </p>
      <table className="data-table stream-table" aria-label="Streams">
        <thead>
          <tr><th>Stream</th><th>Codec</th><th className="num">Resolution</th><th className="num">Frame rate</th><th>URL</th><th>Recorded</th><th>Live default</th></tr>
        </thead>
        <tbody>
          {camera.streams.map((s) => (
            <tr key={s.key} aria-selected={t.form.recordStream === s.key}>
              <td>{s.name} <span className="muted">({s.key})</span></td>
              <td>{s.codec?.toUpperCase() ?? '—'}</td>
              <td className="num">{s.width && s.height ? `${s.width}×${s.height}` : '—'}</td>
              <td className="num">{s.fps ? `${s.fps} fps` : '—'}</td>
              <td className="mono muted" title={s.url}>{s.url}</td>
              <td>
                <input type="radio" name={`record-${camera.id}`} aria-label={`Record ${s.name}`} checked={t.form.recordStream === s.key}
                  onChange={() => t.update({ recordStream: s.key })} />
              </td>
              <td>
                <input type="radio" name={`live-${camera.id}`} aria-label={`Live default ${s.name}`} checked={t.form.liveStream === s.key}
                  onChange={() => t.update({ liveStream: s.key })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {problem ? <em className="field-error" role="alert">{problem}</em> : null}
      {camera.streams.length === 0 ? <p className="muted">The device reports no stream; update its hardware to ask again.</p> : null}
    </CameraTabForm>
  );
}


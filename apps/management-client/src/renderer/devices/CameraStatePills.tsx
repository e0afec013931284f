/** A camera's connection and recording pills, kept current by the site's status pushes. */
import { useQuery } from '@tanstack/react-query';
import { cameraStatusQuery } from '@nightjar/ui';
import type { CameraBody } from '@nightjar/vms-core';
import { useAdmin } from '../session/adminContext';
import { connectionPill, recordingPill } from './cameraStatusText';
import type { StatePill } from './cameraStatusText';

export function Pill({ pill }: { pill: StatePill }) {
  return <span className="state-pill" data-tone={pill.tone === 'muted' ? undefined : pill.tone} title={pill.detail}>{pill.label}</span>;
}

/**
 * `compact` (the overview's one-line rows) adds the recording pill only when it says something:
 * recording, motion, an error; "Idle" and "Not recording" are left out.
 */
export function CameraStatePills({ camera, show = 'both' }: { camera: Pick<CameraBody, 'id' | 'enabled'>; show?: 'connection' | 'recording' | 'both' | 'compact' }) {
  const { client } = useAdmin();
  // Disabled cameras have no connection to watch.
  const status = useQuery({ ...cameraStatusQuery(client, camera.id), enabled: camera.enabled });
  const data = camera.enabled ? status.data : undefined;
  const recording = recordingPill(camera.enabled, data);
  const showRecording = show === 'recording' || show === 'both' || (show === 'compact' && recording.tone !== 'muted');
  return (
    <span className="device-pills">
      {show !== 'recording' ? <Pill pill={connectionPill(camera.enabled, data)} /> : null}
      {showRecording ? <Pill pill={recording} /> : null}
    </span>
  );
}

/**
 * What a live tile's toolbar can do for its camera: save a snapshot, start or stop manual
 * recording, open PTZ. Each action reports its outcome as a notice; failures say why.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, queryKeys } from '@nightjar/ui';
import type { CameraBody, CameraStatusBody, LiveStream } from '@nightjar/ui';
import { formatTime } from '../playback/timeFormat';
import { useSite } from '../session/siteContext';
import { useShell } from '../shell/shellContext';
import { saveSnapshot, snapshotFileName } from './snapshot';

export interface TileActions {
  snapshot: (() => void) | undefined;
  recording: { active: boolean; busy: boolean; onToggle: () => void } | undefined;
  /** When manual recording runs, until when (the site stops it then). */
  manualUntil: string | null;
  ptzAvailable: boolean;
}


function reason(e: unknown): string {
  if (e instanceof ApiError && e.status === 403) return 'your roles do not allow it';
  if (e instanceof ApiError && e.status === 0) return 'the site cannot be reached';
  return e instanceof Error ? e.message : String(e);
}

export function useTileActions(camera: CameraBody, stream: LiveStream | undefined, status: CameraStatusBody | undefined): TileActions {
  const { client, desktop } = useSite();
  const { notify } = useShell();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const manualUntil = status?.manualUntil ?? null;

  const snapshot = stream ? () => {
    const fileName = snapshotFileName(camera.name, new Date());
    saveSnapshot({ url: stream.snapshotUrl, fileName, desktop }).then(
      (where) => where && notify(`Snapshot of ${camera.name} saved: ${where}`, 'success'),
      (e: unknown) => notify(`Snapshot of ${camera.name} failed: ${reason(e)}.`, 'error'),
    );
  } : undefined;

  const toggleRecording = () => {
    const on = manualUntil === null;
    setBusy(true);
    (on ? client.startManualRecording(camera.id) : client.stopManualRecording(camera.id)).then(
      (r) => {
        // The status push follows; writing it now makes the button answer at once.
        queryClient.setQueryData<CameraStatusBody>(queryKeys.cameraStatus(camera.id), (s) => s && { ...s, manualUntil: r.until, recording: s.recording || r.recording });
        void queryClient.invalidateQueries({ queryKey: queryKeys.cameraStatus(camera.id) });
        notify(on
          ? `Manual recording of ${camera.name} started${r.until ? ` (stops by itself at ${formatTime(Date.parse(r.until))})` : ''}.`
          : `Manual recording of ${camera.name} stopped.`, 'success');
      },
      (e: unknown) => notify(`${on ? 'Starting' : 'Stopping'} manual recording of ${camera.name} failed: ${reason(e)}.`, 'error'),
    ).finally(() => setBusy(false));
  };

  return {
    snapshot,
    recording: camera.enabled ? { active: manualUntil !== null, busy, onToggle: toggleRecording } : undefined,
    manualUntil,
    ptzAvailable: camera.enabled && camera.ptz?.supported === true,
  };
}

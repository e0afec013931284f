/** Info: what the camera is (its hardware, model, firmware, channel, ids) and what it does now. */
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { cameraStatusQuery, storagesQuery } from '@nightjar/ui';
import type { CameraBody, HardwareListItemBody } from '@nightjar/vms-core';
import { useRoute } from '../navigation/route';
import { useAdmin } from '../session/adminContext';
import { connectionPill, recordingPill } from './cameraStatusText';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children ?? <span className="muted">—</span>}</dd>
    </>
  );
}

export function CameraInfoTab({ camera, hardware }: { camera: CameraBody; hardware: HardwareListItemBody | undefined }) {
  const { client } = useAdmin();
  const [, navigate] = useRoute();
  const status = useQuery({ ...cameraStatusQuery(client, camera.id), enabled: camera.enabled });
  const storages = useQuery(storagesQuery(client));
  const storage = storages.data?.find((s) => s.id === camera.storageId);
  const connection = connectionPill(camera.enabled, camera.enabled ? status.data : undefined);
  const recording = recordingPill(camera.enabled, camera.enabled ? status.data : undefined);
  const ptz = camera.ptz.supported ? [camera.ptz.panTilt ? 'pan/tilt' : null, camera.ptz.zoom ? 'zoom' : null].filter(Boolean).join(', ') || 'yes' : 'no';
  return (
    <div className="info-columns">
      <section aria-label="Device">
        <h3>Device</h3>
        <dl className="info-list">
          <Row label="Hardware">
            {hardware ? <button type="button" className="link-btn" onClick={() => navigate({ node: 'hardware', itemId: hardware.id, tab: null })}>{hardware.name}</button> : null}
          </Row>
          <Row label="Driver">{hardware?.driver}</Row>
          <Row label="Address"><span className="mono">{hardware?.address}</span></Row>
          <Row label="Manufacturer">{hardware?.manufacturer}</Row>
          <Row label="Model">{hardware?.model}</Row>
          <Row label="Firmware">{hardware?.firmware}</Row>
          <Row label="Serial number">{hardware?.serial}</Row>
          <Row label="Channel">{camera.deviceKey}</Row>
          <Row label="PTZ">{ptz}</Row>
        </dl>
      </section>
      <section aria-label="Now">
        <h3>Now</h3>
        <dl className="info-list">
          <Row label="Connection">{connection.label}{connection.detail ? <span className="muted"> — {connection.detail}</span> : null}</Row>
          <Row label="Recording">{recording.label}{recording.detail ? <span className="muted"> — {recording.detail}</span> : null}</Row>
          <Row label="Storage">{storage ? storage.name : camera.storageId}</Row>
          <Row label="Camera id"><span className="mono">{camera.id}</span></Row>
          <Row label="Hardware id"><span className="mono">{camera.hardwareId}</span></Row>
        </dl>
      </section>
    </div>
  );
}

import type { Clock } from '../../base/common/clock';
import type { EventLog } from '../../events/node/eventLog';
import { RecordingRequests } from '../common/recordingRequests';

export interface RequestedRecordingsDeps {
  clock: Clock;
  events: EventLog;
  cameraName(cameraId: string): string;
}

/**
 * The recording server's requests to record (manual recording, recording events) as events on
 * its event log: `recordingRequested` for each request, `recordingRequestEnded` when a
 * camera's last request is stopped or runs out (a timer on the clock). Recording itself is the
 * rules' business: the default "Record on request" rule holds the camera between the two.
 */
export class RequestedRecordings {
  private readonly requests = new RecordingRequests();
  private timer: { cancel(): void } | undefined;
  private closed = false;

  constructor(private readonly deps: RequestedRecordingsDeps) {}

  /** Manual recording until stopped or `maxMinutes` from now; returns when it runs out (ms). */
  startManual(cameraId: string, maxMinutes: number): number {
    const until = this.deps.clock.now() + maxMinutes * 60_000;
    this.requests.start(cameraId, 'manual', until);
    this.raise('recordingRequested', cameraId, 'manual recording requested');
    this.schedule();
    return until;
  }

  stopManual(cameraId: string): void {
    if (this.requests.stop(cameraId, 'manual')) this.raise('recordingRequestEnded', cameraId, 'manual recording stopped');
    this.schedule();
  }

  /** A recording event: `durationSeconds` plus the camera's post-buffer from now; returns its end (ms). */
  event(cameraId: string, durationSeconds: number, postBufferSeconds: number): number {
    this.requests.start(cameraId, 'event', this.deps.clock.now() + (durationSeconds + postBufferSeconds) * 1000);
    this.raise('recordingRequested', cameraId, `recording event for ${durationSeconds} s`);
    this.schedule();
    return this.requests.until(cameraId, 'event')!;
  }

  /** The end of the camera's manual recording, while it runs. */
  manualUntil(cameraId: string): number | null {
    const until = this.requests.until(cameraId, 'manual');
    return until !== undefined && until > this.deps.clock.now() ? until : null;
  }

  /** The camera left the site: its requests go without an end event (nothing is left to stop). */
  forget(cameraId: string): void {
    this.requests.forget(cameraId);
  }

  close(): void {
    this.closed = true;
    this.timer?.cancel();
  }

  private schedule(): void {
    this.timer?.cancel();
    this.timer = undefined;
    const next = this.requests.nextEnd();
    if (next === undefined || this.closed) return;
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = undefined;
      for (const cameraId of this.requests.expire(this.deps.clock.now())) this.raise('recordingRequestEnded', cameraId, 'recording request over');
      this.schedule();
    }, Math.max(0, next - this.deps.clock.now()));
  }

  private raise(type: 'recordingRequested' | 'recordingRequestEnded', cameraId: string, what: string): void {
    this.deps.events.raise({ type, cameraId, severity: 'info', message: `${this.deps.cameraName(cameraId)}: ${what}` });
  }
}

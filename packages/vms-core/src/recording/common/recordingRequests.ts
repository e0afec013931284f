/**
 * Requests to record a camera that come from people and the API: an operator's manual
 * recording (until stopped, at most the camera's manual maximum) and recording events
 * (triggerRecordingEvent: for a duration plus the camera's post-buffer). The recording server
 * keeps them here and announces them as events, `recordingRequested` for each request and
 * `recordingRequestEnded` when the last one on a camera is over, and the "Record on request"
 * rule turns those into recording (rules/common/defaultRules.ts). One state per camera, not per
 * request, because the rule pairs a start with an end by camera: an event request ending must
 * not stop a manual recording still running on the same camera.
 */
export type RecordingRequestKind = 'manual' | 'event';

export class RecordingRequests {
  private readonly cameras = new Map<string, Partial<Record<RecordingRequestKind, number>>>();

  /** Adds or extends a request until `until` (ms); an event request never shortens one already open. */
  start(cameraId: string, kind: RecordingRequestKind, until: number): void {
    const open = this.cameras.get(cameraId) ?? {};
    open[kind] = kind === 'event' ? Math.max(open[kind] ?? 0, until) : until;
    this.cameras.set(cameraId, open);
  }

  /** Ends one kind of request; true when the camera has no request left (the request ended). */
  stop(cameraId: string, kind: RecordingRequestKind): boolean {
    const open = this.cameras.get(cameraId);
    if (!open || open[kind] === undefined) return false;
    delete open[kind];
    if (Object.keys(open).length > 0) return false;
    this.cameras.delete(cameraId);
    return true;
  }

  /** Drops requests past their end at `now`; returns the cameras left with none (their requests ended). */
  expire(now: number): string[] {
    const ended: string[] = [];
    for (const [cameraId, open] of this.cameras) {
      for (const kind of Object.keys(open) as RecordingRequestKind[]) if (open[kind]! <= now) delete open[kind];
      if (Object.keys(open).length === 0) {
        this.cameras.delete(cameraId);
        ended.push(cameraId);
      }
    }
    return ended;
  }

  /** When the next request runs out (ms), if any is open. */
  nextEnd(): number | undefined {
    let next: number | undefined;
    for (const open of this.cameras.values()) for (const until of Object.values(open)) if (next === undefined || until < next) next = until;
    return next;
  }

  /** The open request of a kind on a camera: its end (ms), or undefined. */
  until(cameraId: string, kind: RecordingRequestKind): number | undefined {
    return this.cameras.get(cameraId)?.[kind];
  }

  /** Forgets a camera's requests without ending them (the camera was removed). */
  forget(cameraId: string): void {
    this.cameras.delete(cameraId);
  }
}

import type { CameraStatusBody } from './apiTypes';
import { ApiError } from './siteClient';
import type { SiteClient } from './siteClient';

/** How long requests for single statuses are collected before one listCameraStatuses call. */
export const STATUS_BATCH_MS = 16;
/** Ids per call, so the query string stays far below URL limits. */
const MAX_IDS_PER_CALL = 200;

interface Waiter {
  resolve: (s: CameraStatusBody) => void;
  reject: (e: unknown) => void;
}

/**
 * Many single status reads (a camera tree row, a tile, an admin table row each ask for one
 * camera) coalesced into few listCameraStatuses calls: a site with a thousand cameras is asked
 * a handful of times, not a thousand, when a list mounts or its status polls come due.
 */
export class CameraStatusBatcher {
  private pending = new Map<string, Waiter[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly client: Pick<SiteClient, 'listCameraStatuses'>, private readonly delayMs = STATUS_BATCH_MS) {}

  get(cameraId: string): Promise<CameraStatusBody> {
    return new Promise((resolve, reject) => {
      const waiters = this.pending.get(cameraId) ?? [];
      waiters.push({ resolve, reject });
      this.pending.set(cameraId, waiters);
      this.timer ??= setTimeout(() => this.flush(), this.delayMs);
    });
  }

  private flush(): void {
    this.timer = undefined;
    const batch = this.pending;
    this.pending = new Map();
    const ids = [...batch.keys()];
    for (let i = 0; i < ids.length; i += MAX_IDS_PER_CALL) void this.send(ids.slice(i, i + MAX_IDS_PER_CALL), batch);
  }

  private async send(ids: string[], batch: Map<string, Waiter[]>): Promise<void> {
    try {
      const statuses = new Map((await this.client.listCameraStatuses(ids)).map((s) => [s.cameraId, s]));
      for (const id of ids) {
        const status = statuses.get(id);
        // Left out by the site: not visible to this user, or removed — what a single read would refuse.
        for (const w of batch.get(id) ?? []) {
          if (status) w.resolve(status);
          else w.reject(new ApiError(404, 'VMS_ERR_NOT_FOUND', `camera ${id} is not available`));
        }
      }
    } catch (e) {
      for (const id of ids) for (const w of batch.get(id) ?? []) w.reject(e);
    }
  }
}

const batchers = new WeakMap<SiteClient, CameraStatusBatcher>();

/** The batcher of one site client (one per signed-in window). */
export function statusBatcher(client: SiteClient): CameraStatusBatcher {
  let b = batchers.get(client);
  if (!b) batchers.set(client, (b = new CameraStatusBatcher(client)));
  return b;
}

import { DisposableStore, toDisposable } from '../../base/common/event';
import type { Disposable } from '../../base/common/event';
import type { EventViewer, HardwareTopology } from '../../events/common/eventVisibility';
import { canSeeEvent, eventViewer } from '../../events/common/eventVisibility';
import type { VmsEvent } from '../../events/common/vmsEvent';
import type { Camera } from '../../management/common/camera';
import { checkCameraAccess } from '../../management/common/permissions';
import type { ConfigurationResource } from '../common/configurationResources';
import type { EventStreamMessage, StreamedEvent } from '../common/eventStreamSchemas';
import type { ApiDeps } from './apiDeps';
import { iso } from './server';

/** One signed-in event stream socket, as the hub sees it; the route changes its filter and viewer. */
export interface EventStreamClient {
  readonly userId: string;
  matches: (e: VmsEvent) => boolean;
  viewer: EventViewer;
  /** Sends a serialized EventStreamMessage (the route applies back-pressure). */
  send(text: string): void;
}

/**
 * Changes after which every client's rights are read again (not only at its periodic check):
 * hardware and devices too, since who sees an input's events follows the cameras of its unit.
 */
const RIGHTS_RESOURCES = new Set<ConfigurationResource>(['roles', 'users', 'cameras', 'timeProfiles', 'hardware', 'devices']);

export function streamedEvent(e: VmsEvent, withCause: boolean): StreamedEvent {
  const { analytics, cause, at, ...rest } = e;
  return {
    ...rest, at: iso(at),
    ...(analytics ? { analytics: { ...analytics, ...(analytics.reportedAt !== undefined ? { reportedAt: iso(analytics.reportedAt) } : {}) } } : {}),
    ...(withCause && cause ? { cause } : {}),
  } as StreamedEvent;
}

export function eventMessage(e: VmsEvent, withCause: boolean): string {
  const m: EventStreamMessage = { type: 'event', event: streamedEvent(e, withCause) };
  return JSON.stringify(m);
}

/**
 * Fans the event server's events out to the live event stream's sockets: each event to the
 * clients whose filter takes it and whose user may see it (eventVisibility.ts). Rights are
 * held per client as an EventViewer, built from the user's roles when the client signs in,
 * when roles, users, cameras or time profiles change, and at the route's periodic check (a
 * right's schedule can open or close without any change); reading roles per event would put
 * a database query on a path that runs thousands of times a second. Each event is serialized
 * at most twice (with and without its rule cause), not once per client.
 */
export class EventStreamHub implements Disposable {
  private readonly clients = new Set<EventStreamClient>();
  private readonly store = new DisposableStore();

  constructor(private readonly deps: Pick<ApiDeps, 'eventsAndRules' | 'roles' | 'config' | 'clock' | 'changes'>) {
    this.store.add(deps.eventsAndRules.events.onDidRaise((e) => this.onEvent(e)));
    this.store.add(deps.changes.event((c) => {
      if (c.type === 'configuration' && c.resources.some((r) => RIGHTS_RESOURCES.has(r))) this.refreshViewers();
    }));
  }

  /** The user's rights over events, as their roles are now. */
  viewerOf(userId: string): EventViewer {
    const roles = this.deps.roles.rolesOfUser(userId);
    const now = this.deps.clock.now();
    const cameras = this.deps.config.listCameras();
    const live = cameras.some((c) => checkCameraAccess(roles, { cameraId: c.id, right: 'live', at: now }).allowed);
    return eventViewer(roles, live, this.topology(cameras));
  }

  /** Which cameras and devices each hardware unit has now, for events of inputs, outputs and units. */
  private topology(cameras: readonly Camera[]): HardwareTopology {
    const camerasOf = new Map<string, string[]>();
    for (const c of cameras) {
      const list = camerasOf.get(c.hardwareId);
      if (list) list.push(c.id);
      else camerasOf.set(c.hardwareId, [c.id]);
    }
    const hardwareOf = new Map(this.deps.config.devices.listDevices().map((d) => [d.id, d.hardwareId]));
    return { camerasOf: (id) => camerasOf.get(id) ?? [], hardwareOfDevice: (id) => hardwareOf.get(id) };
  }

  add(client: EventStreamClient): Disposable {
    this.clients.add(client);
    return toDisposable(() => this.clients.delete(client));
  }

  get size(): number {
    return this.clients.size;
  }

  /** Sends `e` to one client if it may see it (the route's replay after `afterId`). */
  sendTo(client: EventStreamClient, e: VmsEvent): void {
    if (client.matches(e) && canSeeEvent(client.viewer, e)) client.send(eventMessage(e, client.viewer.siteWide));
  }

  private onEvent(e: VmsEvent): void {
    if (this.clients.size === 0) return;
    let plain: string | undefined;
    let withCause: string | undefined;
    for (const c of this.clients) {
      if (!c.matches(e) || !canSeeEvent(c.viewer, e)) continue;
      c.send(c.viewer.siteWide && e.cause ? (withCause ??= eventMessage(e, true)) : (plain ??= eventMessage(e, false)));
    }
  }

  private refreshViewers(): void {
    for (const c of this.clients) c.viewer = this.viewerOf(c.userId);
  }

  dispose(): void {
    this.store.dispose();
    this.clients.clear();
  }
}

/**
 * One device's pull-point subscription kept alive for as long as the site wants its events:
 * subscribe, pull in a loop (each PullMessages a long poll), renew before the device would drop
 * the subscription, and on any failure (device restarted, subscription lost, network down)
 * subscribe again after a growing pause. Stopping abandons the waiting pull and unsubscribes,
 * so the device frees the subscription at once rather than at its termination time.
 *
 * Renewing: ONVIF Core says a PullMessages keeps a pull point alive for at least its timeout,
 * but devices differ (some extend only on Renew, some do not implement Renew on pull points),
 * so the loop renews when the termination time comes near and, if the device refuses Renew as
 * an operation, relies on the pulls alone. A device that still drops the subscription shows
 * up as a failing pull, and the loop subscribes again.
 */
import type { Clock } from '../../../base/common/clock';
import { isVmsError } from '../../../base/common/errors';
import type { OnvifNotification } from '../../common/onvifNotification';
import type { Lifetime, OnvifEventsEndpoint, PullPoint } from './eventsService';

export type SubscriptionStatus =
  /** Subscribed; `after` says how many failed attempts came before (0 at the first start). */
  | { kind: 'subscribed'; after: number }
  /** An attempt or a running subscription failed; the next attempt comes after `retryInMs`. */
  | { kind: 'failed'; error: unknown; attempt: number; retryInMs: number }
  /** The device has no Events service: nothing to subscribe to, the loop ends. */
  | { kind: 'noEventsService' };

export interface PullPointTiming {
  /** How long the device keeps the subscription unless pulled or renewed (InitialTerminationTime, Renew). */
  terminationSeconds: number;
  /** How long each PullMessages may wait for a notification. */
  pullTimeoutSeconds: number;
  /** Notifications per PullMessages. */
  messageLimit: number;
  /** Pauses between failed attempts: doubling from the first to the last. */
  retryMs: { first: number; max: number };
}

export const DEFAULT_PULL_POINT_TIMING: PullPointTiming = {
  terminationSeconds: 60, pullTimeoutSeconds: 10, messageLimit: 32, retryMs: { first: 1000, max: 60_000 },
};

/** Renew when less than this is left beyond one pull's wait. */
const RENEW_MARGIN_MS = 10_000;
/** A pull that comes back empty sooner than this is a device not waiting as asked: pause, don't spin. */
const MIN_EMPTY_PULL_MS = 1000;
/** Unsubscribing on stop (or after a failure) must not hold the site's shutdown or the next attempt. */
const UNSUBSCRIBE_TIMEOUT_MS = 3000;

export interface PullPointSubscriptionOptions {
  clock: Clock;
  /** Opens the device for events (clock, service addresses); undefined when it has no Events service. */
  connect: (signal: AbortSignal) => Promise<OnvifEventsEndpoint | undefined>;
  onMessages: (messages: OnvifNotification[], endpoint: OnvifEventsEndpoint) => void;
  onStatus?: (status: SubscriptionStatus) => void;
  timing?: Partial<PullPointTiming>;
}

export class PullPointSubscription {
  private readonly abort = new AbortController();
  private readonly timing: PullPointTiming;
  private readonly done: Promise<void>;

  constructor(private readonly o: PullPointSubscriptionOptions) {
    this.timing = { ...DEFAULT_PULL_POINT_TIMING, ...o.timing };
    this.done = this.run();
  }

  /** Stops pulling and unsubscribes (best effort); resolves once the device was told or gave up on. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.done;
  }

  private get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      let session: { endpoint: OnvifEventsEndpoint; pullPoint: PullPoint } | undefined;
      try {
        const endpoint = await this.untilStopped(this.o.connect(this.abort.signal));
        if (this.stopped) return;
        if (!endpoint) {
          this.o.onStatus?.({ kind: 'noEventsService' });
          return;
        }
        const created = await endpoint.events.createPullPoint(this.timing.terminationSeconds, this.abort.signal);
        session = { endpoint, pullPoint: created };
        if (!this.stopped) {
          this.o.onStatus?.({ kind: 'subscribed', after: failures });
          failures = 0;
          await this.pullUntilStopped(endpoint, created, created);
        }
      } catch (error) {
        if (!this.stopped) {
          failures++;
          const retryInMs = Math.min(this.timing.retryMs.first * 2 ** (failures - 1), this.timing.retryMs.max);
          this.o.onStatus?.({ kind: 'failed', error, attempt: failures, retryInMs });
          // A device that answered but failed the subscription (a fault, an unreadable reply)
          // may still hold it, and devices allow few: ask it to free it, briefly. One that could
          // not be reached is left to the termination time: telling it would only wait for
          // another timeout.
          if (session && !isVmsError(error, 'VMS_ERR_DEVICE_UNREACHABLE')) {
            await session.endpoint.events.unsubscribe(session.pullPoint, UNSUBSCRIBE_TIMEOUT_MS).catch(() => undefined);
          }
          await this.o.clock.sleep(retryInMs, this.abort.signal).catch(() => undefined);
          continue;
        }
      }
      // Stopped (the waiting pull was abandoned): tell the device it may free the subscription.
      if (session) await session.endpoint.events.unsubscribe(session.pullPoint, UNSUBSCRIBE_TIMEOUT_MS).catch(() => undefined);
    }
  }

  /**
   * The call's result, or undefined as soon as the loop is stopped: connecting makes several
   * requests with their own timeouts, and stopping (the site closing) must not wait them out.
   */
  private untilStopped<T>(call: Promise<T>): Promise<T | undefined> {
    const signal = this.abort.signal;
    if (signal.aborted) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      const onAbort = () => resolve(undefined);
      signal.addEventListener('abort', onAbort, { once: true });
      call.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  /** Returns when stopped; throws when the device fails the subscription. */
  private async pullUntilStopped(endpoint: OnvifEventsEndpoint, pullPoint: PullPoint, created: Lifetime): Promise<void> {
    const { clock } = this.o;
    const { pullTimeoutSeconds, terminationSeconds, messageLimit } = this.timing;
    let renewable = true;
    let expiresAt = clock.monotonic() + this.lifetimeMs(created);
    while (!this.stopped) {
      if (renewable && expiresAt - clock.monotonic() < pullTimeoutSeconds * 1000 + RENEW_MARGIN_MS) {
        try {
          expiresAt = clock.monotonic() + this.lifetimeMs(await endpoint.events.renew(pullPoint, terminationSeconds, this.abort.signal));
        } catch (e) {
          // A fault means the device does not renew pull points; its pulls keep them alive.
          if (!isVmsError(e, 'VMS_ERR_DEVICE_PROTOCOL')) throw e;
          renewable = false;
        }
      }
      const started = clock.monotonic();
      const pulled = await endpoint.events.pullMessages(pullPoint, { timeoutSeconds: pullTimeoutSeconds, messageLimit, signal: this.abort.signal });
      if (this.stopped) return;
      const now = clock.monotonic();
      expiresAt = pulled.remainingMs !== undefined ? now + this.lifetimeMs(pulled) : Math.max(expiresAt, now + pullTimeoutSeconds * 1000);
      if (pulled.messages.length > 0) this.o.onMessages(pulled.messages, endpoint);
      else if (now - started < MIN_EMPTY_PULL_MS) await clock.sleep(MIN_EMPTY_PULL_MS, this.abort.signal).catch(() => undefined);
    }
  }

  /**
   * What the device said is left, in its own clock (termination minus current time, so a
   * device clock hours off does not matter); what was asked for when it said nothing usable.
   */
  private lifetimeMs(l: Lifetime): number {
    const asked = this.timing.terminationSeconds * 1000;
    return l.remainingMs !== undefined && l.remainingMs > 0 && l.remainingMs <= 10 * asked ? l.remainingMs : asked;
  }
}

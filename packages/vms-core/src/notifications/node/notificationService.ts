import type { Clock } from '../../base/common/clock';
import { VmsError, errorMessage } from '../../base/common/errors';
import type { VmsEvent } from '../../events/common/vmsEvent';
import type { SystemLog } from '../../events/node/systemLog';
import type { RuleLog } from '../../rules/node/ruleLog';
import type { NotificationProfile } from '../common/notification';
import type { ComposeDeps, SnapshotMiss } from './composeNotification';
import { composeNotification, snapshotCameras } from './composeNotification';
import type { NotificationStore } from './notificationStore';
import type { MailMessage, MailSender } from './smtpMailer';
import { SmtpError } from './smtpMailer';

/** Why a notification is sent: a rule (with the event that fired it, absent for time rules), or a test. */
export interface NotificationTrigger {
  rule?: { id: string; name: string };
  event?: VmsEvent;
}

export interface NotificationOptions {
  /** The waits before each retry of a failed send; attempts are one more than its length. */
  retryDelaysMs?: readonly number[];
  /** Notifications waiting (being composed, sent or retried) beyond which new ones are refused. */
  maxQueued?: number;
  /** How long a camera may take for its snapshot before the mail goes without it. */
  snapshotTimeoutMs?: number;
}

export interface NotificationServiceDeps extends Omit<ComposeDeps, 'withTimeout'> {
  clock: Clock;
  store: Pick<NotificationStore, 'get' | 'smtpSettings' | 'smtpCredentials'>;
  sender: MailSender;
  systemLog: Pick<SystemLog, 'write'>;
  ruleLog: Pick<RuleLog, 'write'>;
  options?: NotificationOptions;
}

export interface TestSendResult {
  recipients: string[];
  /** Names of the cameras whose snapshots were attached. */
  snapshots: string[];
  missingSnapshots: SnapshotMiss[];
}

interface Job {
  profileName: string;
  trigger: NotificationTrigger;
  message: MailMessage | undefined;
  attempts: number;
  timer: { cancel(): void } | undefined;
}

/** About 9 minutes of retries: long enough for a mail server restart, short enough that the mail still matters. */
const DEFAULT_RETRY_DELAYS_MS = [10_000, 30_000, 60_000, 120_000, 300_000];
const SENDING_AT_ONCE = 2;
const WARN_INTERVAL_MS = 60_000;

/**
 * Sends notification profiles' mails without ever holding up the rule that asked: `enqueue`
 * checks the profile and the SMTP server are there, answers at once, and composes (snapshots
 * taken now, each bounded in time) and sends in the background, at most two at a time. A send
 * that fails for a reason time may cure (server unreachable, 4xx) is retried with growing waits;
 * after the last attempt, or on a permanent refusal, the system log gets an error. Every retry
 * reads the SMTP settings anew, so fixing them helps the mails already waiting. What is still
 * waiting when the site stops is counted into one system log warning.
 */
export class NotificationService {
  private readonly jobs = new Set<Job>();
  private readonly ready: Job[] = [];
  private sending = 0;
  private closed = false;
  private warnedAt: number | undefined;
  private failing = false;
  private readonly retryDelaysMs: readonly number[];
  private readonly maxQueued: number;
  private readonly compose: ComposeDeps;

  constructor(private readonly deps: NotificationServiceDeps) {
    this.retryDelaysMs = deps.options?.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.maxQueued = deps.options?.maxQueued ?? 500;
    const timeoutMs = deps.options?.snapshotTimeoutMs ?? 15_000;
    this.compose = {
      cameraName: deps.cameraName, siteName: deps.siteName, ...(deps.snapshot ? { snapshot: deps.snapshot } : {}),
      withTimeout: <T>(p: Promise<T>) => this.withTimeout(p, timeoutMs),
    };
  }

  /** Notifications not yet sent or given up on. */
  pending(): number {
    return this.jobs.size;
  }

  /** Queues the profile's mail; answers what was queued (for the rule log). Throws when it cannot be sent at all. */
  enqueue(profileId: string, trigger: NotificationTrigger): string {
    if (this.closed) throw new VmsError('VMS_ERR_UNAVAILABLE', 'the site is stopping');
    const profile = this.deps.store.get(profileId);
    this.requireServer();
    if (this.jobs.size >= this.maxQueued) {
      this.warn(`${this.jobs.size} notifications are waiting to be sent; new ones are dropped until they go`);
      throw new VmsError('VMS_ERR_UNAVAILABLE', `${this.jobs.size} notifications are waiting already: this one is dropped`);
    }
    const job: Job = { profileName: profile.name, trigger, message: undefined, attempts: 0, timer: undefined };
    this.jobs.add(job);
    composeNotification(profile, trigger, this.compose, this.deps.clock.now()).then((c) => {
      job.message = c.message;
      this.ready.push(job);
      this.pump();
    }, (e: unknown) => this.giveUp(job, e));
    const cameras = profile.attachSnapshots ? snapshotCameras(profile, trigger.event) : [];
    const snapshots = cameras.length > 0 ? ` with snapshots of ${cameras.map((id) => this.deps.cameraName(id)).join(', ')}` : '';
    return `notification "${profile.name}" queued to ${profile.recipients.join(', ')}${snapshots}`;
  }

  /** Sends the profile's mail now, once, with sample values and the profile's own cameras; SMTP failures reject naming the setting. */
  async test(profileId: string): Promise<TestSendResult> {
    const profile: NotificationProfile = this.deps.store.get(profileId);
    this.requireServer();
    const { message, snapshots, missing } = await composeNotification(profile, {}, this.compose, this.deps.clock.now());
    await this.deps.sender.send(this.deps.store.smtpCredentials(), message);
    return { recipients: message.to, snapshots, missingSnapshots: missing };
  }

  private requireServer(): void {
    if (this.deps.store.smtpSettings().host === '') {
      throw new VmsError('VMS_ERR_CONFLICT', 'no SMTP server is configured: set its host in the SMTP settings', { field: 'host' });
    }
  }

  private pump(): void {
    while (!this.closed && this.sending < SENDING_AT_ONCE && this.ready.length > 0) {
      const job = this.ready.shift()!;
      this.sending++;
      void this.attempt(job).finally(() => {
        this.sending--;
        this.pump();
      });
    }
  }

  private async attempt(job: Job): Promise<void> {
    job.attempts++;
    try {
      const smtp = this.deps.store.smtpCredentials();
      if (smtp.host === '') throw new SmtpError('no SMTP server is configured', 'host', false, undefined);
      await this.deps.sender.send(smtp, job.message!);
    } catch (e) {
      if (this.closed) return;
      const delay = this.retryDelaysMs[job.attempts - 1];
      if (!(e instanceof SmtpError && e.transient) || delay === undefined) return this.giveUp(job, e);
      this.failing = true;
      this.warn(`cannot send notifications now, retrying (${this.jobs.size} waiting): ${errorMessage(e)}`);
      job.timer = this.deps.clock.setTimeout(() => {
        job.timer = undefined;
        this.ready.push(job);
        this.pump();
      }, delay);
      return;
    }
    if (this.closed) return;
    this.jobs.delete(job);
    if (this.failing) {
      this.failing = false;
      this.deps.systemLog.write('information', 'notifications', `the SMTP server takes mail again; ${this.jobs.size} notification(s) still waiting`);
    }
    const after = job.attempts > 1 ? ` after ${job.attempts} attempts` : '';
    this.ruleLog(job, 'ok', `notification "${job.profileName}" sent to ${job.message!.to.join(', ')}${after}`);
  }

  private giveUp(job: Job, e: unknown): void {
    if (this.closed || !this.jobs.delete(job)) return;
    const why = `not sent after ${job.attempts} attempt(s): ${errorMessage(e)}`;
    this.ruleLog(job, 'failed', why);
    const rule = job.trigger.rule ? ` of rule ${job.trigger.rule.name}` : '';
    this.deps.systemLog.write('error', 'notifications', `notification "${job.profileName}"${rule} ${why}`, e instanceof VmsError ? e.code : 'VMS_ERR_INTERNAL');
  }

  private ruleLog(job: Job, outcome: 'ok' | 'failed', message: string): void {
    const { rule, event } = job.trigger;
    if (!rule) return;
    this.deps.ruleLog.write({
      ruleId: rule.id, ruleName: rule.name, action: 'sendNotification', outcome, message,
      // As the engine writes it, so one activation's entries read alike.
      ...(event ? { eventId: event.id, eventType: event.definitionId !== undefined ? `${event.type}:${event.definitionId}` : event.type, sourceId: event.source.id } : {}),
    });
  }

  /** A warning at most once a minute, so an outage or a flood writes one line, not one per mail. */
  private warn(message: string): void {
    const now = this.deps.clock.now();
    if (this.warnedAt !== undefined && now - this.warnedAt < WARN_INTERVAL_MS) return;
    this.warnedAt = now;
    this.deps.systemLog.write('warning', 'notifications', message, 'VMS_ERR_SMTP');
  }

  private withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = this.deps.clock.setTimeout(() => reject(new VmsError('VMS_ERR_DEVICE_UNREACHABLE', `no picture within ${ms / 1000} s`)), ms);
      p.then((v) => {
        timer.cancel();
        resolve(v);
      }, (e: unknown) => {
        timer.cancel();
        reject(e instanceof Error ? e : new Error(String(e)));
      });
    });
  }

  /** Stops sending; what is still waiting is dropped, with one system log warning saying how much. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const job of this.jobs) job.timer?.cancel();
    if (this.jobs.size > 0) this.deps.systemLog.write('warning', 'notifications', `${this.jobs.size} notification(s) not sent: the site stopped`);
    this.jobs.clear();
    this.ready.length = 0;
  }
}

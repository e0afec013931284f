import type { Clock } from '../../base/common/clock';
import { VmsError, errorMessage } from '../../base/common/errors';
import type { PtzControl } from '../../devices/node/ptzControl';
import type { OutputSwitch } from '../../devices/node/outputSwitch';
import type { VmsEvent } from '../../events/common/vmsEvent';
import { eventCameraId } from '../../events/common/vmsEvent';
import type { EventServer } from '../../events/node/eventServer';
import type { UserDefinedEventStore } from '../../events/node/userDefinedEventStore';
import type { Bookmark } from '../../management/common/evidence';
import type { ConfigStore } from '../../management/node/configStore';
import type { NotificationService } from '../../notifications/node/notificationService';
import { ALL_CAMERAS } from '../../recording/common/feedHolds';
import type { RecordingServer } from '../../recording/node/recordingServer';
import type { CameraTarget, Rule, RuleAction } from '../common/rule';
import { targetCameras } from '../common/rule';

/** What an action needs to know about why it runs. */
export interface ActionContext {
  rule: Rule;
  /** The event that started the rule's activation; absent for time rules. */
  event?: VmsEvent;
  /** Tells this activation's recording from other rules' and other sources' on the same camera. */
  holdKey: string;
  /** Rules that led here, this one last: events the action raises carry it (loop guard). */
  chain: string[];
}

/** Performs one action; the message says what was done (for the rule log). Throws or rejects on failure. */
export interface RuleActionPerformer {
  perform(action: RuleAction, ctx: ActionContext): string | Promise<string>;
}

export interface SiteRuleActionsDeps {
  clock: Pick<Clock, 'now'>;
  config: ConfigStore;
  recording: Pick<RecordingServer, 'holdRecording' | 'releaseRecording' | 'holdFeed' | 'releaseFeed'>;
  events: EventServer;
  userDefinedEvents: UserDefinedEventStore;
  ptz?: PtzControl;
  /** Switches outputs (setOutput). */
  outputs?: Pick<OutputSwitch, 'set'>;
  /** Queues notification mails (sendNotification); it answers at once and sends in the background. */
  notifications?: Pick<NotificationService, 'enqueue'>;
  /** Told of bookmarks rules create, so clients hear of them (the site's updates socket). */
  onBookmarkCreated?: (b: Bookmark) => void;
}

/**
 * The actions a rule can take on this site, over the services that carry them out. Actions
 * the model has but the site cannot perform yet never get here: validation refuses them.
 */
export class SiteRuleActions implements RuleActionPerformer {
  constructor(private readonly deps: SiteRuleActionsDeps) {}

  perform(action: RuleAction, ctx: ActionContext): string | Promise<string> {
    switch (action.type) {
      case 'startRecording':
        return this.onCameras(action.cameras, ctx, 'recording started', (id) => this.deps.recording.holdRecording(id, ctx.holdKey, action.preSeconds));
      case 'stopRecording': {
        const after = action.postSeconds === undefined ? 'after the camera\'s post-buffer' : `in ${action.postSeconds} s`;
        return this.onCameras(action.cameras, ctx, `recording stops ${after}`, (id) => {
          if (!this.deps.recording.releaseRecording(id, ctx.holdKey, action.postSeconds)) throw new VmsError('VMS_ERR_CONFLICT', 'this rule was not recording it');
        });
      }
      case 'startFeed':
        // "All cameras" is one standing hold, so cameras added while it runs get their feed too.
        if (action.cameras.kind === 'allCameras') {
          this.deps.recording.holdFeed(ALL_CAMERAS, ctx.holdKey);
          return 'feed started on all cameras';
        }
        return this.onCameras(action.cameras, ctx, 'feed started', (id) => this.deps.recording.holdFeed(id, ctx.holdKey));
      case 'stopFeed':
        if (action.cameras.kind === 'allCameras') {
          if (!this.deps.recording.releaseFeed(ALL_CAMERAS, ctx.holdKey)) throw new VmsError('VMS_ERR_CONFLICT', 'this rule had not started the feeds');
          return 'feed stopped on all cameras';
        }
        return this.onCameras(action.cameras, ctx, 'feed stopped', (id) => {
          if (!this.deps.recording.releaseFeed(id, ctx.holdKey)) throw new VmsError('VMS_ERR_CONFLICT', 'this rule had not started its feed');
        });
      case 'createBookmark': {
        const cameraIds = this.cameras(action.cameras, ctx);
        if (cameraIds.length === 0) throw new VmsError('VMS_ERR_BAD_INPUT', 'the event came from no camera');
        const at = ctx.event?.at ?? this.deps.clock.now();
        const b = this.deps.config.bookmarks.create(
          { at, preSeconds: action.preSeconds, postSeconds: action.postSeconds, header: action.header, description: action.description, cameraIds },
          `rule: ${ctx.rule.name}`, this.deps.clock.now(),
        );
        this.deps.onBookmarkCreated?.(b);
        return `bookmark ${b.id} on ${cameraIds.length} camera(s)`;
      }
      case 'triggerUserDefinedEvent': {
        const def = this.deps.userDefinedEvents.get(action.userDefinedEventId);
        const e = this.deps.events.raise({
          type: 'userDefined', definitionId: def.id, source: { kind: 'userDefinedEvent', id: def.id, name: def.name }, severity: 'information',
          message: `${def.name} (triggered by rule ${ctx.rule.name})`, data: { triggeredBy: `rule:${ctx.rule.id}` }, cause: { ruleIds: ctx.chain },
        });
        return `user-defined event ${def.name} raised (event ${e.id})`;
      }
      case 'gotoPtzPreset':
        return this.gotoPreset(action.cameraId, action.presetToken);
      case 'setOutput':
        return this.setOutput(action.outputId, action.state, ctx);
      case 'writeRuleLog':
        return action.message;
      case 'sendNotification': {
        const n = this.deps.notifications;
        if (!n) throw new VmsError('VMS_ERR_UNAVAILABLE', 'notifications are not running on this site');
        return n.enqueue(action.notificationProfileId, { rule: { id: ctx.rule.id, name: ctx.rule.name }, ...(ctx.event ? { event: ctx.event } : {}) });
      }
      default:
        throw new VmsError('VMS_ERR_BAD_INPUT', `"${action.type}" is not supported by this site yet`);
    }
  }

  private cameras(target: CameraTarget, ctx: ActionContext): string[] {
    const source = ctx.event ? eventCameraId(ctx.event) : undefined;
    return targetCameras(target, source, () => this.deps.config.listCameras().filter((c) => c.enabled).map((c) => c.id));
  }

  /** Runs `fn` on each camera; one camera failing does not keep the others from it. */
  private onCameras(target: CameraTarget, ctx: ActionContext, done: string, fn: (cameraId: string) => void): string {
    const ids = this.cameras(target, ctx);
    if (ids.length === 0) throw new VmsError('VMS_ERR_BAD_INPUT', 'the event came from no camera');
    const failures: string[] = [];
    for (const id of ids) {
      try {
        fn(id);
      } catch (e) {
        failures.push(`${this.cameraName(id)}: ${errorMessage(e)}`);
      }
    }
    if (failures.length > 0) {
      throw new VmsError('VMS_ERR_CONFLICT', `${done} on ${ids.length - failures.length} of ${ids.length} camera(s); ${failures.join('; ')}`);
    }
    return `${done} on ${ids.map((id) => this.cameraName(id)).join(', ')}`;
  }

  private cameraName(id: string): string {
    try {
      return this.deps.config.getCamera(id).name;
    } catch {
      return id;
    }
  }

  /** The event it raises carries the rule chain, so a rule answering its own output is stopped by the loop guard. */
  private async setOutput(outputId: string, state: 'on' | 'off', ctx: ActionContext): Promise<string> {
    const outputs = this.deps.outputs;
    if (!outputs) throw new VmsError('VMS_ERR_UNAVAILABLE', 'outputs are not controlled on this site');
    const { device, pulseSeconds } = await outputs.set(outputId, state, { by: `rule:${ctx.rule.id}`, cause: { ruleIds: ctx.chain } });
    return `${device.name} switched ${state}${pulseSeconds !== undefined ? `, back in ${pulseSeconds} s` : ''}`;
  }

  private async gotoPreset(cameraId: string, presetToken: string): Promise<string> {
    const ptz = this.deps.ptz;
    if (!ptz) throw new VmsError('VMS_ERR_UNAVAILABLE', 'PTZ control is not running on this site');
    const camera = this.deps.config.getCamera(cameraId);
    const { supported, profileToken, panTilt, zoom } = camera.ptz;
    if (!supported || profileToken === undefined) throw new VmsError('VMS_ERR_BAD_INPUT', `camera "${camera.name}" has no PTZ`);
    const hardware = this.deps.config.getHardware(camera.hardwareId);
    await ptz.gotoPreset({
      hardwareId: hardware.id, driver: hardware.driver, address: hardware.address,
      credentials: this.deps.config.hardwareCredentials(hardware.id), ptz: { profileToken, panTilt, zoom },
    }, presetToken);
    return `${camera.name} moved to preset ${presetToken}`;
  }
}

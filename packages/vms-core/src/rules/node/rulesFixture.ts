/**
 * For the rule engine's tests: a configuration database with two cameras, the event server and
 * rules over it on a ManualClock, and a recording server stand-in that keeps the rules'
 * recording holds exactly as the real one does (RecordingHolds), so a test can ask whether a
 * camera is being recorded at any simulated instant.
 */
import { join } from 'node:path';
import { ManualClock } from '../../base/common/clock';
import { VmsError } from '../../base/common/errors';
import { EventLog } from '../../events/node/eventLog';
import { ConfigStore } from '../../management/node/configStore';
import { RoleStore } from '../../management/node/roleStore';
import { RecordingHolds } from '../../recording/common/recordingHolds';
import { FeedHolds } from '../../recording/common/feedHolds';
import { SiteKeys } from '../../security/node/siteKeys';
import { tempDir } from '../../../test/util/syntheticMedia';
import type { RuleDefinition } from '../common/rule';
import { EventsAndRules } from './eventsAndRules';

export class HoldingRecorder {
  readonly holds = new Map<string, RecordingHolds>();
  /** Cameras that refuse to record (as one in mode "never" does). */
  readonly refusing = new Set<string>();

  constructor(private readonly clock: ManualClock) {}

  /** Feeds rules started (the default "Start feed always" rule holds all cameras'). */
  readonly feeds = new FeedHolds();

  holdFeed(target: string, key: string): void {
    this.feeds.hold(target, key);
  }

  releaseFeed(target: string, key: string): boolean {
    return this.feeds.release(target, key);
  }

  holdRecording(cameraId: string, key: string, preSeconds = 0): void {
    if (this.refusing.has(cameraId)) throw new VmsError('VMS_ERR_CONFLICT', 'recording mode "never"');
    let h = this.holds.get(cameraId);
    if (!h) this.holds.set(cameraId, (h = new RecordingHolds()));
    h.start(key, preSeconds);
  }

  releaseRecording(cameraId: string, key: string, postSeconds = 0): boolean {
    return this.holds.get(cameraId)?.release(key, postSeconds, this.clock.now()) ?? false;
  }

  recording(cameraId: string): boolean {
    return this.holds.get(cameraId)?.active(this.clock.now()) ?? false;
  }
}

export interface RulesFixture {
  clock: ManualClock;
  config: ConfigStore;
  eventLog: EventLog;
  recorder: HoldingRecorder;
  er: EventsAndRules;
  cameraA: string;
  cameraB: string;
  rule(def: Partial<RuleDefinition> & Pick<RuleDefinition, 'kind' | 'actions'>): string;
  dispose(): Promise<void>;
}

export async function openRulesFixture(start = Date.UTC(2026, 0, 4)): Promise<RulesFixture> {
  const dir = tempDir('nightjar-rules-');
  const clock = new ManualClock(start);
  const keys = SiteKeys.loadOrCreate(join(dir.path, 'site-key.json'));
  const config = new ConfigStore(join(dir.path, 'config.db'), keys);
  config.addStorage({ id: 'live', name: 'Live', path: dir.path, maxBytes: 1e9, retentionHours: 24, archiveEveryMinutes: 60, encrypted: false, minFreeBytes: 0 });
  const [cameraA, cameraB] = ['A', 'B'].map((name) => config.addHardware({
    driver: 'rtsp', address: `rtsp://127.0.0.1:9/${name}`,
    cameras: [{ key: 'main', name, streams: [{ key: 'main', name: 'main', url: 'rtsp://127.0.0.1:9/none' }] }],
  }, {}, name, 'live').cameras[0]!.id) as [string, string];
  const eventLog = new EventLog(clock);
  const recorder = new HoldingRecorder(clock);
  const er = new EventsAndRules({
    config, clock, eventLog, recording: recorder, alarmsDbPath: join(dir.path, 'alarms.db'), roles: new RoleStore(config.db, clock), keys,
  });
  await er.start();
  let n = 0;
  return {
    clock, config, eventLog, recorder, er, cameraA, cameraB,
    rule: (def) => er.rules.create({ name: `rule ${++n}`, description: '', enabled: true, stopActions: [], ...def } as RuleDefinition, clock.now()).id,
    async dispose() {
      await er.close();
      eventLog.dispose();
      config.close();
      dir.dispose();
    },
  };
}

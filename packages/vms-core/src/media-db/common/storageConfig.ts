/** Grooming applied when recordings move into an archive stage (never re-encodes). */
export interface Grooming {
  /** Keep key frames only. */
  keyFramesOnly: boolean;
  /** Keep at most this many (key) frames per second; undefined keeps all that remain. */
  maxFps?: number;
}

/** Where a storage's recordings go when they are older than its retention. */
export interface ArchiveStage {
  storageId: string;
  grooming?: Grooming;
}

export interface StorageConfig {
  id: string;
  name: string;
  /** Absolute folder. */
  path: string;
  /** Recordings are removed (or archived) oldest first when the storage holds more. */
  maxBytes: number;
  /** Recordings older than this leave the storage: to `archive` if set, else deleted. */
  retentionHours: number;
  /** Archiving runs every this many minutes (the schedule). */
  archiveEveryMinutes: number;
  archive?: ArchiveStage;
  /** Encryption at rest (AES-256-GCM per frame). The data key is wrapped by the site key. */
  encrypted: boolean;
  /** The wrapped data key, when encrypted. */
  wrappedKey?: string;
  /** Keep at least this many bytes free on the disk: delete (or stop) before it fills. */
  minFreeBytes: number;
}

/** Protects a time range of some cameras from retention and deletion until a date. */
export interface EvidenceLock {
  id: string;
  cameraIds: string[];
  from90k: number;
  to90k: number;
  /** Wall ms; null = indefinitely. */
  until: number | null;
  reason: string;
  createdBy: string;
  createdAt: number;
}

export function lockProtects(lock: EvidenceLock, cameraId: string, start90k: number, end90k: number, nowMs: number): boolean {
  return (
    (lock.until === null || lock.until > nowMs) &&
    lock.cameraIds.includes(cameraId) &&
    start90k < lock.to90k &&
    end90k > lock.from90k
  );
}

import { randomBytes } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { VmsError } from '../../base/common/errors';
import { bytesEqual } from '../../media/common/types';
import type { SiteKeys } from '../../security/node/siteKeys';
import type { Grooming } from '../common/storageConfig';
import { readRecordingFile, selectFrames, writeRecordingFile } from './archiverFiles';
import type { MediaDb } from './mediaDb';
import type { StorageHandle } from './storageHandle';

/**
 * What the `groomed` column holds once a move changed a recording's stored bytes. The chain
 * columns still cover the original; this links the current file to it. `signature` is the
 * site key's Ed25519 signature over
 *   original chain_hash (32 bytes) || contentSha256 (32 bytes) || UTF-8 of groomingStepsJson(steps)
 * so a verifier who trusts the chain can prove the current file derives from the original.
 */
export interface GroomedInfo {
  version: 1;
  /** Each move that changed the bytes, in order; null = moved intact but re-encrypted. */
  steps: (Grooming | null)[];
  originalFrames: number;
  originalKeyFrames: number;
  originalFileBytes: number;
  /** Hex. */
  originalContentSha256: string;
  /** Hex SHA-256 of the current file's stored payloads. */
  contentSha256: string;
  /** Base64. */
  signature: string;
}

/** Test seams between the steps of a move, where a crash is simulated by throwing. */
export interface ArchiverHooks {
  afterFileWritten?(): void | Promise<void>;
  afterIndexUpdated?(): void | Promise<void>;
}

export interface ArchivedRecording {
  id: number;
  storageId: string;
  path: string;
  frames: number;
  fileBytes: number;
}

/** Canonical JSON of the steps (fixed key order, absent maxFps as null): the signed form. */
export function groomingStepsJson(steps: readonly (Grooming | null)[]): string {
  return JSON.stringify(steps.map((s) => s && { keyFramesOnly: s.keyFramesOnly, maxFps: s.maxFps ?? null }));
}

function groomedSignedBytes(chainHash: Uint8Array, contentSha256: Uint8Array, steps: readonly (Grooming | null)[]): Buffer {
  return Buffer.concat([chainHash, contentSha256, Buffer.from(groomingStepsJson(steps), 'utf8')]);
}

export function verifyGroomed(keys: Pick<SiteKeys, 'verify'>, chainHash: Uint8Array, info: GroomedInfo): boolean {
  const bytes = groomedSignedBytes(chainHash, Buffer.from(info.contentSha256, 'hex'), info.steps);
  return keys.verify(bytes, Buffer.from(info.signature, 'base64'));
}

/**
 * Moves closed recordings between storages. The protocol keeps the index consistent across
 * a crash at any point:
 *   1. list the new path as garbage (so an unfinished copy is deleted by garbage collection);
 *   2. write, fdatasync the new file and its folder;
 *   3. one transaction: point the row at the new file, unlist it, list the old file as garbage;
 *   4. unlink the old file and unlist it.
 * Garbage collection must not run while a move is between 1 and 3; the maintenance service
 * runs both in one serialized pass.
 */
export class Archiver {
  constructor(private readonly deps: {
    db: MediaDb;
    keys: SiteKeys;
    handles: (storageId: string) => StorageHandle;
    hooks?: ArchiverHooks;
  }) {}

  /** Moves one recording to storage `to`, applying `grooming` (pass none for a locked recording). */
  async archive(id: number, to: string, grooming?: Grooming): Promise<ArchivedRecording> {
    const { db } = this.deps;
    const row = db.getRecording(id);
    const seal = db.sealFields(id);
    if (!row || !seal) throw new VmsError('VMS_ERR_NOT_FOUND', `recording ${id} does not exist`);
    if (row.end90k === null || !seal.frameIndex || !seal.contentSha256 || !seal.chainHash) {
      throw new VmsError('VMS_ERR_CONFLICT', `recording ${id} is still open`);
    }
    if (row.storageId === to) throw new VmsError('VMS_ERR_BAD_INPUT', `recording ${id} is already in storage ${to}`);
    const source = this.deps.handles(row.storageId);
    const target = this.deps.handles(to);
    const prior = seal.groomed ? (JSON.parse(seal.groomed) as GroomedInfo) : undefined;

    const oldFile = join(source.root, row.path);
    const file = await readRecordingFile(oldFile, seal.frameIndex, row.fileBytes);
    const expected = prior ? Buffer.from(prior.contentSha256, 'hex') : seal.contentSha256;
    if (!bytesEqual(file.contentSha256, expected)) {
      throw new VmsError('VMS_ERR_DATA_CORRUPT', `${oldFile}: frame payloads differ from the recorded content hash`);
    }
    const keep = selectFrames(file.frames, grooming);

    // A random suffix: a retry after a crash never meets the unfinished copy of an earlier try.
    const path = `${row.cameraId}/${id}-${randomBytes(4).toString('hex')}.njf`;
    const newFile = join(target.root, path);
    db.addGarbage(to, path);
    let written;
    try {
      written = await writeRecordingFile(newFile, {
        source: file, keep, from: source.cipher, to: target.cipher, noncePrefix: randomBytes(8),
      });
    } catch (e) {
      await this.discard(to, newFile, path);
      throw e;
    }
    await this.deps.hooks?.afterFileWritten?.();

    const groomed = bytesEqual(written.contentSha256, expected)
      ? seal.groomed
      : JSON.stringify(this.groomedInfo(seal.chainHash, seal.contentSha256, row, prior, grooming, written.contentSha256,
        keep.length < file.frames.length));
    const moved = db.moveRecording(id, { storageId: row.storageId, path: row.path }, {
      storageId: to, path, frameIndex: written.frameIndex, frames: written.frames, keyFrames: written.keyFrames,
      fileBytes: written.fileBytes, groomed,
    });
    if (!moved) {
      await this.discard(to, newFile, path);
      throw new VmsError('VMS_ERR_CONFLICT', `recording ${id} changed while it was being archived`);
    }
    await this.deps.hooks?.afterIndexUpdated?.();
    await unlinkIfExists(oldFile);
    db.removeGarbage(row.storageId, row.path);
    return { id, storageId: to, path, frames: written.frames, fileBytes: written.fileBytes };
  }

  private groomedInfo(
    chainHash: Uint8Array, originalSha: Uint8Array, row: { frames: number; keyFrames: number; fileBytes: number },
    prior: GroomedInfo | undefined, grooming: Grooming | undefined, contentSha256: Uint8Array, dropped: boolean,
  ): GroomedInfo {
    // A step is recorded only when it dropped frames; otherwise the bytes changed by re-encryption alone.
    const step = grooming && dropped ? { keyFramesOnly: grooming.keyFramesOnly, maxFps: grooming.maxFps } : null;
    const steps = [...(prior?.steps ?? []), step];
    return {
      version: 1,
      steps,
      originalFrames: prior?.originalFrames ?? row.frames,
      originalKeyFrames: prior?.originalKeyFrames ?? row.keyFrames,
      originalFileBytes: prior?.originalFileBytes ?? row.fileBytes,
      originalContentSha256: prior?.originalContentSha256 ?? Buffer.from(originalSha).toString('hex'),
      contentSha256: Buffer.from(contentSha256).toString('hex'),
      signature: Buffer.from(this.deps.keys.sign(groomedSignedBytes(chainHash, contentSha256, steps))).toString('base64'),
    };
  }

  private async discard(storageId: string, file: string, path: string): Promise<void> {
    try {
      await unlinkIfExists(file);
      this.deps.db.removeGarbage(storageId, path);
    } catch {
      // The garbage row stays, so garbage collection retries the unlink later.
    }
  }
}

export async function unlinkIfExists(path: string): Promise<void> {
  await unlink(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
}

import type { Time90k } from '../../media/common/types';

/** What a reader may use of a recording still being written: the frames already in its file. */
export interface OpenRecordingIndex {
  /** The frame index of the written frames (frameIndex.ts encoding), as stored at close. */
  frameIndex: Uint8Array;
  /** End of the last written frame. */
  end90k: Time90k;
}

/**
 * The recordings this process is writing, by id. A closed recording's index is in SQLite; an
 * open one's lives in its writer until the close, so readers ask here. Without it the last
 * minute of every camera (the recording being written) would read as a gap: no playback, no
 * export of what just happened.
 */
export class OpenRecordings {
  private readonly writers = new Map<number, () => OpenRecordingIndex | undefined>();

  /** Registers a writer's index; the returned function unregisters it (after the row is closed). */
  add(recordingId: number, index: () => OpenRecordingIndex | undefined): () => void {
    this.writers.set(recordingId, index);
    return () => {
      if (this.writers.get(recordingId) === index) this.writers.delete(recordingId);
    };
  }

  /** The written frames of an open recording; undefined when this process is not writing it or nothing is written yet. */
  index(recordingId: number): OpenRecordingIndex | undefined {
    return this.writers.get(recordingId)?.();
  }
}

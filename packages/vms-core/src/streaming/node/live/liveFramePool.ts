import { uninitializedBytes } from '../../../base/node/uninitializedBytes';
import { FramePool } from '../../../media/common/framePool';

/** A 1080p key frame fits a block; a 4K one gets a block of its own, left to the GC. */
const BLOCK_BYTES = 512 * 1024;
/** Free blocks kept when cameras stop: 32 MiB at most. */
const MAX_FREE_BLOCKS = 64;

/**
 * The frame memory of a LiveHub's camera streams. NIGHTJAR_POISON_FRAMES=1 fills every recycled
 * block with 0xA5, so a consumer that kept a frame without retaining it sees garbage at once;
 * the test suite runs with it.
 */
export function createLiveFramePool(): FramePool {
  const poison = process.env.NIGHTJAR_POISON_FRAMES === '1' ? 0xa5 : undefined;
  return new FramePool(uninitializedBytes, { blockBytes: BLOCK_BYTES, maxFreeBlocks: MAX_FREE_BLOCKS, ...(poison === undefined ? {} : { poison }) });
}

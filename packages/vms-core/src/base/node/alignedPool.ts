/** Direct I/O needs buffer addresses, file offsets and lengths on this boundary (4 KiB covers
 *  both 512-byte and 4K-sector disks). */
export const DIRECT_IO_ALIGN = 4096;

const WASM_PAGE = 65536;
/** Each chunk is one WebAssembly.Memory; V8 reserves address space per memory, so few, big ones. */
const CHUNK_BYTES = 8 << 20;

/**
 * Fixed-size buffers whose addresses are page-aligned, for O_DIRECT writes. Node's Buffers
 * carry malloc's 16-byte alignment, which the kernel refuses (EINVAL); a WebAssembly.Memory is
 * mapped page-aligned, so it is carved into slots. Slots are reused, never returned to the
 * system: the pool's size is the peak number of writes in flight times the slot size.
 */
export class AlignedPool {
  private readonly free: Uint8Array[] = [];

  constructor(readonly slotBytes: number) {
    if (slotBytes <= 0 || slotBytes % DIRECT_IO_ALIGN !== 0) throw new Error(`slot size ${slotBytes} is not a multiple of ${DIRECT_IO_ALIGN}`);
  }

  acquire(): Uint8Array {
    const slot = this.free.pop();
    if (slot) return slot;
    this.grow();
    return this.free.pop()!;
  }

  release(slot: Uint8Array): void {
    this.free.push(slot);
  }

  private grow(): void {
    const bytes = Math.max(CHUNK_BYTES, this.slotBytes);
    const pages = Math.ceil(bytes / WASM_PAGE);
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    const slots = Math.floor((pages * WASM_PAGE) / this.slotBytes);
    for (let i = slots - 1; i >= 0; i--) this.free.push(new Uint8Array(memory.buffer, i * this.slotBytes, this.slotBytes));
  }
}

const pools = new Map<number, AlignedPool>();

/** The process-wide pool for one slot size. */
export function alignedPool(slotBytes: number): AlignedPool {
  let pool = pools.get(slotBytes);
  if (!pool) pools.set(slotBytes, (pool = new AlignedPool(slotBytes)));
  return pool;
}

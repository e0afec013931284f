import { close, constants, fdatasync, ftruncate, open, openSync, write, writev } from 'node:fs';
import { promisify } from 'node:util';
import { alignedPool, DIRECT_IO_ALIGN } from './alignedPool';
import type { AlignedPool } from './alignedPool';

const pOpen = promisify(open);
const pClose = promisify(close);
const pFtruncate = promisify(ftruncate);

/** The writes an AppendFile makes; tests inject faults (disk full, I/O errors) here. */
export interface AppendFileIo {
  write(fd: number, buffer: Uint8Array, length: number, position: number): Promise<number>;
  writev(fd: number, buffers: readonly Uint8Array[], position: number): Promise<number>;
  fdatasync(fd: number): Promise<void>;
}

export const nodeAppendFileIo: AppendFileIo = {
  write: (fd, buffer, length, position) => new Promise((resolve, reject) => {
    write(fd, buffer, 0, length, position, (e, n) => (e ? reject(e) : resolve(n)));
  }),
  writev: (fd, buffers, position) => new Promise((resolve, reject) => {
    writev(fd, buffers as Uint8Array[], position, (e, n) => (e ? reject(e) : resolve(n)));
  }),
  fdatasync: promisify(fdatasync),
};

export interface AppendFileOptions {
  /** Fail when the file exists (otherwise it is truncated). */
  exclusive: boolean;
  /** Write with O_DIRECT where the platform and file system allow it, else through the page cache. */
  direct: boolean;
  /** Bytes per direct write, a multiple of DIRECT_IO_ALIGN; a larger append takes several. */
  writeBytes?: number;
  io?: AppendFileIo;
}

const O_DIRECT: number = (constants as { O_DIRECT?: number }).O_DIRECT ?? 0;

function shortWrite(): Error {
  // The kernel writes less than asked only when the disk is full (or a quota is reached).
  return Object.assign(new Error('short write'), { code: 'ENOSPC' });
}

/**
 * A file written front to back, for frame files and exports: gigabytes a day that are written
 * once and rarely read soon. With O_DIRECT the bytes go from our buffer to the disk, so the
 * kernel neither copies them into the page cache nor writes them back later, and they do not
 * evict what readers need (see docs/design/direct-io.md).
 *
 * Direct writes must start and end on DIRECT_IO_ALIGN boundaries, from aligned memory. So the
 * bytes of the last, partial block are kept (`tail`) and written again, followed by the next
 * bytes, on the next append; until then the file is zero-padded past `size`. A reader that stops
 * at `size` never sees the padding, frame-file recovery stops at it (a zero header is not a
 * frame), and close() cuts it. Appends run one at a time, in call order.
 */
export class AppendFile {
  private readonly tail = new Uint8Array(DIRECT_IO_ALIGN);
  private tailBytes = 0;
  private padded = false;
  private chain: Promise<void> = Promise.resolve();
  private committed = 0;
  private closed = false;

  private constructor(
    private fd: number,
    private isDirect: boolean,
    readonly path: string,
    private readonly pool: AlignedPool,
    private readonly io: AppendFileIo,
  ) {}

  static openSync(path: string, o: AppendFileOptions): AppendFile {
    const { flags, fallback } = openFlags(o);
    let fd: number | undefined;
    if (flags !== fallback) {
      try {
        fd = openSync(path, flags, 0o666);
      } catch (e) {
        refusedDirect(e);
      }
    }
    return AppendFile.make(fd ?? openSync(path, afterFailedDirect(flags, fallback), 0o666), fd !== undefined, path, o);
  }

  static async open(path: string, o: AppendFileOptions): Promise<AppendFile> {
    const { flags, fallback } = openFlags(o);
    let fd: number | undefined;
    if (flags !== fallback) fd = await pOpen(path, flags, 0o666).catch(refusedDirect);
    return AppendFile.make(fd ?? await pOpen(path, afterFailedDirect(flags, fallback), 0o666), fd !== undefined, path, o);
  }

  private static make(fd: number, direct: boolean, path: string, o: AppendFileOptions): AppendFile {
    return new AppendFile(fd, direct, path, alignedPool(o.writeBytes ?? 256 * 1024), o.io ?? nodeAppendFileIo);
  }

  /** Whether writes bypass the page cache (false after a fallback). */
  get direct(): boolean {
    return this.isDirect;
  }

  /** Bytes appended successfully: the file's logical length. */
  get size(): number {
    return this.committed;
  }

  /**
   * Appends the chunks after everything appended before; resolves when they are in the file.
   * On failure the size stays where it was (call discardFailed() to cut a partial write).
   */
  append(chunks: readonly Uint8Array[]): Promise<void> {
    this.assertOpen();
    const run = this.chain.then(() => this.appendNow(chunks));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Cuts whatever a failed append left past `size`. */
  async discardFailed(): Promise<void> {
    await this.chain;
    await pFtruncate(this.fd, this.committed);
    this.padded = false;
  }

  /** Forces the appended bytes (and the file's length) to the disk. */
  async sync(): Promise<void> {
    await this.chain;
    await this.io.fdatasync(this.fd);
  }

  /** Cuts the padding and closes; does not sync (call sync() first when it must be durable). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.chain;
    try {
      if (this.padded) await pFtruncate(this.fd, this.committed);
    } finally {
      await pClose(this.fd);
    }
  }

  private async appendNow(chunks: readonly Uint8Array[]): Promise<void> {
    let bytes = 0;
    for (const c of chunks) bytes += c.length;
    if (bytes === 0) return;
    if (this.isDirect) {
      try {
        await this.appendDirect(chunks);
        this.committed += bytes;
        return;
      } catch (e) {
        // A file system that takes O_DIRECT at open but not our alignment: go on buffered.
        if ((e as NodeJS.ErrnoException).code !== 'EINVAL') throw e;
        await this.fallBackToBuffered();
      }
    }
    const written = await this.io.writev(this.fd, chunks, this.committed);
    if (written !== bytes) throw shortWrite();
    this.committed += bytes;
  }

  private async appendDirect(chunks: readonly Uint8Array[]): Promise<void> {
    const slot = this.pool.acquire();
    const slotBytes = this.pool.slotBytes;
    try {
      slot.set(this.tail.subarray(0, this.tailBytes), 0);
      let fill = this.tailBytes;
      let at = this.committed - this.tailBytes;
      for (const c of chunks) {
        for (let off = 0; off < c.length;) {
          const n = Math.min(c.length - off, slotBytes - fill);
          slot.set(c.subarray(off, off + n), fill);
          fill += n;
          off += n;
          if (fill === slotBytes) {
            await this.writeFully(slot, slotBytes, at);
            at += slotBytes;
            fill = 0;
          }
        }
      }
      const length = roundUp(fill);
      if (length > 0) {
        slot.fill(0, fill, length);
        await this.writeFully(slot, length, at);
      }
      this.keepTail(slot, fill);
    } finally {
      this.pool.release(slot);
    }
  }

  private async writeFully(slot: Uint8Array, length: number, position: number): Promise<void> {
    if ((await this.io.write(this.fd, slot, length, position)) !== length) throw shortWrite();
  }

  /** Remembers the partial last block of `slot[0, fill)`; marks the file padded past it. */
  private keepTail(slot: Uint8Array, fill: number): void {
    const partial = fill % DIRECT_IO_ALIGN;
    if (partial > 0) this.tail.set(slot.subarray(fill - partial, fill), 0);
    this.tailBytes = partial;
    if (partial > 0) this.padded = true;
  }

  private async fallBackToBuffered(): Promise<void> {
    // Everything up to `size` is already in the file; the rest continues through the page cache.
    const fd = await pOpen(this.path, constants.O_WRONLY, 0o666);
    await pClose(this.fd).catch(() => undefined);
    this.fd = fd;
    this.isDirect = false;
    this.tailBytes = 0;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`${this.path} is closed`);
  }
}

function roundUp(n: number): number {
  return Math.ceil(n / DIRECT_IO_ALIGN) * DIRECT_IO_ALIGN;
}

function openFlags(o: AppendFileOptions): { flags: number; fallback: number } {
  const fallback = constants.O_WRONLY | constants.O_CREAT | (o.exclusive ? constants.O_EXCL : constants.O_TRUNC);
  return { flags: o.direct && O_DIRECT ? fallback | O_DIRECT : fallback, fallback };
}

/**
 * Linux creates the file before it finds that the file system refuses O_DIRECT, so after an
 * exclusive attempt failed that way the file is ours and only needs opening again.
 */
function afterFailedDirect(flags: number, fallback: number): number {
  if (flags === fallback || !(fallback & constants.O_EXCL)) return fallback;
  return (fallback & ~constants.O_EXCL) | constants.O_TRUNC;
}

function refusedDirect(e: unknown): undefined {
  if ((e as NodeJS.ErrnoException).code !== 'EINVAL') throw e;
  return undefined;
}

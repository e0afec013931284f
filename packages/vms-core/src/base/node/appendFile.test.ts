import { closeSync, constants, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIRECT_IO_ALIGN } from './alignedPool';
import { AppendFile, nodeAppendFileIo } from './appendFile';
import type { AppendFileIo } from './appendFile';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nj-append-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A deterministic pseudo-random generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function bytes(n: number, next: () => number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (next() * 256) | 0;
  return b;
}

/** Records every write, so the test can see that direct writes are aligned. */
function watchedIo(writes: { position: number; length: number }[]): AppendFileIo {
  return {
    ...nodeAppendFileIo,
    write: (fd, b, length, position) => {
      writes.push({ position, length });
      return nodeAppendFileIo.write(fd, b, length, position);
    },
  };
}

describe('AppendFile', () => {
  for (const direct of [true, false]) {
    it(`keeps exactly the appended bytes, ${direct ? 'direct' : 'buffered'}, across slot and block edges`, async () => {
      const next = rng(direct ? 7 : 11);
      const writes: { position: number; length: number }[] = [];
      const path = join(dir, 'f.bin');
      const file = AppendFile.openSync(path, { exclusive: true, direct, writeBytes: 2 * DIRECT_IO_ALIGN, io: watchedIo(writes) });
      const header = bytes(32, next);
      await file.append([header]);
      const expected: Uint8Array[] = [header];
      let total = header.length;
      for (let round = 0; round < 60; round++) {
        const chunks = Array.from({ length: 1 + Math.floor(next() * 4) }, () => bytes(Math.floor(next() * 3 * DIRECT_IO_ALIGN), next));
        await file.append(chunks);
        expected.push(...chunks);
        total += chunks.reduce((n, c) => n + c.length, 0);
        expect(file.size).toBe(total);
        // What a reader of the open file sees up to `size` is what was appended.
        expect(Buffer.from(readFileSync(path).subarray(0, total)).equals(Buffer.concat(expected))).toBe(true);
      }
      if (file.direct) {
        expect(writes.length).toBeGreaterThan(0);
        for (const w of writes) expect([w.position % DIRECT_IO_ALIGN, w.length % DIRECT_IO_ALIGN]).toEqual([0, 0]);
      } else {
        expect(writes).toEqual([]);
      }
      await file.sync();
      await file.close();
      expect(Buffer.from(readFileSync(path)).equals(Buffer.concat(expected))).toBe(true);
    });
  }

  it('writes with O_DIRECT wherever the file system takes it, and falls back only where it does not', async () => {
    const file = AppendFile.openSync(join(dir, 'd.bin'), { exclusive: true, direct: true });
    await file.close();
    const { O_DIRECT, O_WRONLY, O_CREAT } = constants as typeof constants & { O_DIRECT?: number };
    if (file.direct) {
      // Direct for real: the file system refuses an unaligned write on such a descriptor
      // (one that ignored O_DIRECT would take it), so AppendFile's alignment is what makes it work.
      const fd = openSync(join(dir, 'probe.bin'), O_WRONLY | O_CREAT | O_DIRECT!);
      try {
        expect(() => writeSync(fd, new Uint8Array(100))).toThrow(/EINVAL/);
      } finally {
        closeSync(fd);
      }
      return;
    }
    // Buffered, so this platform or file system must refuse O_DIRECT itself.
    if (O_DIRECT) expect(() => closeSync(openSync(join(dir, 'probe.bin'), O_WRONLY | O_CREAT | O_DIRECT))).toThrow(/EINVAL/);
  });

  it('refuses to replace a file when exclusive', () => {
    const path = join(dir, 'x.bin');
    return AppendFile.openSync(path, { exclusive: true, direct: true }).close().then(() => {
      expect(() => AppendFile.openSync(path, { exclusive: true, direct: true })).toThrow(/EEXIST/);
    });
  });

  it('keeps its size on a failed append, and discardFailed cuts what the failure left', async () => {
    let full = false;
    const io: AppendFileIo = {
      ...nodeAppendFileIo,
      // When "full", the first half still lands, as on a real disk, and then ENOSPC.
      write: async (fd, b, length, position) => {
        if (!full) return nodeAppendFileIo.write(fd, b, length, position);
        await nodeAppendFileIo.write(fd, b, length, position);
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      },
      writev: async (fd, b, position) => {
        if (!full) return nodeAppendFileIo.writev(fd, b, position);
        await nodeAppendFileIo.writev(fd, b, position);
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      },
    };
    const next = rng(3);
    const path = join(dir, 'full.bin');
    const file = AppendFile.openSync(path, { exclusive: true, direct: true, io });
    const kept = bytes(5000, next);
    await file.append([kept]);
    full = true;
    await expect(file.append([bytes(9000, next)])).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(file.size).toBe(5000);
    await file.discardFailed();
    expect(statSync(path).size).toBe(5000);
    await file.close();
    expect(Buffer.from(readFileSync(path)).equals(Buffer.from(kept))).toBe(true);
  });

  it('reports a short write as a full disk', async () => {
    const io: AppendFileIo = {
      ...nodeAppendFileIo,
      write: async (fd, b, length, position) => (await nodeAppendFileIo.write(fd, b, length, position)) - 1,
      writev: async (fd, b, position) => (await nodeAppendFileIo.writev(fd, b, position)) - 1,
    };
    const file = AppendFile.openSync(join(dir, 's.bin'), { exclusive: true, direct: true, io });
    await expect(file.append([new Uint8Array(100)])).rejects.toMatchObject({ code: 'ENOSPC' });
    await file.close();
  });

  it('goes on through the page cache when a direct write is refused', async () => {
    let refuse = false;
    const io: AppendFileIo = {
      ...nodeAppendFileIo,
      write: async (fd, b, length, position) => {
        if (refuse) throw Object.assign(new Error('invalid argument'), { code: 'EINVAL' });
        return nodeAppendFileIo.write(fd, b, length, position);
      },
    };
    const next = rng(5);
    const path = join(dir, 'fb.bin');
    const file = await AppendFile.open(path, { exclusive: false, direct: true, io });
    const a = bytes(6000, next);
    const b = bytes(7000, next);
    await file.append([a]);
    refuse = true;
    await file.append([b]);
    expect(file.direct).toBe(false);
    await file.close();
    expect(Buffer.from(readFileSync(path)).equals(Buffer.concat([a, b]))).toBe(true);
  });
});

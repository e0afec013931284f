import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { VmsError } from '../../../base/common/errors';
import { AppendFile } from '../../../base/node/appendFile';

/**
 * The container of a native export: a POSIX ustar archive (so `tar -xf` opens an unencrypted
 * one), whose first entry `nightjar-export.json` is always plain and says how the others are
 * stored. With a password every other entry is `nonce(12) | AES-256-GCM ciphertext | tag(16)`
 * under a key derived by scrypt from the password and the header's salt, with the entry's name
 * as associated data (entries cannot be swapped or renamed unnoticed).
 */
export const ARCHIVE_HEADER_NAME = 'nightjar-export.json';
const BLOCK = 512;
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 << 20 } as const;
const KEY_CHECK = Buffer.from('nightjar-export-key-check');

interface ArchiveHeader {
  format: 'nightjar-export';
  version: 1;
  encryption: null | { cipher: 'aes-256-gcm'; kdf: 'scrypt'; N: number; r: number; p: number; salt: string; keyCheck: string };
}

/** Each entry (header, body, padding) is one direct write of up to this much (see AppendFile). */
const WRITE_SLOT_BYTES = 8 << 20;

export class ArchiveWriter {
  private constructor(private readonly file: AppendFile, private readonly key: Buffer | undefined) {}

  static async create(path: string, o: { password?: string } = {}): Promise<ArchiveWriter> {
    let header: ArchiveHeader = { format: 'nightjar-export', version: 1, encryption: null };
    let key: Buffer | undefined;
    if (o.password !== undefined) {
      const salt = randomBytes(16);
      key = await deriveKey(o.password, salt, SCRYPT);
      const keyCheck = seal(key, 'key-check', KEY_CHECK).toString('base64');
      header = { ...header, encryption: { cipher: 'aes-256-gcm', kdf: 'scrypt', N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, salt: salt.toString('base64'), keyCheck } };
    }
    const w = new ArchiveWriter(await AppendFile.open(path, { exclusive: false, direct: true, writeBytes: WRITE_SLOT_BYTES }), key);
    await w.writeEntry(ARCHIVE_HEADER_NAME, Buffer.from(JSON.stringify(header, null, 2)));
    return w;
  }

  /** Adds one file (encrypted when the archive has a password). */
  async add(name: string, data: Uint8Array): Promise<void> {
    await this.writeEntry(name, this.key ? seal(this.key, name, data) : data);
  }

  async finish(): Promise<void> {
    await this.file.append([new Uint8Array(2 * BLOCK)]);
    await this.file.sync();
    await this.file.close();
  }

  async close(): Promise<void> {
    await this.file.close().catch(() => undefined);
  }

  private async writeEntry(name: string, body: Uint8Array): Promise<void> {
    const pad = (BLOCK - (body.length % BLOCK)) % BLOCK;
    await this.file.append(pad ? [tarHeader(name, body.length), body, new Uint8Array(pad)] : [tarHeader(name, body.length), body]);
  }
}

export class ArchiveReader {
  private constructor(
    private readonly fh: FileHandle,
    private readonly entries: Map<string, { offset: number; size: number }>,
    private readonly key: Buffer | undefined,
  ) {}

  /** Opens an export; a missing or wrong password is a clear error, before any file is read. */
  static async open(path: string, o: { password?: string } = {}): Promise<ArchiveReader> {
    const fh = await open(path, 'r');
    try {
      const entries = await listEntries(fh);
      const first = entries.get(ARCHIVE_HEADER_NAME);
      if (!first) throw new VmsError('VMS_ERR_BAD_INPUT', `${path} is not a Nightjar export`);
      const header = JSON.parse((await readAt(fh, first.offset, first.size)).toString('utf8')) as ArchiveHeader;
      let key: Buffer | undefined;
      if (header.encryption) {
        if (o.password === undefined) throw new VmsError('VMS_ERR_BAD_CREDENTIALS', 'the export is encrypted: give its password (--password)');
        const e = header.encryption;
        key = await deriveKey(o.password, Buffer.from(e.salt, 'base64'), { N: e.N, r: e.r, p: e.p, maxmem: SCRYPT.maxmem });
        if (!open_(key, 'key-check', Buffer.from(e.keyCheck, 'base64'))) throw new VmsError('VMS_ERR_BAD_CREDENTIALS', 'wrong password for this export');
      }
      return new ArchiveReader(fh, entries, key);
    } catch (e) {
      await fh.close();
      throw e;
    }
  }

  get encrypted(): boolean {
    return this.key !== undefined;
  }

  names(): string[] {
    return [...this.entries.keys()].filter((n) => n !== ARCHIVE_HEADER_NAME);
  }

  /** A file's plain bytes; undefined when it is missing or fails authentication (altered). */
  async read(name: string): Promise<Buffer | undefined> {
    const e = this.entries.get(name);
    if (!e) return undefined;
    const body = await readAt(this.fh, e.offset, e.size);
    return this.key ? open_(this.key, name, body) : body;
  }

  async close(): Promise<void> {
    await this.fh.close();
  }
}

function deriveKey(password: string, salt: Buffer, o: { N: number; r: number; p: number; maxmem: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, 32, o, (e, key) => (e ? reject(e) : resolve(key))));
}

function seal(key: Buffer, name: string, plain: Uint8Array): Buffer {
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, nonce).setAAD(Buffer.from(name));
  return Buffer.concat([nonce, c.update(plain), c.final(), c.getAuthTag()]);
}

function open_(key: Buffer, name: string, sealed: Buffer): Buffer | undefined {
  if (sealed.length < 28) return undefined;
  const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12)).setAAD(Buffer.from(name));
  d.setAuthTag(sealed.subarray(sealed.length - 16));
  try {
    return Buffer.concat([d.update(sealed.subarray(12, sealed.length - 16)), d.final()]);
  } catch {
    return undefined;
  }
}

function tarHeader(name: string, size: number): Buffer {
  if (Buffer.byteLength(name) > 100) throw new VmsError('VMS_ERR_BAD_INPUT', `archive entry name too long: ${name}`);
  const h = Buffer.alloc(BLOCK);
  const octal = (v: number, width: number) => v.toString(8).padStart(width - 1, '0') + '\0';
  h.write(name, 0);
  h.write(octal(0o644, 8), 100);
  h.write(octal(0, 8), 108);
  h.write(octal(0, 8), 116);
  h.write(octal(size, 12), 124);
  h.write(octal(0, 12), 136);
  h.write('        ', 148); // checksum is computed with its own field as spaces
  h.write('0', 156);
  h.write('ustar\0' + '00', 257, 'binary');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  return h;
}

async function listEntries(fh: FileHandle): Promise<Map<string, { offset: number; size: number }>> {
  const entries = new Map<string, { offset: number; size: number }>();
  const { size: fileSize } = await fh.stat();
  for (let at = 0; at + BLOCK <= fileSize;) {
    const h = await readAt(fh, at, BLOCK);
    if (h.every((b) => b === 0)) break;
    const name = h.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(h.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim() || '0', 8);
    if (!Number.isFinite(size) || at + BLOCK + size > fileSize) throw new VmsError('VMS_ERR_DATA_CORRUPT', `archive entry "${name}" is truncated`);
    if (entries.has(name)) throw new VmsError('VMS_ERR_DATA_CORRUPT', `archive holds "${name}" twice`);
    entries.set(name, { offset: at + BLOCK, size });
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const b = Buffer.alloc(length);
  const { bytesRead } = await fh.read(b, 0, length, position);
  if (bytesRead !== length) throw new VmsError('VMS_ERR_DATA_CORRUPT', 'archive is truncated');
  return b;
}

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { SnapshotText } from '../../shared/inventory/snapshot-source';

/** Not the system's errno: the file changed while it was being read (see fileError). */
export const FILE_CHANGED = 'WIFOX_FILE_CHANGED';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const WINDOW_BYTES = 1 << 20;

// The same few strings are looked for again and again (a newline, once per token).
const needles = new Map<string, Buffer>();
function needleOf(search: string): Buffer {
  let needle = needles.get(search);
  if (needle === undefined) {
    needle = Buffer.from(search, 'utf8');
    if (needles.size < 16) needles.set(search, needle);
  }
  return needle;
}

/*
 * A UTF-8 file as a SnapshotText, read through one window of a mebibyte that is filled again
 * wherever it is asked to look. Offsets are bytes after the byte-order mark, if any.
 *
 * Why not read the file whole: 50 MB read into a new buffer, then decoded into a new string,
 * touch 100 MB of memory fresh from the system, and on a virtual machine that alone takes
 * about 300 ms, before the first token is parsed. Read through a window it is reused, and
 * each piece decoded is a small string in memory the collector hands out again.
 *
 * Blocking reads: this is for the snapshot worker's own thread, not main's.
 * Slices are decoded on their own, so they must start and end between characters: the
 * snapshot reader cuts only at its ASCII punctuation.
 */
export class FileText implements SnapshotText {
  readonly length: number;
  private readonly window: Buffer;
  private start = 0;
  private end = 0;

  private constructor(
    private readonly fd: number,
    size: number,
    private readonly offset: number,
    windowBytes: number,
  ) {
    this.length = size - offset;
    this.window = Buffer.allocUnsafe(Math.max(16, windowBytes));
  }

  /** Throws the file system's error (with its errno `code`). */
  static open(filePath: string, windowBytes = WINDOW_BYTES): FileText {
    const fd = openSync(filePath, 'r');
    try {
      const { size } = fstatSync(fd);
      const head = Buffer.alloc(BOM.length);
      const read = readSync(fd, head, 0, head.length, 0);
      return new FileText(fd, size, read === BOM.length && head.equals(BOM) ? BOM.length : 0, windowBytes);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  // Exactly `bytes` bytes: the file is read as it was when opened, and one that is shorter now
  // was changed meanwhile (what was read of it may already be handed on).
  private readInto(buffer: Buffer, from: number, bytes: number): number {
    let done = 0;
    while (done < bytes) {
      const read = readSync(this.fd, buffer, done, bytes - done, this.offset + from + done);
      if (read === 0) throw Object.assign(new Error('The file got shorter while it was read.'), { code: FILE_CHANGED });
      done += read;
    }
    return done;
  }

  // The window from `from` on, unless it already holds [from, from + bytes).
  private load(from: number, bytes = 1): void {
    if (from >= this.start && Math.min(from + bytes, this.length) <= this.end) return;
    this.start = from;
    this.end = from + this.readInto(this.window, from, Math.min(this.window.length, this.length - from));
  }

  indexOf(search: string, from = 0): number {
    const needle = needleOf(search);
    // Windows overlap by the needle's length less one, so a match across their edge is seen.
    for (let at = Math.max(0, from); at + needle.length <= this.length; ) {
      this.load(at, needle.length);
      const found = this.window.subarray(0, this.end - this.start).indexOf(needle, at - this.start);
      if (found !== -1) return this.start + found;
      if (this.end >= this.length) return -1;
      at = this.end - needle.length + 1;
    }
    return -1;
  }

  lastIndexOf(search: string): number {
    const needle = needleOf(search);
    for (let end = this.length; end >= needle.length; ) {
      const from = Math.max(0, end - this.window.length);
      this.load(from, end - from);
      const found = this.window.subarray(0, end - this.start).lastIndexOf(needle);
      if (found !== -1) return this.start + found;
      if (from === 0) return -1;
      end = from + needle.length - 1;
    }
    return -1;
  }

  slice(start: number, end = this.length): string {
    const from = Math.max(0, Math.min(start, this.length));
    const to = Math.max(from, Math.min(end, this.length));
    if (to - from > this.window.length) {
      const whole = Buffer.allocUnsafe(to - from);
      return whole.toString('utf8', 0, this.readInto(whole, from, to - from));
    }
    this.load(from, to - from);
    return this.window.toString('utf8', from - this.start, to - this.start);
  }
}

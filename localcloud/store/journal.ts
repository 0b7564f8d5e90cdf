/**
 * The store's durable journal: one line per committed batch, `<crc32 hex> <json>\n`.
 *
 * A batch is acknowledged only after its line is written to the file, so a kill -9 loses nothing
 * that was acknowledged. A torn last line (the process died mid-write) fails its checksum and is cut
 * off on the next open. With `fsync` the line also survives a machine crash.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

export interface JournalRecord {
  seq: number;
  /** EJSON-encoded after-images: `{ c: collection, id, doc }`, `doc: null` for a removal. */
  ops: { c: string; id: string; doc: unknown }[];
}

export interface ReplayResult {
  records: JournalRecord[];
  /** Length of the intact prefix: new records are appended there. */
  validLength: number;
  /** Bytes of a torn or corrupt tail that were discarded. */
  discardedBytes: number;
}

const crcOf = (text: string): string => zlib.crc32(text).toString(16).padStart(8, '0');

export function encodeLine(record: JournalRecord): string {
  const json = JSON.stringify(record);
  return `${crcOf(json)} ${json}\n`;
}

/** Reads every intact record; stops at the first torn or corrupt line. */
export function readJournal(file: string): ReplayResult {
  if (!fs.existsSync(file)) return { records: [], validLength: 0, discardedBytes: 0 };
  const buffer = fs.readFileSync(file);
  const records: JournalRecord[] = [];
  let offset = 0;
  while (offset < buffer.length) {
    const newline = buffer.indexOf(0x0a, offset);
    if (newline < 0) break;
    const line = buffer.toString('utf8', offset, newline);
    const space = line.indexOf(' ');
    const json = line.slice(space + 1);
    if (space !== 8 || crcOf(json) !== line.slice(0, 8)) break;
    records.push(JSON.parse(json) as JournalRecord);
    offset = newline + 1;
  }
  return { records, validLength: offset, discardedBytes: buffer.length - offset };
}

export class Journal {
  private fd: number;
  private size: number;

  constructor(
    readonly file: string,
    private readonly fsync: boolean,
    validLength: number,
  ) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.fd = fs.openSync(file, fs.existsSync(file) ? 'r+' : 'w+');
    // Cut a torn tail so that new records follow the last intact one.
    fs.ftruncateSync(this.fd, validLength);
    this.size = validLength;
  }

  append(record: JournalRecord): void {
    const bytes = Buffer.from(encodeLine(record), 'utf8');
    let written = 0;
    while (written < bytes.length) {
      written += fs.writeSync(this.fd, bytes, written, bytes.length - written, this.size + written);
    }
    this.size += bytes.length;
    if (this.fsync) fs.fsyncSync(this.fd);
  }

  /** Empties the journal after a snapshot has been written. */
  truncate(): void {
    fs.ftruncateSync(this.fd, 0);
    this.size = 0;
    if (this.fsync) fs.fsyncSync(this.fd);
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

/** Writes a file atomically: a temporary file, fsync, rename. */
export function writeFileAtomic(file: string, content: string): void {
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  fs.writeSync(fd, content);
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
}

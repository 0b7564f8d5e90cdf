/**
 * The store's durable journal: one line per committed batch, `<crc32 hex> <json>\n`.
 *
 * A batch is acknowledged only after its line is written to the file, so a kill -9 loses nothing
 * that was acknowledged. A torn last line (the process died mid-write) fails its checksum and is cut
 * off on the next open; damage anywhere else stops the open (see readJournal and
 * scripts/localcloud-repair.ts). With `fsync` the line also survives a machine crash.
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
  /** Bytes of a torn final record that were discarded. */
  discardedBytes: number;
}

/** A line of the journal that is not an intact record. */
export interface DamagedLine {
  offset: number;
  length: number;
  /** 1-based line number. */
  line: number;
  /** The file ends inside this line: what a write cut short by a kill leaves. */
  unterminated: boolean;
}

export interface JournalScan {
  /** Every intact record, in file order. */
  records: { record: JournalRecord; offset: number; length: number }[];
  damaged: DamagedLine[];
  size: number;
}

const crcOf = (text: string): string => zlib.crc32(text).toString(16).padStart(8, '0');

export function encodeLine(record: JournalRecord): string {
  const json = JSON.stringify(record);
  return `${crcOf(json)} ${json}\n`;
}

function decodeLine(line: string): JournalRecord | null {
  const space = line.indexOf(' ');
  const json = line.slice(space + 1);
  if (space !== 8 || crcOf(json) !== line.slice(0, 8)) return null;
  try {
    const record = JSON.parse(json) as JournalRecord;
    return Number.isInteger(record.seq) && Array.isArray(record.ops) ? record : null;
  } catch {
    return null;
  }
}

/** Every line of the journal, intact or not (a last line without its newline counts as damaged). */
export function scanJournal(file: string): JournalScan {
  if (!fs.existsSync(file)) return { records: [], damaged: [], size: 0 };
  const buffer = fs.readFileSync(file);
  const scan: JournalScan = { records: [], damaged: [], size: buffer.length };
  for (let offset = 0, line = 1; offset < buffer.length; line++) {
    const newline = buffer.indexOf(0x0a, offset);
    const end = newline < 0 ? buffer.length : newline + 1;
    const record = newline < 0 ? null : decodeLine(buffer.toString('utf8', offset, newline));
    if (record) scan.records.push({ record, offset, length: end - offset });
    else scan.damaged.push({ offset, length: end - offset, line, unterminated: newline < 0 });
    offset = end;
  }
  return scan;
}

/** A journal damaged before its last record: opening it would lose what follows the damage. */
export class JournalDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly damage: DamagedLine,
    readonly recordsAfter: number,
  ) {
    super(
      `localcloud: the journal ${file} is damaged at byte ${damage.offset} (line ${damage.line}), and ${recordsAfter} ` +
        `intact record${recordsAfter === 1 ? '' : 's'} follow the damage. Nothing was changed and the local cloud did not start. ` +
        'Run `npm run localcloud:repair` to keep every intact record and move the damaged bytes to a side file ' +
        '(see README, "Repairing a damaged store"), or restore the folder from a copy.',
    );
  }
}

/**
 * Reads every record for replay. Only a torn final record is tolerated and cut: the file ending
 * inside a line, which is what a write cut short by a kill leaves (each record is one write ending
 * with its newline). Any other damage throws JournalDamagedError, so that no intact record, nor a
 * complete one whose bytes changed, is ever dropped silently.
 */
export function readJournal(file: string): ReplayResult {
  const scan = scanJournal(file);
  const records = scan.records.map((r) => r.record);
  const [first] = scan.damaged;
  if (!first) return { records, validLength: scan.size, discardedBytes: 0 };
  if (scan.damaged.length === 1 && first.unterminated) {
    return { records, validLength: first.offset, discardedBytes: scan.size - first.offset };
  }
  throw new JournalDamagedError(file, first, scan.records.filter((r) => r.offset > first.offset).length);
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
export function writeFileAtomic(file: string, content: string | Buffer): void {
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  for (let written = 0; written < bytes.length; ) written += fs.writeSync(fd, bytes, written, bytes.length - written);
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
}

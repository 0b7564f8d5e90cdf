/**
 * Repairs a damaged journal (`npm run localcloud:repair`): keeps every intact record, in order, and
 * moves every damaged line to a side file beside the journal, so nothing is thrown away unseen.
 *
 * Each record holds the full after-image of the documents its batch wrote, so replaying the intact
 * records leaves every document at its newest intact version; the batches of the damaged lines are
 * lost unless a later record wrote the same documents again. The side file says where each damaged
 * line was, for whoever wants to read what it held.
 */
import * as fs from 'fs';
import { scanJournal, writeFileAtomic, type DamagedLine } from './journal';

export interface RepairReport {
  kept: number;
  dropped: DamagedLine[];
  /** The side file holding the dropped bytes; null when nothing was damaged. */
  sideFile: string | null;
}

export function repairJournal(file: string, now: Date = new Date()): RepairReport {
  const scan = scanJournal(file);
  if (scan.damaged.length === 0) return { kept: scan.records.length, dropped: [], sideFile: null };
  const buffer = fs.readFileSync(file);
  const sideFile = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  const side = scan.damaged.map((d) =>
    Buffer.concat([
      Buffer.from(`# line ${d.line}, byte ${d.offset}, ${d.length} bytes\n`),
      buffer.subarray(d.offset, d.offset + d.length),
      Buffer.from(d.unterminated ? '\n' : ''),
    ]),
  );
  fs.writeFileSync(sideFile, Buffer.concat(side));
  const kept = Buffer.concat(scan.records.map((r) => buffer.subarray(r.offset, r.offset + r.length)));
  writeFileAtomic(file, kept);
  return { kept: scan.records.length, dropped: scan.damaged, sideFile };
}

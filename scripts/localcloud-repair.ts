/**
 * `npm run localcloud:repair`: when the local cloud refuses to start because its journal is damaged,
 * keeps every intact record and moves the damaged lines to a side file (localcloud/store/repair.ts).
 * Reads LOCALCLOUD_DIR like `npm start` (default .localcloud).
 */
import * as fs from 'fs';
import * as path from 'path';
import { repairJournal } from '../localcloud/store/repair';

const dir = path.resolve(process.env.LOCALCLOUD_DIR ?? path.join(__dirname, '..', '.localcloud'));
const journal = path.join(dir, 'db', 'journal.log');
if (!fs.existsSync(journal)) {
  console.log(`no journal at ${journal}: nothing to repair`);
  process.exit(0);
}
const report = repairJournal(journal);
if (!report.sideFile) {
  console.log(`${journal}: ${report.kept} records, none damaged; nothing changed`);
} else {
  console.log(`${journal}: kept ${report.kept} intact records; moved ${report.dropped.length} damaged line(s) to ${report.sideFile}:`);
  for (const d of report.dropped) console.log(`  line ${d.line} at byte ${d.offset}, ${d.length} bytes${d.unterminated ? ' (unterminated)' : ''}`);
  console.log('The batches of those lines are lost unless a later record wrote the same documents. `npm start` opens the store again.');
}

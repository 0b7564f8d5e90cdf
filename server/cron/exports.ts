/**
 * The daily job: deletes exported sheets a day after they were made (admin.export records each in
 * `exports`). Files are read only through short-lived URLs anyway; deleting them keeps member data
 * from lying in storage. A file already gone counts as deleted.
 */
import { database, sdk } from '../cloud';
import { COLLECTIONS } from '../data/collections';

const DAY_MS = 24 * 3600 * 1000;
const PAGE = 50;

export interface CleanupResult {
  job: 'exports';
  deleted: number;
}

interface ExportRecord {
  _id: string;
  fileID: string;
  createdAt: string;
}

export async function deleteOldExports(now: Date): Promise<CleanupResult> {
  const db = database();
  const before = new Date(now.getTime() - DAY_MS).toISOString();
  let deleted = 0;
  for (;;) {
    const { data } = await db.collection(COLLECTIONS.exports).where({ createdAt: db.command.lte(before) }).limit(PAGE).get();
    const records = data as ExportRecord[];
    if (records.length === 0) return { job: 'exports', deleted };
    await sdk().deleteFile({ fileList: records.map((r) => r.fileID) });
    for (const record of records) await db.collection(COLLECTIONS.exports).doc(record._id).remove();
    deleted += records.length;
  }
}

/**
 * Files are never served by file id alone: the functions hand out short-lived URLs
 * (cloud.getTempFileURL) to callers they would show the file to, and the storage rule (README, 部署)
 * keeps everyone else out. A claim read by someone it may be shown to carries URLs of its evidence
 * photos; an export answers with one for its sheet. One getTempFileURL call per 50 files, as the
 * platform allows.
 */
import { createHash } from 'crypto';
import type { Claim } from '../../typings/models';
import { DomainError } from '../../domain/errors';
import { shanghaiDate } from '../../domain/periods';
import { database, sdk } from '../cloud';
import { COLLECTIONS } from './collections';

const FILES_PER_CALL = 50;
/** Long enough to look through an inbox page, short enough that a forwarded link soon stops working. */
export const EVIDENCE_URL_SECONDS = 30 * 60;
/** An export's download link works for an hour; the file itself is deleted a day after (server/cron/exports.ts). */
const EXPORT_URL_SECONDS = 60 * 60;

export async function temporaryUrls(fileIDs: readonly string[], maxAge: number): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  const unique = [...new Set(fileIDs)];
  for (let i = 0; i < unique.length; i += FILES_PER_CALL) {
    const result = (await sdk().getTempFileURL({
      fileList: unique.slice(i, i + FILES_PER_CALL).map((fileID) => ({ fileID, maxAge })),
    })) as { fileList: { fileID: string; tempFileURL: string }[] };
    for (const file of result.fileList) {
      if (file.tempFileURL) urls.set(file.fileID, file.tempFileURL);
    }
  }
  return urls;
}

/** The claims with `evidenceUrls` (a missing file gets an empty string, so the order still matches `evidence`). */
export async function withEvidenceUrls(claims: readonly Claim[]): Promise<Claim[]> {
  const files = claims.flatMap((claim) => claim.evidence);
  if (files.length === 0) return [...claims];
  const urls = await temporaryUrls(files, EVIDENCE_URL_SECONDS);
  return claims.map((claim) => (claim.evidence.length === 0 ? claim : { ...claim, evidenceUrls: claim.evidence.map((id) => urls.get(id) ?? '') }));
}

/**
 * Stores an exported sheet (admin.export, shop.export) at `exports/<day>/<name>-<id>.xlsx`, records it
 * in `exports` for the daily job to delete, and answers its fileID and a short-lived URL. The id
 * follows from the caller, `what` they exported and the day, so the same export asked again that day
 * replaces its file and record rather than piling up copies. If the record write fails the file stays
 * until the same export is asked again that day.
 */
export async function publishExport(
  request: { openid: string | null; now: Date },
  what: readonly unknown[],
  name: string,
  file: Buffer,
): Promise<{ fileID: string; url: string }> {
  const day = shanghaiDate(request.now);
  const exportId = createHash('sha1').update(JSON.stringify([request.openid, ...what, day])).digest('hex').slice(0, 24);
  const { fileID } = await sdk().uploadFile({ cloudPath: `exports/${day}/${name}-${exportId}.xlsx`, fileContent: file });
  await database().collection(COLLECTIONS.exports).doc(exportId).set({ data: { fileID, createdAt: request.now.toISOString() } });
  const url = (await temporaryUrls([fileID], EXPORT_URL_SECONDS)).get(fileID);
  if (!url) throw new DomainError('INTERNAL', '导出文件暂时无法下载，请稍后重试');
  return { fileID, url };
}

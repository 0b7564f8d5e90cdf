/**
 * Files are never served by file id alone: the functions hand out short-lived URLs
 * (cloud.getTempFileURL) to callers they would show the file to, and the storage rule (README, 部署)
 * keeps everyone else out. A claim read by someone it may be shown to carries URLs of its evidence
 * photos; an export answers with one for its sheet. One getTempFileURL call per 50 files, as the
 * platform allows.
 */
import type { Claim } from '../../typings/models';
import { sdk } from '../cloud';

const FILES_PER_CALL = 50;
/** Long enough to look through an inbox page, short enough that a forwarded link soon stops working. */
export const EVIDENCE_URL_SECONDS = 30 * 60;

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

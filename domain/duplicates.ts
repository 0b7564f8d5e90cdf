/**
 * The same deed twice (第十四条 双人审核: reviewers must see what they approve): a line whose member,
 * item and day repeat an approved entry or a line of a pending claim carries `duplicateOf`, the id
 * of the earlier entry (first) or claim. Approving stays allowed, since two meetings of one level
 * on one day happen; the approval records who let a flagged line through.
 */
import type { ClaimLine, LedgerEntry } from '../typings/models';

export type PriorEntry = Pick<LedgerEntry, '_id' | 'memberId' | 'itemId' | 'occurredOn' | 'points' | 'reverses'>;

export interface PriorClaim {
  _id: string;
  occurredOn: string;
  lines: Pick<ClaimLine, 'memberId' | 'itemId' | 'excluded'>[];
}

const deedKey = (memberId: string, itemId: string, occurredOn: string): string => `${memberId}\u0000${itemId}\u0000${occurredOn}`;

/** `lines` (all on `occurredOn`) with `duplicateOf` set where an entry or a pending claim already has the deed. */
export function flagDuplicates<L extends Pick<ClaimLine, 'memberId' | 'itemId'> & { duplicateOf?: string }>(
  lines: readonly L[],
  occurredOn: string,
  entries: readonly PriorEntry[],
  pending: readonly PriorClaim[],
): L[] {
  // An entry that was reversed, and the reversing entries themselves, no longer count.
  const reversed = new Set(entries.filter((e) => e.reverses).map((e) => e.reverses));
  const earlier = new Map<string, string>();
  for (const e of entries) {
    if (e.reverses || reversed.has(e._id)) continue;
    const key = deedKey(e.memberId, e.itemId, e.occurredOn);
    if (!earlier.has(key)) earlier.set(key, e._id);
  }
  for (const claim of pending) {
    for (const line of claim.lines) {
      const key = deedKey(line.memberId, line.itemId, claim.occurredOn);
      if (!line.excluded && !earlier.has(key)) earlier.set(key, claim._id);
    }
  }
  return lines.map((line) => {
    const duplicateOf = earlier.get(deedKey(line.memberId, line.itemId, occurredOn));
    return duplicateOf ? { ...line, duplicateOf } : line;
  });
}

/** Indexes of the flagged lines an approval lets through (excluded lines are not posted). */
export function flaggedLines(lines: readonly Pick<ClaimLine, 'duplicateOf' | 'excluded'>[]): number[] {
  return lines.flatMap((line, i) => (line.duplicateOf && !line.excluded ? [i] : []));
}

/**
 * Corrections (SPEC §4 Ledger: entries are never edited): a wrong entry is put right by one claim
 * that, once approved under the two-person rule (第十四条), posts a reversing entry and the corrected
 * one. Lowering points is partly a reversal and needs no authority; raising discretionary points is a
 * new award of them, which the proposer's authority must cover (第十三条).
 */
import type { CatalogItem, ClaimLine, LedgerEntry } from '../typings/models';
import { assertAuthorityCovers } from './authority';
import { DomainError } from './errors';

const DISCRETIONARY_KINDS: readonly CatalogItem['kind'][] = ['range', 'discretionary', 'committee'];

/** Throws unless `entry` may be reversed or corrected by `proposerId`. */
export function assertCorrectable(entry: LedgerEntry, proposerId: string | null): void {
  if (entry.reverses) throw new DomainError('INVALID_INPUT', '冲正记录不能再冲正或更正');
  if (proposerId !== null && entry.memberId === proposerId) throw new DomainError('SELF_REVIEW', '不能冲正或更正自己的积分');
}

/** The reversing line: the entry's points taken back, from the part it counted in. */
export function reversalLine(entry: LedgerEntry): ClaimLine {
  const line: ClaimLine = { memberId: entry.memberId, memberName: entry.memberName, itemId: entry.itemId, itemName: entry.itemName, points: -entry.points };
  if (entry.component) line.component = entry.component;
  if (entry.capGroup) line.capGroup = entry.capGroup;
  if (entry.deduction) line.deduction = true;
  return line;
}

/**
 * The two lines of a correction to `points` (signed as the entry's are) and the discretionary points
 * the proposer's `authority` must cover. `item` is the entry's item in its scheme version, or null
 * when that version no longer has it.
 */
export function correctionLines(entry: LedgerEntry, points: number, item: CatalogItem | null, authority: number): { lines: ClaimLine[]; discretionary: number } {
  if (Math.sign(points) !== Math.sign(entry.points)) {
    throw new DomainError('INVALID_INPUT', `更正后的分值应与原记录一样是${entry.points > 0 ? '加分（正数）' : '扣分（负数）'}`);
  }
  if (points === entry.points) throw new DomainError('INVALID_INPUT', `更正后的分值与原记录相同（${entry.points}分），无需更正`);
  const magnitude = Math.abs(points);
  if (item?.kind === 'range' && item.range && (magnitude < item.range[0] || magnitude > item.range[1])) {
    throw new DomainError('INVALID_INPUT', `${item.name}的分值应在${item.range[0]}–${item.range[1]}分之间`);
  }
  let discretionary = 0;
  if (item && DISCRETIONARY_KINDS.includes(item.kind) && magnitude > Math.abs(entry.points)) {
    assertAuthorityCovers(authority, magnitude);
    discretionary = magnitude;
  }
  return { lines: [reversalLine(entry), { ...reversalLine(entry), points }], discretionary };
}

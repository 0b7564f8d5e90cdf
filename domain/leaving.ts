/**
 * Points and members who left (第十七条 会员积分永久有效，除非退出): no line of a member who left is
 * approved. Their own pending self-reports are closed with the reason; in a batch their lines are
 * marked and left out, so every reviewer sees it, and the rest of the batch goes on.
 */
import type { Claim, ClaimLine, Decision } from '../typings/models';
import { DomainError } from './errors';
import { claimTotal } from './points';

export const LEFT_LINE = '已退出本会，不计入（第十七条）';

export interface Actor {
  id: string;
  name: string;
}

/** Marks the lines of `leftIds` excluded; null when no line changes. */
export function excludeLeavers(lines: readonly ClaimLine[], leftIds: ReadonlySet<string>): ClaimLine[] | null {
  if (!lines.some((line) => leftIds.has(line.memberId) && !line.excluded)) return null;
  return lines.map((line) => (leftIds.has(line.memberId) && !line.excluded ? { ...line, excluded: LEFT_LINE } : line));
}

/**
 * The lines a final approval posts (第十七条): those of members who left are excluded, even when the
 * leaving came an instant before; a claim with no line left cannot be approved, only rejected.
 */
export function approvableLines(lines: readonly ClaimLine[], leftIds: ReadonlySet<string>): ClaimLine[] {
  const marked = excludeLeavers(lines, leftIds) ?? [...lines];
  // A claim without lines (an objection to an outcome, a unit's item) posts nothing and may be approved.
  if (marked.length > 0 && marked.every((line) => line.excluded)) {
    throw new DomainError('INVALID_INPUT', `${[...new Set(lines.map((l) => l.memberName))].join('、')}已退出本会，不能通过，请驳回`);
  }
  return marked;
}

/** A pending claim once `member` has left, or null when it does not concern them. */
export function afterLeaving(claim: Claim, member: { _id: string; name: string }, at: string, by: Actor): Claim | null {
  if (claim.status !== 'pending') return null;
  if (claim.kind === 'self' && claim.createdBy === member._id) {
    return closed(claim, at, by, `${member.name}已退出本会，申请关闭（第十七条）`);
  }
  const lines = excludeLeavers(claim.lines, new Set([member._id]));
  if (!lines) return null;
  if (lines.every((line) => line.excluded)) return closed({ ...claim, lines }, at, by, '获分会员均已退出本会，申请关闭（第十七条）');
  return { ...claim, lines, total: claimTotal(lines), updatedAt: at };
}

function closed(claim: Claim, at: string, by: Actor, reason: string): Claim {
  const decision: Decision = { step: claim.step ?? 'endorse', by: by.id, byName: by.name, decision: 'reject', at, reason };
  return { ...claim, status: 'rejected', step: null, waitingFor: null, routing: null, decisions: [...claim.decisions, decision], updatedAt: at };
}

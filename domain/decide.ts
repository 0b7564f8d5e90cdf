/**
 * The claim's state machine (第十四条 双人审核, 第十五条 逐级审批): a decision rejects a claim, moves
 * it from its first step to the next, or approves its last step into the ledger. Pure: the handler
 * loads the claim, the people and the next route's candidates, calls `decide`, posts the lines it
 * returns and writes the claim, all in one transaction.
 */
import type { Claim, ClaimLine, Decision, MemberRecord } from '../typings/models';
import { authorityLimit } from './authority';
import { flaggedLines } from './duplicates';
import { DomainError } from './errors';
import { approvableLines } from './leaving';
import { claimTotal, linePoints } from './points';
import { assertMayDecide, routingOf, type Route } from './routing';
import { catalogItem, type Scheme } from './scheme';

export interface DecisionInput {
  decider: MemberRecord;
  decision: 'approve' | 'reject';
  /** The endorser's value of a range item (第十五条). */
  points?: number;
  reason?: string;
  at: string;
}

export interface DecisionContext {
  /** The route of the next step once `endorser` approved the first (only asked for then). */
  nextRoute(endorser: MemberRecord, claim: Claim): Route;
  /** Recipients who left (第十七条): their lines are not approved. */
  leftIds: ReadonlySet<string>;
}

export interface Decided {
  claim: Claim;
  /** The lines to post to the ledger: only when the decision approved the last step. */
  posts: ClaimLine[] | null;
}

export function decide(claim: Claim, input: DecisionInput, scheme: Scheme, context: DecisionContext): Decided {
  if (input.decision === 'reject' && !input.reason) throw new DomainError('INVALID_INPUT', '驳回时请填写理由');
  assertMayDecide(input.decider, claim, scheme);
  const decision: Decision = { step: claim.step!, by: input.decider._id, byName: input.decider.name, decision: input.decision, at: input.at };
  if (input.reason) decision.reason = input.reason;

  let next: Claim;
  let posts: ClaimLine[] | null = null;
  if (input.decision === 'reject') {
    next = { ...claim, status: 'rejected', step: null, waitingFor: null, routing: null };
  } else if (claim.step === 'endorse') {
    const lines = endorsedLines(claim, input.points, input.decider, scheme);
    if (input.points !== undefined) decision.points = input.points;
    const endorsed = { ...claim, lines, total: claimTotal(lines), discretionary: input.points ?? claim.discretionary };
    const route = context.nextRoute(input.decider, endorsed);
    next = { ...endorsed, step: 'final', waitingFor: { memberIds: route.memberIds, label: route.label }, routing: routingOf(route) };
  } else {
    if (input.points !== undefined) throw new DomainError('INVALID_INPUT', '终审不能修改分值');
    // 第十七条: a line of a member who left is not approved; a batch goes on without it.
    const lines = approvableLines(claim.lines, context.leftIds);
    next = { ...claim, lines, total: claimTotal(lines), status: 'approved', step: null, waitingFor: null, routing: null };
    posts = lines.filter((line) => !line.excluded);
  }
  if (input.decision === 'approve' && flaggedLines(next.lines).length > 0) decision.flagged = flaggedLines(next.lines);
  return { claim: { ...next, decisions: [...claim.decisions, decision], updatedAt: input.at }, posts };
}

/**
 * The endorser may set the value of a range item within its range and their own authority
 * (第十五条); other items keep their points.
 */
function endorsedLines(claim: Claim, newPoints: number | undefined, endorser: MemberRecord, scheme: Scheme): ClaimLine[] {
  if (newPoints === undefined) return claim.lines;
  const item = catalogItem(scheme, claim.itemId);
  if (claim.kind !== 'self' || (item.kind !== 'range' && item.kind !== 'discretionary')) {
    throw new DomainError('INVALID_INPUT', '该项目的分值由办法规定，不能修改');
  }
  const { points: set } = linePoints(item, { points: newPoints }, authorityLimit(endorser, scheme));
  return claim.lines.map((line) => ({ ...line, points: set }));
}

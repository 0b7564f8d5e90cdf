/**
 * Who decides a claim (第十四条 双人审核, 第十五条 逐级审批), as pure functions over candidate members.
 * Every route is deterministic (member ids sorted) and explains itself in a Chinese label.
 */
import type { Claim, ClaimStep, Member, Position, WaitingFor } from '../typings/models';
import { authorityLimit } from './authority';
import { DomainError } from './errors';
import { BRANCH_POSITIONS, POSITION_NAMES } from './glossary';
import { levelName, type Scheme } from './scheme';

export interface Route extends WaitingFor {
  step: ClaimStep;
  /** The groups the route consulted (see ClaimRouting): a change of their holders re-routes the claim. */
  keys: string[];
  /** Final review: the position it started from, before passing anyone over. */
  from?: Position;
  /** Endorsement: whose leaders endorse. */
  leadersOf?: 'branch' | 'association';
  /** Final review: the position that reviews. */
  position?: Position;
  /** Final review: positions passed over on the way up, and why. */
  passedOver: { position: Position; reason: 'interested' | 'vacant' }[];
}

/**
 * Leaders of the association: anyone with authority who belongs to no branch, or who holds an
 * association position (会长, 副会长, 秘书长) whatever their branch.
 */
export function isAssociationLeader(member: Member, scheme: Scheme): boolean {
  if (authorityLimit(member, scheme) === 0) return false;
  return member.branchId === null || member.positions.some((p) => !BRANCH_POSITIONS.includes(p));
}

/** Leaders of a branch: its members with authority (分会领导班子, and the association's directors in it). */
export function isBranchLeader(member: Member, branchId: string, scheme: Scheme): boolean {
  return member.branchId === branchId && authorityLimit(member, scheme) > 0;
}

/**
 * Step 1 of a self-report (第十五条): leaders of the claimant's branch whose authority covers the
 * discretionary points; where none does, leaders of the association whose authority does. Members
 * without a branch go straight to the association's leaders. Never the claimant.
 */
export function endorsersFor(claimant: Member, discretionary: number, candidates: readonly Member[], scheme: Scheme): Route {
  // An endorser is useful only if someone other than the claimant and them can then give final
  // review (第十四条): the president cannot endorse the political instructor's own claim.
  let noFinalReview: DomainError | null = null;
  const finalReviewFound = (m: Member) => {
    try {
      finalReviewersFor(m, [claimant._id], candidates, scheme);
      return true;
    } catch (error) {
      if (error instanceof DomainError) noFinalReview ??= error;
      return false;
    }
  };
  const covers = (m: Member) =>
    m._id !== claimant._id && authorityLimit(m, scheme) >= Math.max(1, discretionary) && finalReviewFound(m);
  const need = discretionary > 0 ? `（奖分权限≥${discretionary}分）` : '';

  if (claimant.branchId !== null) {
    const branchId = claimant.branchId;
    const branch = candidates.filter((m) => covers(m) && isBranchLeader(m, branchId, scheme));
    if (branch.length > 0) {
      return {
        step: 'endorse',
        leadersOf: 'branch',
        memberIds: ids(branch),
        label: `${levelName(scheme, 'branch')}领导${need}`,
        keys: [leadersKey(branchId)],
        passedOver: [],
      };
    }
  }
  const association = candidates.filter((m) => covers(m) && isAssociationLeader(m, scheme));
  if (association.length > 0) {
    return {
      step: 'endorse',
      leadersOf: 'association',
      memberIds: ids(association),
      label: `${levelName(scheme, 'association')}领导${need}`,
      keys: endorsementKeys(claimant),
      passedOver: [],
    };
  }
  // Leaders whose authority covers it exist, but none has a final reviewer after them: say that.
  if (noFinalReview) throw noFinalReview;
  throw new DomainError('OVER_AUTHORITY', `没有奖分权限≥${Math.max(1, discretionary)}分的领导可以审核，请降低分值或提交会长会研究`, {
    discretionary,
  });
}

/**
 * Step 2 (第十四条): the final reviewer for the proposer's (or endorser's) authority level, never
 * the proposer nor a recipient: where that position is held only by interested or no people, the
 * next position up reviews (秘书长 → 会长 → 政治指导员).
 */
export function finalReviewersFor(
  proposer: Member,
  recipients: readonly string[],
  candidates: readonly Member[],
  scheme: Scheme,
): Route {
  return reviewersFrom(finalReviewStart(proposer, scheme), new Set([proposer._id, ...recipients]), candidates, scheme);
}

/** Committee awards (第八条, 第十三条): recorded by the secretariat, final-reviewed by the president. */
export function committeeFinalReviewersFor(
  recorder: Member,
  recipients: readonly string[],
  candidates: readonly Member[],
  scheme: Scheme,
): Route {
  return reviewersFrom(scheme.finalReview.committee, new Set([recorder._id, ...recipients]), candidates, scheme);
}

/** The final-review position for a proposer's (or endorser's) authority level (第十四条). */
export function finalReviewStart(proposer: Member, scheme: Scheme): Position {
  const level = authorityLimit(proposer, scheme);
  const table = scheme.finalReview.byAuthority;
  return (table.find((rule) => level <= rule.upTo) ?? table[table.length - 1]).position;
}

/**
 * Final reviewers from `start` up the escalation, passing over positions whose holders are all
 * interested (proposer, recipients, earlier approvers) or vacant (第十四条).
 */
export function reviewersFrom(start: Position, interested: ReadonlySet<string>, candidates: readonly Member[], scheme: Scheme): Route {
  const order = scheme.finalReview.escalation;
  const passedOver: Route['passedOver'] = [];
  for (const position of order.slice(order.indexOf(start))) {
    const holders = candidates.filter((m) => m.status === 'active' && m.positions.includes(position));
    const eligible = holders.filter((m) => !interested.has(m._id));
    if (eligible.length > 0) {
      const keys = [...passedOver.map((p) => positionKey(p.position)), positionKey(position)];
      return { step: 'final', position, from: start, memberIds: ids(eligible), label: finalLabel(position, passedOver), keys, passedOver };
    }
    passedOver.push({ position, reason: holders.length > 0 ? 'interested' : 'vacant' });
  }
  const names = passedOver.map((p) => POSITION_NAMES[p.position]).join('、');
  if (passedOver.some((p) => p.reason === 'interested')) {
    throw new DomainError('SELF_REVIEW', `没有可以终审的人：${names}均为当事人或空缺，请提交会长会研究`, { passedOver });
  }
  throw new DomainError('FORBIDDEN', `没有可以终审的人：${names}均空缺，请联系秘书处`, { passedOver });
}

function finalLabel(position: Position, passedOver: Route['passedOver']): string {
  if (passedOver.length === 0) return POSITION_NAMES[position];
  const why = passedOver.map((p) => `${POSITION_NAMES[p.position]}${p.reason === 'interested' ? '回避' : '空缺'}`).join('，');
  return `${POSITION_NAMES[position]}（${why}，逐级上报）`;
}

function ids(members: readonly Member[]): string[] {
  return members.map((m) => m._id).sort();
}

export type DecidableClaim = Pick<Claim, 'status' | 'step' | 'waitingFor' | 'lines' | 'createdBy' | 'decisions' | 'discretionary'>;

/**
 * Why `member` may not decide `claim` at its current step, or null where they may. Nobody decides
 * points of their own, a claim they submitted or proposed, or a claim they already decided at an
 * earlier step (第十四条: two different people besides the recipient).
 */
export function decisionRefusal(member: Member, claim: DecidableClaim, scheme: Scheme): DomainError | null {
  if (claim.status !== 'pending' || claim.step === null || claim.waitingFor === null) {
    return new DomainError('CONFLICT', '该申请已处理', { status: claim.status });
  }
  if (member.status !== 'active') return new DomainError('FORBIDDEN', '您已不是在册会员，不能审批');
  if (claim.lines.some((line) => line.memberId === member._id)) {
    return new DomainError('SELF_REVIEW', '不能审批自己的积分');
  }
  if (claim.createdBy === member._id) return new DomainError('SELF_REVIEW', '不能审批自己提出的申请');
  if (claim.decisions.some((d) => d.by === member._id && d.decision === 'approve')) {
    return new DomainError('SELF_REVIEW', '同一申请须由两个不同的人审核');
  }
  // A leader whose limit is too small hears why, rather than only that someone else decides (第十三条).
  const authority = authorityLimit(member, scheme);
  if (claim.step === 'endorse' && authority < claim.discretionary) {
    return new DomainError('OVER_AUTHORITY', `超出奖分权限：本次需要${claim.discretionary}分权限，您的权限为${authority}分`);
  }
  if (claim.waitingFor.memberIds.length === 0) return new DomainError('FORBIDDEN', claim.waitingFor.label);
  if (!claim.waitingFor.memberIds.includes(member._id)) {
    return new DomainError('FORBIDDEN', `该申请等待${claim.waitingFor.label}审批`);
  }
  return null;
}

/** Routing groups: the holders of an escalation position, and the leaders of a branch or of the association. */
export const positionKey = (position: Position): string => `pos:${position}`;
export const leadersKey = (branchId: string | null): string => `lead:${branchId ?? 'association'}`;

/** The groups a self-report's endorsement consults: the claimant's branch leaders, then the association's. */
export function endorsementKeys(claimant: Pick<Member, 'branchId'>): string[] {
  return claimant.branchId === null ? [leadersKey(null)] : [leadersKey(claimant.branchId), leadersKey(null)];
}

/** The routing groups a member belongs to now: whose claims may change route when they change. */
export function routingKeys(member: Member, scheme: Scheme): string[] {
  if (member.status !== 'active') return [];
  const keys = scheme.finalReview.escalation.filter((p) => member.positions.includes(p)).map(positionKey);
  if (member.branchId !== null && isBranchLeader(member, member.branchId, scheme)) keys.push(leadersKey(member.branchId));
  if (isAssociationLeader(member, scheme)) keys.push(leadersKey(null));
  return keys;
}

export function mayDecide(member: Member, claim: DecidableClaim, scheme: Scheme): boolean {
  return decisionRefusal(member, claim, scheme) === null;
}

export function assertMayDecide(member: Member, claim: DecidableClaim, scheme: Scheme): void {
  const refusal = decisionRefusal(member, claim, scheme);
  if (refusal) throw refusal;
}

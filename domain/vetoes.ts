/**
 * 一票否决 and the disqualifications that work like it (seeds/001 篇二十一: 触犯刑律… 该党员当年积分归零;
 * 篇一 三、4: 六个月无正当理由不交纳党费, 当年受到党政纪处分 直接视作不合格; 篇十六 (二): the 支部考评小组
 * 认定). A veto is proposed for a member and a cycle by whoever records or signs for the member's unit,
 * decided under the template's `veto` chain, and once approved it is in force for that cycle: the
 * cycle's row is drafted with it. Readings: docs/rules.md X1–X9. Pure: the shell loads and writes.
 */
import type { Veto } from '../typings/api';
import type { Claim, MemberRecord } from '../typings/models';
import { periodKeyOf, periodRange, type CalendarDef } from './calendar';
import { DomainError } from './errors';
import { holdsRight, type OrganisationDef } from './organisation';
import type { VetoCondition } from './outcomes';
import { shanghaiDate } from './periods';
import type { Publication } from './publication';
import { unitWord, type Scheme } from './scheme';

/** A veto in force is filed by cycle and member: one per member and cycle. */
export const vetoId = (key: string, memberId: string): string => `${key}:${memberId}`;

/** The claims proposing a veto for a member and cycle are `veto-<key>-<memberId>-<n>`, n counting earlier ones rejected. */
export const vetoClaimId = (key: string, memberId: string, n: number): string => `veto-${key}-${memberId}-${n}`;

/** The conditions of the template; refused where it keeps no veto (no conditions, or no chain to decide them). */
export function vetoConditions(scheme: Scheme): VetoCondition[] {
  const conditions = scheme.outcomes?.vetoes ?? [];
  if (conditions.length === 0 || !scheme.review.chains.veto?.length) throw new DomainError('INVALID_INPUT', '本方案没有一票否决');
  return conditions;
}

export function conditionOf(scheme: Scheme, id: string): VetoCondition {
  const conditions = vetoConditions(scheme);
  const found = conditions.find((c) => c.id === id);
  if (!found) throw new DomainError('INVALID_INPUT', `没有一票否决条件“${id}”，本方案的条件为：${conditions.map((c) => c.name).join('、')}`);
  return found;
}

/**
 * The period a veto is in force for (X, S14): the template's cycle, or the calendar year where points
 * are permanent (a village's 一票否决 bars redemption 在规定期限内: that year).
 */
export function vetoPeriod(calendar: CalendarDef): 'cycle' | 'year' {
  return calendar.cycle.kind === 'annual' ? 'cycle' : 'year';
}

/** The key of the veto in force on `today` ('YYYY-MM-DD'): the cycle's or the year's. */
export function vetoKeyOn(today: string, calendar: CalendarDef): string {
  return periodKeyOf(vetoPeriod(calendar), today, calendar);
}

/** Who proposes a veto for a member of `unitId`: a holder of 'record' or 'sign' there (记分员, 支部书记, a root signer). */
export function mayProposeVeto(member: MemberRecord | null, unitId: string, organisation: OrganisationDef): boolean {
  if (!member || member.status !== 'active') return false;
  return holdsRight(member, 'record', organisation, unitId) || holdsRight(member, 'sign', organisation, unitId);
}

/** Who reads a unit's vetoes (ROOT: every unit's): a holder of 'read' or 'sign' there; root readers read every unit. */
export function readsVetoes(member: MemberRecord | null, unitId: string, organisation: OrganisationDef): boolean {
  if (!member || member.status !== 'active') return false;
  return holdsRight(member, 'read', organisation, unitId) || holdsRight(member, 'sign', organisation, unitId);
}

/**
 * The cycle a veto is for: a cycle of the template that has begun (a veto is about conduct in it),
 * and whose outcome is not final for the member's unit (`publications`: the unit's own and the
 * organisation's). After the cycle ended and before it is final, a veto still counts (X5, X6).
 */
export function assertVetoCycle(key: string, now: Date, calendar: CalendarDef, publications: readonly (Publication | null)[]): void {
  if (!/^\d{4}$/.test(key)) throw new DomainError('INVALID_INPUT', '考核年度应为四位年份，如 2026');
  const { from } = periodRange(vetoPeriod(calendar), key, calendar);
  if (from > shanghaiDate(now)) throw new DomainError('OUT_OF_WINDOW', `${key} 年度尚未开始，不能一票否决`);
  if (publications.some((p) => p?.state === 'final')) throw new DomainError('OUT_OF_WINDOW', `${key} 年度考评已确定，不能再一票否决`);
}

/** The member a veto is proposed for must be on the roll: rows are drafted for active accounts only. */
export function assertVetoable(member: MemberRecord | null, scheme: Scheme): MemberRecord {
  if (!member) throw new DomainError('NOT_FOUND', `没有这名${scheme.words.member}`);
  if (member.status !== 'active') throw new DomainError('INVALID_INPUT', `${member.name}已不是在册${scheme.words.member}，不参加考评`);
  return member;
}

/** Who may not propose a veto for `unitId`, in words. */
export function proposalRefusal(scheme: Scheme): DomainError {
  return new DomainError('FORBIDDEN', `只有本${unitWord(scheme)}的记分、签字负责人或秘书处可以提出一票否决`);
}

/** An earlier proposal found under the next claim id: pending or approved, a new one is refused (X3). */
export function assertNoOpenVeto(earlier: Pick<Claim, 'status' | 'createdByName' | 'waitingFor'>, name: string, key: string): void {
  if (earlier.status === 'pending') {
    throw new DomainError('CONFLICT', `${name} ${key} 年度已有待决定的一票否决（${earlier.createdByName}提出，等待${earlier.waitingFor?.label ?? '决定'}）`);
  }
  if (earlier.status === 'approved') throw new DomainError('CONFLICT', `${name} ${key} 年度已被一票否决`);
}

/** Finalizing waits for every veto proposed for the unit's members in that cycle to be decided (X6). */
export function assertNoPendingVetoes(pending: number): void {
  if (pending > 0) throw new DomainError('CONFLICT', `还有 ${pending} 项一票否决未决定，决定后才能确定`);
}

/** The veto an approved claim puts in force (claim.decide, in the decision's transaction). */
export function vetoOfClaim(claim: Claim, member: Pick<MemberRecord, '_id' | 'name' | 'branchId'>, decider: { id: string; name: string }, at: string): Veto {
  const proposed = claim.veto;
  if (!proposed) throw new DomainError('INTERNAL', 'the claim proposes no veto');
  return {
    _id: vetoId(proposed.key, proposed.memberId),
    memberId: member._id,
    memberName: member.name,
    branchId: member.branchId,
    key: proposed.key,
    condition: proposed.condition,
    conditionName: proposed.conditionName,
    effect: proposed.effect,
    reason: claim.note,
    claimId: claim._id,
    proposedBy: { id: claim.createdBy, name: claim.createdByName },
    decidedBy: decider,
    decidedAt: at,
  };
}

/** The flag a veto that sets the score to 0 leaves on the row (篇二十一: 积分归零). */
export const zeroFlag = (veto: Pick<Veto, 'conditionName'>): string => `一票否决（${veto.conditionName}）：本年度积分归零`;

/** What the grading is told of a member failed whatever the score (grades.ts `disqualifiedBy`). */
export const disqualification = (veto: Pick<Veto, 'conditionName' | 'effect'>): string => (veto.effect === 'zero' ? `一票否决（${veto.conditionName}）` : veto.conditionName);

/** Whether a veto takes the row's grade: 'bar' keeps earning and grading, and only bars redemption (H19). */
export const disqualifies = (veto: Pick<Veto, 'effect'>): boolean => veto.effect !== 'bar';

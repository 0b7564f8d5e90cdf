/**
 * Per-account running totals (SPEC §4 Ledger and tallies; SCHEMES.md §2 Tally): one tally per
 * account and period key (all time, and each period the template's calendar keeps, by occurredOn in
 * Asia/Shanghai), updated with each ledger entry (posting.ts). A new cycle is a new key, so nothing
 * is ever reset. A tally carries the account's attributes the boards filter on, so a board is one
 * query over tallies.
 */
import type { BoardScope, Period } from '../typings/api';
import type { MemberRecord, MemberStatus } from '../typings/models';
import { assertPeriodKey, currentPeriodKey, effectivePeriod, tallyKeyOf, type TallyKey } from './calendar';
import { DomainError } from './errors';
import type { TallyFigures } from './posting';
import type { Scheme } from './scheme';

export type { TallyKey } from './calendar';

/** 第十六条 为会长和会员设立独立的排名. */
export type RankingGroup = 'leaders' | 'members';

export interface TallyAttributes {
  name: string;
  branchId: string | null;
  branchName: string | null;
  category: string | null;
  group: RankingGroup;
  profession: string | null;
  socialRoles: string[];
  status: MemberStatus;
}

/** A tally document. */
export interface Tally extends TallyAttributes, TallyFigures {
  _id: string;
  memberId: string;
  key: TallyKey;
}

/** Tally document id: one document per account and key, so an update never needs a query. */
export function tallyId(memberId: string, key: TallyKey): string {
  return `${memberId}:${key}`;
}

/**
 * The board asked for (ranking.get): its period key (defaulting to the current one in Shanghai) and
 * the tally key it reads. A period the template does not keep has no board; a permanent template's
 * cycle is all time (SCHEMES.md §3 Boards).
 */
export function boardPeriod(period: Period, key: string | undefined, now: Date, scheme: Scheme): { key: string; tallyKey: TallyKey } {
  const kept = effectivePeriod(period, scheme.calendar);
  if (kept !== 'all' && !scheme.calendar.periods.some((p) => effectivePeriod(p, scheme.calendar) === kept)) {
    throw new DomainError('INVALID_INPUT', '本方案没有这种期间的排行');
  }
  const periodKey = kept === 'all' ? 'all' : assertPeriodKey(kept, key ?? currentPeriodKey(kept, now, scheme.calendar));
  return { key: periodKey, tallyKey: tallyKeyOf(kept, periodKey) };
}

/** Whether a board ranks by score: the cycle of a template with a composition (SCHEMES.md §3 Scores). */
export function ranksByScore(tallyKey: TallyKey, scheme: Scheme): boolean {
  return Boolean(scheme.composition) && scheme.calendar.cycle.kind === 'annual' && tallyKey.startsWith('c:');
}

/** Leaders are the categories the scheme ranks apart (荆门: 会长会成员); everyone else ranks as a member. */
export function rankingGroup(member: Pick<MemberRecord, 'category'>, scheme: Scheme): RankingGroup {
  const category = scheme.organisation.categories.find((c) => c.id === member.category);
  return category?.rankedApart ? 'leaders' : 'members';
}

export function tallyAttributes(member: MemberRecord, scheme: Scheme): TallyAttributes {
  return {
    name: member.name,
    branchId: member.branchId,
    branchName: member.branchName,
    category: member.category,
    group: rankingGroup(member, scheme),
    profession: member.profession,
    socialRoles: [...member.socialRoles],
    status: member.status,
  };
}

/** A tally of a member under `key` with these figures. */
export function newTally(member: MemberRecord, key: TallyKey, figures: TallyFigures, scheme: Scheme): Tally {
  return { _id: tallyId(member._id, key), memberId: member._id, key, ...figures, ...tallyAttributes(member, scheme) };
}

/** The category a board scope asks for, by either of its names. */
export function scopeCategory(scope: BoardScope): string | undefined {
  return scope.category ?? scope.tier;
}

/** Whether a tally is on a board of this scope; members who left are on no board (第十七条). */
export function inScope(tally: TallyAttributes, scope: BoardScope = {}): boolean {
  const category = scopeCategory(scope);
  return (
    tally.status === 'active' &&
    (scope.branchId === undefined || tally.branchId === scope.branchId) &&
    (scope.group === undefined || tally.group === scope.group) &&
    (category === undefined || tally.category === category) &&
    (scope.profession === undefined || tally.profession === scope.profession) &&
    (scope.socialRole === undefined || tally.socialRoles.includes(scope.socialRole))
  );
}

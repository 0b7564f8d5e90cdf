/**
 * Per-member running totals (SPEC §4 Ledger and tallies): one tally per member for all time, each
 * year and each month of occurredOn (Asia/Shanghai calendar days), updated with each ledger entry.
 * A tally carries the member attributes the boards filter on, so a board is one query over tallies.
 */
import type { BoardScope, Period } from '../typings/api';
import type { Member, MemberStatus, Tier } from '../typings/models';
import { DomainError } from './errors';
import { currentMonthKey, currentYearKey, isMonthKey, isYearKey, monthKeyOf, yearKeyOf } from './periods';
import type { Scheme } from './scheme';

export type TallyKey = 'all' | `y:${string}` | `m:${string}`;

/** 第十六条 为会长和会员设立独立的排名. */
export type RankingGroup = 'leaders' | 'members';

export interface TallyAttributes {
  name: string;
  branchId: string | null;
  branchName: string | null;
  tier: Tier | null;
  group: RankingGroup;
  profession: string | null;
  socialRoles: string[];
  status: MemberStatus;
}

/** A tally document. */
export interface Tally extends TallyAttributes {
  _id: string;
  memberId: string;
  key: TallyKey;
  total: number;
}

/** The tallies an entry on `occurredOn` adds to: all time, its year, its month. */
export function tallyKeys(occurredOn: string): [TallyKey, TallyKey, TallyKey] {
  return ['all', `y:${yearKeyOf(occurredOn)}`, `m:${monthKeyOf(occurredOn)}`];
}

/** Tally document id: one document per member and key, so an update never needs a query. */
export function tallyId(memberId: string, key: TallyKey): string {
  return `${memberId}:${key}`;
}

/**
 * The board asked for (ranking.get): its period key ('YYYY-MM', 'YYYY' or 'all', defaulting to the
 * current month or year in Shanghai) and the tally key it reads.
 */
export function boardPeriod(period: Period, key: string | undefined, now: Date): { key: string; tallyKey: TallyKey } {
  switch (period) {
    case 'all':
      return { key: 'all', tallyKey: 'all' };
    case 'year': {
      const year = key ?? currentYearKey(now);
      if (!isYearKey(year)) throw new DomainError('INVALID_INPUT', `年份无效：${year}（应为 YYYY）`);
      return { key: year, tallyKey: `y:${year}` };
    }
    case 'month': {
      const month = key ?? currentMonthKey(now);
      if (!isMonthKey(month)) throw new DomainError('INVALID_INPUT', `月份无效：${month}（应为 YYYY-MM）`);
      return { key: month, tallyKey: `m:${month}` };
    }
  }
}

/** Leaders are the tiers the scheme ranks apart (荆门: 会长会成员); everyone else ranks as a member. */
export function rankingGroup(member: Pick<Member, 'tier'>, scheme: Scheme): RankingGroup {
  return member.tier !== null && scheme.ranking.leaderTiers.includes(member.tier) ? 'leaders' : 'members';
}

export function tallyAttributes(member: Member, scheme: Scheme): TallyAttributes {
  return {
    name: member.name,
    branchId: member.branchId,
    branchName: member.branchName,
    tier: member.tier,
    group: rankingGroup(member, scheme),
    profession: member.profession,
    socialRoles: [...member.socialRoles],
    status: member.status,
  };
}

/** A fresh tally for a member's first entry under `key`. */
export function newTally(member: Member, key: TallyKey, total: number, scheme: Scheme): Tally {
  return { _id: tallyId(member._id, key), memberId: member._id, key, total, ...tallyAttributes(member, scheme) };
}

/** Whether a tally is on a board of this scope; members who left are on no board (第十七条). */
export function inScope(tally: TallyAttributes, scope: BoardScope = {}): boolean {
  return (
    tally.status === 'active' &&
    (scope.branchId === undefined || tally.branchId === scope.branchId) &&
    (scope.group === undefined || tally.group === scope.group) &&
    (scope.tier === undefined || tally.tier === scope.tier) &&
    (scope.profession === undefined || tally.profession === scope.profession) &&
    (scope.socialRole === undefined || tally.socialRoles.includes(scope.socialRole))
  );
}

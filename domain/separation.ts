/**
 * 六、4 (seeds/004 第一篇): 个人积分为零或负分时，个人应申请自动离职，或申请一次不离职的机会. At the end
 * of a month HR lists the active accounts whose all-time total (积分终身有效, 三、3) stands at or below
 * the template's line, and records the one reprieve a person may be given (docs/rules.md E13–E16).
 */
import type { Reprieve } from '../typings/models';
import { tallyKeyOf, type TallyKey } from './calendar';
import { DomainError } from './errors';
import { currentMonthKey, isMonthKey, nextMonth } from './periods';
import type { SeparationDef } from './scheme';
import { roundPoints } from './composition';

export function separationOf(scheme: { separation?: SeparationDef }): SeparationDef {
  if (!scheme.separation) throw new DomainError('INVALID_INPUT', '本方案没有零分、负分名单');
  return scheme.separation;
}

/** Only an ended month has an end to list at. */
export function assertEndedMonth(month: string, now: Date): void {
  if (!isMonthKey(month)) throw new DomainError('INVALID_INPUT', '月份格式应为 YYYY-MM');
  if (month >= currentMonthKey(now)) throw new DomainError('INVALID_INPUT', `${month} 尚未结束，月末积分还不能确定`);
}

/**
 * The tallies whose totals make an account's total at the end of `month`: all time, less each month
 * after it up to the current one (no entry is dated in the future).
 */
export function monthEndKeys(month: string, now: Date): { all: TallyKey; later: TallyKey[] } {
  const later: TallyKey[] = [];
  for (let m = nextMonth(month); m <= currentMonthKey(now); m = nextMonth(m)) later.push(tallyKeyOf('month', m));
  return { all: tallyKeyOf('all', 'all'), later };
}

/** Each account's total at the month's end from its tallies of `monthEndKeys` (accounts without any: 0). */
export function monthEndTotals(tallies: readonly { memberId: string; key: TallyKey; total: number }[], keys: { all: TallyKey; later: TallyKey[] }): Map<string, number> {
  const later = new Set(keys.later);
  const totals = new Map<string, number>();
  for (const tally of tallies) {
    const sign = tally.key === keys.all ? 1 : later.has(tally.key) ? -1 : 0;
    totals.set(tally.memberId, roundPoints((totals.get(tally.memberId) ?? 0) + sign * tally.total));
  }
  return totals;
}

export function isListed(total: number, def: SeparationDef): boolean {
  return total <= def.atOrBelow;
}

/**
 * Why a reprieve may not be recorded: the person was not listed at that month's end, or has used
 * the reprieves they had (一次不离职的机会); null where it may.
 */
export function reprieveRefusal(name: string, month: string, total: number, given: readonly Reprieve[], def: SeparationDef): DomainError | null {
  if (!isListed(total, def)) {
    return new DomainError('INVALID_INPUT', `${name} ${month} 月末积分为 ${total} 分，不在零分或负分名单上，无须申请不离职的机会`, { total });
  }
  const last = given.at(-1);
  if (given.length >= def.reprieves && last) {
    return new DomainError('CONFLICT', `${name}已于 ${last.month} 用过一次不离职的机会（六、4），不能再次申请`, { reprieve: last._id });
  }
  if (given.length >= def.reprieves) return new DomainError('FORBIDDEN', '本方案没有不离职的机会');
  return null;
}

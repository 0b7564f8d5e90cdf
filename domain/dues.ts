/**
 * 第五条 职务积分 from a dues record: the annual points per dues-year, the monthly points from the
 * payment month inclusive, and the bonus for paying a whole term at once. Every entry has a
 * deterministic key, so recording a payment and the monthly timer job can both credit a month and
 * it is credited once.
 */
import type { DuesRecord } from '../typings/models';
import { DomainError } from './errors';
import { addMonths, assertCalendarDate, daysBetween, duesMonths, firstDayOf, shanghaiDate } from './periods';
import type { DuesTable, Scheme } from './scheme';

export type DuesPayment = Pick<DuesRecord, '_id' | 'paidOn' | 'years' | 'tier'>;

export interface DuesEntry {
  /** Idempotency key: `${duesId}:annual:YYYY-MM`, `${duesId}:monthly:YYYY-MM` or `${duesId}:term_bonus`. */
  key: string;
  itemId: string;
  points: number;
  /** paidOn for what falls in the payment month, else the first day of the month. */
  occurredOn: string;
  /** The month the entry belongs to, 'YYYY-MM'. */
  month: string;
}

/** First and last month covered (DuesRecord.fromMonth / toMonth). */
export function duesCoverage(paidOn: string, years: number): { fromMonth: string; toMonth: string } {
  const months = duesMonths(assertCalendarDate(paidOn), assertYears(years));
  return { fromMonth: months[0], toMonth: months[months.length - 1] };
}

/** Dues cannot be recorded as paid in the future (Shanghai calendar). */
export function assertPaidOn(paidOn: string, now: Date): void {
  if (daysBetween(assertCalendarDate(paidOn), shanghaiDate(now)) < 0) {
    throw new DomainError('INVALID_INPUT', '缴费日期不能晚于今天', { paidOn });
  }
}

/** Every entry the payment will ever produce, in month order. */
export function duesEntries(dues: DuesPayment, scheme: Scheme): DuesEntry[] {
  const table = duesTable(scheme);
  const tier = assertTier(dues.tier, table);
  const months = duesMonths(assertCalendarDate(dues.paidOn), assertYears(dues.years));
  const paymentMonth = months[0];
  const occurredOn = (month: string) => (month === paymentMonth ? dues.paidOn : firstDayOf(month));
  const entries: DuesEntry[] = [];

  months.forEach((month, i) => {
    // Dues-year k starts 12 × (k − 1) months after the payment month (第五条 1: 每年).
    if (i % 12 === 0) {
      entries.push({ key: `${dues._id}:annual:${month}`, itemId: table.items.annual, points: table.annual[tier], occurredOn: occurredOn(month), month });
    }
    if (i === 0 && dues.years === table.termBonus.years) {
      // 第五条 3: 一次性缴纳每届会费, credited with the payment.
      entries.push({ key: `${dues._id}:term_bonus`, itemId: table.items.termBonus, points: table.termBonus.points, occurredOn: dues.paidOn, month });
    }
    // 第五条 2: 从缴纳会费当月开始计算月度职务积分.
    entries.push({ key: `${dues._id}:monthly:${month}`, itemId: table.items.monthly, points: table.monthly[tier], occurredOn: occurredOn(month), month });
  });
  return entries.filter((e) => e.points !== 0);
}

/** Entries due up to and including `month`: what recording a past payment credits at once. */
export function duesEntriesThrough(dues: DuesPayment, month: string, scheme: Scheme): DuesEntry[] {
  const last = addMonths(month, 0); // validates the key
  return duesEntries(dues, scheme).filter((e) => e.month <= last);
}

/** Entries of exactly `month`: what the monthly timer job credits. */
export function duesEntriesInMonth(dues: DuesPayment, month: string, scheme: Scheme): DuesEntry[] {
  const only = addMonths(month, 0);
  return duesEntries(dues, scheme).filter((e) => e.month === only);
}

/** Whether the payment covers `month` (for the monthly job's query and checks). */
export function duesCovers(dues: Pick<DuesRecord, 'paidOn' | 'years'>, month: string): boolean {
  const { fromMonth, toMonth } = duesCoverage(dues.paidOn, dues.years);
  const key = addMonths(month, 0);
  return fromMonth <= key && key <= toMonth;
}

function duesTable(scheme: Scheme): DuesTable {
  if (!scheme.dues) throw new DomainError('FORBIDDEN', '当前积分方案没有职务积分');
  return scheme.dues;
}

/** The payer's category must have a row in the dues table (第五条). */
function assertTier(tier: string | null | undefined, table: DuesTable): string {
  if (!tier || table.annual[tier] === undefined || table.monthly[tier] === undefined) {
    throw new DomainError('INVALID_INPUT', '该人员没有会费档次，不能记录会费');
  }
  return tier;
}

function assertYears(years: number): number {
  if (!Number.isSafeInteger(years) || years < 1) throw new DomainError('INVALID_INPUT', '缴费年数无效');
  return years;
}

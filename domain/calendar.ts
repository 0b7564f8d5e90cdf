/**
 * A template's calendar (SCHEMES.md §2 Calendar): whether points are permanent or assessed in
 * cycles, which periods the tallies keep and the boards offer, and how their keys are written.
 *
 * Keys: month 'YYYY-MM', quarter 'YYYY-Qn', half 'YYYY-Hn', year 'YYYY', cycle 'YYYY' (the year the
 * cycle starts in: a cycle from 七一 2026 to 七一 2027 is '2026'), all 'all'. A permanent template's
 * cycle is all time. Periods are calendar periods in Asia/Shanghai, by an entry's occurredOn.
 */
import { DomainError } from './errors';
import { addMonths, assertCalendarDate, isCalendarDate, shanghaiDate } from './periods';

export type Period = 'month' | 'quarter' | 'half' | 'year' | 'cycle' | 'all';
export const PERIODS: readonly Period[] = ['month', 'quarter', 'half', 'year', 'cycle', 'all'];

export type Cycle = { kind: 'permanent' } | { kind: 'annual'; startMonth: number };

export interface CalendarDef {
  cycle: Cycle;
  /** The periods whose tallies are kept and whose boards are offered ('all' is always kept). */
  periods: Period[];
}

/** Tally key of a period: 'all', 'c:2026', 'y:2026', 'h:2026-H1', 'q:2026-Q3', 'm:2026-07'. */
export type TallyKey = string;

const PREFIX: Record<Exclude<Period, 'all'>, string> = { month: 'm', quarter: 'q', half: 'h', year: 'y', cycle: 'c' };
const PATTERN: Record<Exclude<Period, 'all'>, RegExp> = {
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  quarter: /^\d{4}-Q[1-4]$/,
  half: /^\d{4}-H[12]$/,
  year: /^\d{4}$/,
  cycle: /^\d{4}$/,
};
const FORMAT: Record<Exclude<Period, 'all'>, string> = {
  month: 'YYYY-MM',
  quarter: 'YYYY-Qn',
  half: 'YYYY-Hn',
  year: 'YYYY',
  cycle: 'YYYY',
};
const KEY_NAMES: Record<Exclude<Period, 'all'>, string> = { month: '月份', quarter: '季度', half: '半年', year: '年份', cycle: '考核周期' };
export const PERIOD_NAMES: Record<Period, string> = { month: '月', quarter: '季度', half: '半年', year: '年度', cycle: '考核周期', all: '累计' };

/** A permanent template's cycle is all time (SCHEMES.md §3 Boards). */
export function effectivePeriod(period: Period, calendar: CalendarDef): Period {
  return period === 'cycle' && calendar.cycle.kind === 'permanent' ? 'all' : period;
}

/** The key of the period of `period` that contains the calendar date `date`. */
export function periodKeyOf(period: Period, date: string, calendar: CalendarDef): string {
  assertCalendarDate(date);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (effectivePeriod(period, calendar)) {
    case 'month':
      return date.slice(0, 7);
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'half':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case 'year':
      return String(year);
    case 'cycle': {
      const start = (calendar.cycle as { startMonth: number }).startMonth;
      return String(month >= start ? year : year - 1);
    }
    case 'all':
      return 'all';
  }
}

export function tallyKeyOf(period: Period, key: string): TallyKey {
  return period === 'all' ? 'all' : `${PREFIX[period]}:${key}`;
}

/** The tallies an entry on `occurredOn` adds to: all time, and every period the calendar keeps, longest first. */
export function tallyKeysOf(occurredOn: string, calendar: CalendarDef): TallyKey[] {
  const periods = new Set<Period>([...calendar.periods.map((p) => effectivePeriod(p, calendar)), 'all']);
  return [...PERIODS].reverse().filter((p) => periods.has(p)).map((p) => tallyKeyOf(p, periodKeyOf(p, occurredOn, calendar)));
}

/** Validates a key the caller gave for `period`; INVALID_INPUT naming the expected form. */
export function assertPeriodKey(period: Period, key: string): string {
  if (period === 'all') return 'all';
  if (!PATTERN[period].test(key)) {
    throw new DomainError('INVALID_INPUT', `${KEY_NAMES[period]}无效：${key}（应为 ${FORMAT[period]}）`);
  }
  return key;
}

/** The current key of a period at `now` (Shanghai), for boards asked without a key. */
export function currentPeriodKey(period: Period, now: Date, calendar: CalendarDef): string {
  return periodKeyOf(period, shanghaiDate(now), calendar);
}

/** First and last calendar day of a period, inclusive. */
export function periodRange(period: Period, key: string, calendar: CalendarDef): { from: string; to: string } {
  const p = effectivePeriod(period, calendar);
  if (p === 'all') return { from: '0001-01-01', to: '9999-12-31' };
  assertPeriodKey(p, key);
  // `count` months from month `first` of the key's year (a 七一 cycle runs into the next year).
  const months = (first: number, count: number) => {
    const from = addMonths(`${key.slice(0, 4)}-01`, first - 1);
    return { from: `${from}-01`, to: lastDayOf(addMonths(from, count - 1)) };
  };
  switch (p) {
    case 'month':
      return months(Number(key.slice(5, 7)), 1);
    case 'quarter':
      return months((Number(key.slice(6)) - 1) * 3 + 1, 3);
    case 'half':
      return months(key.endsWith('1') ? 1 : 7, 6);
    case 'year':
      return months(1, 12);
    case 'cycle':
      return months((calendar.cycle as { startMonth: number }).startMonth, 12);
  }
}

/** Whether the whole period lies before today's date (Shanghai): it can be closed. */
export function periodEnded(period: Period, key: string, now: Date, calendar: CalendarDef): boolean {
  return periodRange(period, key, calendar).to < shanghaiDate(now);
}

function lastDayOf(monthKey: string): string {
  for (const day of [31, 30, 29, 28]) {
    const date = `${monthKey}-${day}`;
    if (isCalendarDate(date)) return date;
  }
  throw new DomainError('INTERNAL', `no last day for ${monthKey}`);
}

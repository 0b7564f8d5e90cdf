/**
 * Working days (工作日) as data: a day is a working day when it is Monday to Friday and not a public
 * holiday, or when it is a weekend day the State Council has made a working day (调休). 公示 windows
 * and answers to objections count working days (seeds/002 六(二)(2): 公示 5 个工作日; seeds/001 篇一:
 * 7 个工作日内答复).
 */
import { DomainError } from './errors';
import { assertCalendarDate, daysBetween } from './periods';

export interface WorkingDayCalendar {
  /** Public holidays falling on days that would otherwise be worked, 'YYYY-MM-DD'. */
  holidays: ReadonlySet<string>;
  /** Weekend days made working days (调休上班), 'YYYY-MM-DD'. */
  workdays: ReadonlySet<string>;
  /** Years whose published schedule the calendar holds; other years count weekends only. */
  years: ReadonlySet<string>;
}

/** Day of week of a calendar date, 0 = Sunday (zone-free: the date is already a China date). */
function weekday(date: string): number {
  return ((daysBetween('2000-01-02', date) % 7) + 7) % 7; // 2000-01-02 was a Sunday
}

export function isWorkingDay(date: string, calendar: WorkingDayCalendar): boolean {
  assertCalendarDate(date);
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const day = weekday(date);
  return day !== 0 && day !== 6;
}

/** The calendar date `n` days after `date` (n may be negative). */
export function addDays(date: string, n: number): string {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + n * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The `n`th working day after `date`, not counting `date` itself (公示 published on a day runs from
 * the next working day): the window's last day.
 */
export function nthWorkingDayAfter(date: string, n: number, calendar: WorkingDayCalendar): string {
  if (!Number.isInteger(n) || n < 1) throw new DomainError('INTERNAL', `working days must be a positive integer, got ${n}`);
  let day = assertCalendarDate(date);
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, calendar)) counted++;
  }
  return day;
}

/** Whether the calendar knows the published schedule of `date`'s year. */
export function knowsYear(date: string, calendar: WorkingDayCalendar): boolean {
  return calendar.years.has(date.slice(0, 4));
}
